package org.hotpapers.server.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.hotpapers.indexer.BatchReindex;
import org.hotpapers.indexer.Paper;
import org.hotpapers.indexer.PaperDocuments;
import org.hotpapers.indexer.PostParser;
import org.hotpapers.indexer.SharedCorpus;
import org.hotpapers.server.Requests;
import org.hotpapers.server.search.PaperView;
import org.hotpapers.server.search.ScoreBreakdown;
import org.hotpapers.server.search.SearchHit;
import org.hotpapers.server.search.SearchRequest;
import org.hotpapers.server.search.SearchResponse;
import org.hotpapers.server.search.SortOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Similar papers and score explanations over the real corpus, when it is beside the checkout. */
class DiscoveryCorpusTest {

  /** Every how many papers the similar-papers test asks about: a third of them keeps it short. */
  private static final int SIMILAR_STRIDE = 3;

  @TempDir static Path tmp;
  static SearchService service;
  static List<String> ids = new ArrayList<>();

  @BeforeAll
  static void open() throws IOException {
    Optional<Path> posts = SharedCorpus.posts();
    if (posts.isEmpty()) {
      System.out.println("DiscoveryCorpusTest " + SharedCorpus.skipMessage());
      return;
    }
    Path index = tmp.resolve("index");
    new BatchReindex(new PostParser(), progress -> {}).run(posts.get(), index);
    service = SearchService.open(index);
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      for (Paper paper : PaperDocuments.livePapers(reader)) {
        ids.add(paper.id());
      }
    }
  }

  @AfterAll
  static void close() throws IOException {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void equallyCloseCorrectionsAreChosenByTheWordsAroundThem() {
    assumeTrue(service != null, SharedCorpus.skipMessage());
    SearchResponse response = service.search(SearchRequest.of("seing visoin langauge"));
    assertEquals("seeing vision language", response.suggestion());
    assertEquals("2104.03135", response.hits().get(0).id());
    SearchResponse alone = service.search(SearchRequest.of("seing"));
    assertEquals("being", alone.suggestion());
  }

  @Test
  void wordsOfAbstractsAndTweetsAreNeverCorrected() {
    assumeTrue(service != null, SharedCorpus.skipMessage());
    SearchResponse response = service.search(SearchRequest.of("begin according staple discovered"));
    assertEquals(null, response.suggestion());
    assertEquals(1, response.total());
  }

  @Test
  void realWordsAndAcronymsAreNotCorrectedToOtherWords() {
    assumeTrue(service != null, SharedCorpus.skipMessage());
    assertEquals(
        null,
        service
            .search(SearchRequest.of("miners forking to steal high-fee transactions"))
            .suggestion());
    assertEquals(
        null, service.search(SearchRequest.of("FDR control by bootstrapping")).suggestion());
    assertEquals(
        "transformer segmentation",
        service.search(SearchRequest.of("tranformer segmentaion")).suggestion());
  }

  @Test
  void mostSimilarPaperSharesACategoryForAtLeast80PercentOfPapers() {
    assumeTrue(service != null, SharedCorpus.skipMessage());
    int sharing = 0;
    int withSimilar = 0;
    List<String> sample = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += SIMILAR_STRIDE) {
      sample.add(ids.get(i));
    }
    for (String id : sample) {
      PaperView paper = service.paper(id).orElseThrow();
      List<SearchHit> similar = service.similar(id, 1).orElseThrow();
      if (similar.isEmpty()) {
        continue;
      }
      withSimilar++;
      assertTrue(!similar.get(0).id().equals(id));
      Set<String> shared = new HashSet<>(paper.categories());
      shared.retainAll(similar.get(0).categories());
      if (!shared.isEmpty()) {
        sharing++;
      }
    }
    double fraction = sharing / (double) sample.size();
    System.out.printf(
        "DiscoveryCorpusTest: the most similar paper shares a category for %d of %d papers (one in"
            + " %d, %.3f); %d have a similar paper%n",
        sharing, sample.size(), SIMILAR_STRIDE, fraction, withSimilar);
    assertTrue(fraction >= 0.8, "only " + fraction);
  }

  @Test
  void explanationsAddUpForEveryHitOfOverAHundredQueries() throws IOException {
    assumeTrue(service != null, SharedCorpus.skipMessage());
    List<RelevanceRegressionTest.Judged> queries = new ArrayList<>();
    queries.addAll(RelevanceRegressionTest.judgedQueries("/relevance/judged-queries.tsv"));
    queries.addAll(RelevanceRegressionTest.judgedQueries("/relevance/misspelled-queries.tsv"));
    assertTrue(queries.size() >= 100);
    int hits = 0;
    for (RelevanceRegressionTest.Judged judged : queries) {
      SearchResponse response =
          service.search(Requests.with(judged.request(), SortOrder.RELEVANCE, 1, true));
      for (SearchHit hit : response.hits()) {
        ScoreBreakdown parts = hit.explain();
        double sum =
            parts.text().values().stream().mapToDouble(Double::doubleValue).sum()
                + parts.engagement()
                + parts.allWords()
                + parts.recency();
        assertEquals(hit.score(), sum, 1e-4, judged.request().q() + " " + hit.id() + " " + parts);
        hits++;
      }
    }
    System.out.println(
        "DiscoveryCorpusTest: explanations add up for "
            + hits
            + " hits of "
            + queries.size()
            + " queries");
  }
}
