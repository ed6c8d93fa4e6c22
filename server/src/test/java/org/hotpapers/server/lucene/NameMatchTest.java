package org.hotpapers.server.lucene;

import static org.hotpapers.server.FixturePapers.paper;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotpapers.indexer.PaperIndexer;
import org.hotpapers.server.Requests;
import org.hotpapers.server.search.SearchHit;
import org.hotpapers.server.search.SearchResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A word that many papers use and one author is named ranks the papers with it in their title
 * first, not the author; a surname that no text holds still finds its author first.
 */
class NameMatchTest {

  @Test
  void aCommonWordRanksByTextBeforeAnAuthorOfThatName(@TempDir Path tmp) throws IOException {
    Path index = tmp.resolve("index");
    try (PaperIndexer indexer = new PaperIndexer(index)) {
      indexer.add(paper("2101.00001", "Deep Residual Networks", "Ana Lopes", "Deep networks."));
      indexer.add(paper("2101.00002", "Deep Reinforcement Learning", "Bo Chen", "Deep agents."));
      indexer.add(paper("2101.00003", "Deep Kernel Methods", "Carla Diaz", "Deep kernels."));
      indexer.add(paper("2101.00004", "Deep Speech Models", "Dan Ito", "Deep speech."));
      indexer.add(paper("2101.00005", "Sparse Coding", "Eva Novak", "Deep sparse codes."));
      indexer.add(
          paper("2101.00006", "Red Teaming Language Models", "Deep Ganguli", "Harms of models."));
      indexer.add(paper("2101.00007", "Graph Partitioning", "Femi Ade", "Cutting graphs."));
      indexer.add(paper("2101.00008", "Protein Folding", "Gil Roth", "Folding proteins."));
      indexer.commit(Map.of());
    }
    try (SearchService service = SearchService.open(index)) {
      SearchResponse deep = service.search(Requests.filtered("deep", List.of(), ""));
      List<String> ids = deep.hits().stream().map(SearchHit::id).toList();
      assertEquals(6, deep.total(), ids.toString());
      assertEquals(
          Set.of("2101.00001", "2101.00002", "2101.00003", "2101.00004"),
          Set.copyOf(ids.subList(0, 4)),
          "the papers with the word in their title first: " + ids);

      SearchResponse surname = service.search(Requests.filtered("ganguli", List.of(), ""));
      assertEquals("2101.00006", surname.hits().get(0).id());
    }
  }
}
