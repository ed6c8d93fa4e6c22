package org.hotpapers.server.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotpapers.indexer.BatchReindex;
import org.hotpapers.indexer.HashingEmbedder;
import org.hotpapers.indexer.MiniLmEmbedder;
import org.hotpapers.indexer.PaperEmbedder;
import org.hotpapers.indexer.PaperVectors;
import org.hotpapers.indexer.PostParser;
import org.hotpapers.server.Requests;
import org.hotpapers.server.ServerFixture;
import org.hotpapers.server.search.ScoreBreakdown;
import org.hotpapers.server.search.SearchHit;
import org.hotpapers.server.search.SearchMode;
import org.hotpapers.server.search.SearchRequest;
import org.hotpapers.server.search.SearchResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search by meaning on the fixture posts, embedded with the real in-process model. */
class SemanticSearchTest {

  /** Shares no word with any fixture post; it describes "Attention Is All You Need for Speech". */
  private static final String DESCRIPTION = "transcribing spoken audio";

  @TempDir static Path tmp;
  static PaperEmbedder embedder;
  static SearchService service;

  @BeforeAll
  static void open() throws IOException {
    embedder = new MiniLmEmbedder();
    Path posts = Files.createDirectories(tmp.resolve("posts"));
    for (String name : ServerFixture.POSTS) {
      try (InputStream in = SemanticSearchTest.class.getResourceAsStream("/posts/" + name)) {
        Files.write(posts.resolve(name), in.readAllBytes());
      }
    }
    PaperVectors vectors = PaperVectors.open(embedder, tmp.resolve("cache"));
    new BatchReindex(new PostParser(), progress -> {}, 1, vectors).run(posts, tmp.resolve("index"));
    service =
        SearchService.open(
            tmp.resolve("index"), Duration.ofSeconds(10), RankingWeights.DEFAULT, embedder);
  }

  @AfterAll
  static void close() throws IOException {
    service.close();
    embedder.close();
  }

  private static SearchRequest request(String q, SearchMode mode, List<String> categories) {
    return Requests.explained(q, categories, mode);
  }

  @Test
  void aDescriptionFindsItsPaperOnlyByMeaning() {
    SearchResponse words = service.search(request(DESCRIPTION, SearchMode.LEXICAL, List.of()));
    assertEquals(0, words.total());
    SearchResponse hybrid = service.search(request(DESCRIPTION, SearchMode.HYBRID, List.of()));
    SearchHit first = hybrid.hits().get(0);
    assertEquals("2201.00004", first.id());
    assertTrue(first.matchedByMeaning());
    ScoreBreakdown parts = first.explain();
    assertTrue(parts.semantic() > 0, parts.toString());
    assertEquals(first.score(), parts.total(), 1e-3);
    assertEquals(8, hybrid.total(), "the nearest papers: all 8, fewer than the candidates taken");
  }

  @Test
  void filtersApplyToMeaningToo() {
    SearchResponse response =
        service.search(request(DESCRIPTION, SearchMode.HYBRID, List.of("cs.CV")));
    assertFalse(response.hits().isEmpty());
    for (SearchHit hit : response.hits()) {
      assertTrue(hit.categories().contains("cs.CV"), hit.id());
    }
    assertEquals(
        response.total(),
        response.facets().categories().stream()
            .filter(value -> value.value().equals("cs.CV"))
            .findFirst()
            .orElseThrow()
            .count());
  }

  @Test
  void aQueryWhoseWordsAllMatchListsItsWordMatchesFirstThenTheNearest() {
    SearchResponse words =
        service.search(request("diffusion graphs", SearchMode.LEXICAL, List.of()));
    SearchResponse hybrid =
        service.search(request("diffusion graphs", SearchMode.HYBRID, List.of()));
    Set<String> wordMatches = words.hits().stream().map(SearchHit::id).collect(Collectors.toSet());
    assertEquals(words.total(), wordMatches.size());
    assertEquals(8, hybrid.total(), "the word matches and the nearest papers: all 8");
    assertEquals("2201.00006", hybrid.hits().get(0).id());
    for (int i = 0; i < hybrid.hits().size(); i++) {
      SearchHit hit = hybrid.hits().get(i);
      boolean byWords = i < wordMatches.size();
      assertEquals(byWords, wordMatches.contains(hit.id()), "hit " + i + ": " + hit.id());
      assertEquals(!byWords, hit.matchedByMeaning(), "hit " + i + ": " + hit.id());
      assertEquals(hit.score(), hit.explain().total(), 1e-3);
    }
  }

  @Test
  void semanticModeRanksByMeaningAlone() {
    SearchResponse response =
        service.search(request("generating pictures", SearchMode.SEMANTIC, List.of()));
    List<String> top = response.hits().stream().limit(3).map(SearchHit::id).toList();
    assertTrue(
        top.contains("2201.00007") || top.contains("2201.00001") || top.contains("2201.00002"),
        top.toString());
  }

  @Test
  void similarPapersComeFromTheVectors() {
    List<String> similar =
        service.similar("2201.00001", 3).orElseThrow().stream().map(SearchHit::id).toList();
    assertFalse(similar.contains("2201.00001"));
    assertTrue(
        similar.get(0).equals("2201.00007") || similar.get(0).equals("2201.00002"),
        similar.toString());
  }

  @Test
  void theServiceSaysItSearchesByMeaning() {
    assertEquals(MiniLmEmbedder.MODEL, service.semanticModel().orElseThrow());
  }

  @Test
  void anIndexEmbeddedByAnotherModelIsRefused(@TempDir Path other) throws IOException {
    Path posts = Files.createDirectories(other.resolve("posts"));
    Files.copy(tmp.resolve("posts").resolve(ServerFixture.POSTS.get(0)), posts.resolve("a.md"));
    PaperVectors vectors =
        PaperVectors.open(new HashingEmbedder("test-hash"), other.resolve("cache"));
    new BatchReindex(new PostParser(), progress -> {}, 1, vectors)
        .run(posts, other.resolve("index"));
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () ->
                SearchService.open(
                    other.resolve("index"),
                    Duration.ofSeconds(1),
                    RankingWeights.DEFAULT,
                    embedder));
    assertTrue(refused.getMessage().contains("'test-hash'"), refused.getMessage());
    assertTrue(refused.getMessage().contains("'" + MiniLmEmbedder.MODEL + "'"));
  }
}
