package org.hotpapers.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A paper's document: what a paper without tweets writes to the tweet fields. */
class PaperDocumentsTest {

  private static Paper paper(String id, List<Tweet> tweets) {
    return new Paper(
        id,
        "Sparse attention for long documents",
        List.of("A. Author"),
        List.of("cs.CL"),
        "We attend sparsely.",
        3,
        5,
        List.of(LocalDate.of(2021, 1, 4)),
        tweets);
  }

  @Test
  void aPaperWithoutTweetsHasTweetNormsButNoTweetTermsOrStoredTweets(@TempDir Path dir)
      throws IOException {
    Tweet tweet = new Tweet("sparse attention works", "Ann", "ann", null, "https://t/1");
    try (PaperIndexer indexer = new PaperIndexer(dir)) {
      indexer.addAll(
          List.of(
              paper("2101.00001", List.of(tweet)),
              paper("2101.00002", List.of()),
              paper("2101.00003", List.of(tweet))));
      indexer.commit(Map.of());
    }
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      LeafReader leaf = reader.leaves().get(0).reader();
      for (String field : List.of(PaperSchema.TWEET, PaperSchema.TWEETER)) {
        assertEquals(List.of(0, 1, 2), docsWithNorms(leaf.getNormValues(field)), field);
        assertEquals(2, reader.getDocCount(field), field + ": papers BM25 counts");
      }
      List<List<Tweet>> stored = new ArrayList<>();
      PaperDocuments.livePapers(reader).forEach(paper -> stored.add(paper.tweets()));
      assertEquals(List.of(List.of(tweet), List.of(), List.of(tweet)), stored);
    }
  }

  private static List<Integer> docsWithNorms(NumericDocValues norms) throws IOException {
    List<Integer> docs = new ArrayList<>();
    for (int doc = norms.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = norms.nextDoc()) {
      docs.add(doc);
    }
    return docs;
  }
}
