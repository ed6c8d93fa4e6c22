package org.hotpapers.server.search;

import static org.hotpapers.server.ServerFixture.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.hotpapers.indexer.Paper;
import org.hotpapers.server.ServerFixture;
import org.hotpapers.server.http.HotpapersApp;
import org.hotpapers.server.lucene.SearchService;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BibTeX entries, parsed back with jbibtex. */
class PaperCitationTest {

  private static BibTeXEntry parse(String bibtex) throws Exception {
    BibTeXDatabase database = new BibTeXParser().parse(new StringReader(bibtex));
    assertEquals(1, database.getEntries().size(), bibtex);
    return database.getEntries().values().iterator().next();
  }

  private static String field(BibTeXEntry entry, String name) {
    return entry.getField(new Key(name)).toUserString();
  }

  private static String asText(String latex) throws Exception {
    return new LaTeXPrinter().print(new LaTeXParser().parse(latex));
  }

  @Test
  void anEntryInArxivStyleWithAccentsAndSpecialCharactersEscaped() throws Exception {
    Paper paper =
        new Paper(
            "2102.03902",
            "Nyströmformer: 50% {faster} & the $\\mathcal{O}(n)$ path_way",
            List.of("Yunyang Xiong", "Émile Zola", "Plato"),
            List.of("cs.CL", "cs.LG"),
            "",
            1,
            2,
            List.of(LocalDate.of(2021, 2, 9)),
            List.of());
    String bibtex = PaperCitation.bibtex(paper);
    BibTeXEntry entry = parse(bibtex);
    assertEquals(new Key("misc"), entry.getType());
    assertEquals("xiong2021nystromformer", entry.getKey().getValue());
    assertEquals("2102.03902", field(entry, "eprint"));
    assertEquals("arXiv", field(entry, "archivePrefix"));
    assertEquals("cs.CL", field(entry, "primaryClass"));
    assertEquals("2021", field(entry, "year"));
    assertEquals("https://arxiv.org/abs/2102.03902", field(entry, "url"));
    assertEquals("Xiong, Yunyang and Zola, {\\'E}mile and Plato", field(entry, "author"));
    assertEquals("Xiong, Yunyang and Zola, Émile and Plato", asText(field(entry, "author")));
    assertTrue(field(entry, "title").contains("$\\mathcal{O}(n)$"), bibtex);
    assertTrue(
        field(entry, "title").startsWith("Nystr{\\\"o}mformer: 50\\% \\{faster\\} \\& the"),
        bibtex);
    assertTrue(field(entry, "title").endsWith("path\\_way"), bibtex);
  }

  @Test
  void oldStyleIdsGiveTheirCentury() {
    assertEquals("1999", PaperCitation.year("hep-th/9901001"));
    assertEquals("2006", PaperCitation.year("math.GT/0601001"));
    assertEquals("2021", PaperCitation.year("2108.01513"));
  }

  @Test
  void theRouteAnswersBibtexAndUnknownIdsAre404(@TempDir Path tmp) throws Exception {
    try (SearchService service = ServerFixture.openService(tmp)) {
      JavalinTest.test(
          HotpapersApp.create(service),
          (server, client) -> {
            Response response = client.get(path("/papers/2201.00003.bib"));
            assertEquals(200, response.code());
            assertTrue(
                response.headers().get("Content-Type").get(0).startsWith("application/x-bibtex"));
            BibTeXEntry entry = parse(response.body().string());
            assertEquals("2201.00003", field(entry, "eprint"));
            assertEquals("A Survey of Graph Neural Networks", field(entry, "title"));
            Response missing = client.get("/papers/2999.99999.bib");
            assertEquals(404, missing.code());
            assertEquals("{\"error\":\"no paper with id 2999.99999\"}", missing.body().string());
          });
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
