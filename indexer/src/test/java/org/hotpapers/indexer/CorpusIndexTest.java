package org.hotpapers.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Indexes the real corpus, when it is beside the checkout, and pins what the index holds. */
class CorpusIndexTest {

  @TempDir static Path tmp;
  static ReindexSummary summary;
  static boolean checkIndexClean;
  static Map<String, Paper> papers = new TreeMap<>();

  @BeforeAll
  static void indexCorpus() throws IOException {
    Optional<Path> posts = SharedCorpus.posts();
    if (posts.isEmpty()) {
      System.out.println("CorpusIndexTest " + SharedCorpus.skipMessage());
      return;
    }
    Path index = tmp.resolve("index");
    summary = new BatchReindex(new PostParser(), progress -> {}).run(posts.get(), index);
    System.out.println(
        "CorpusIndexTest: indexed the real corpus in " + summary.elapsed().toMillis() + " ms");
    try (FSDirectory dir = FSDirectory.open(index);
        CheckIndex checker = new CheckIndex(dir)) {
      checker.setInfoStream(
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      checkIndexClean = checker.checkIndex().clean;
    }
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      for (Paper paper : PaperDocuments.livePapers(reader)) {
        papers.put(paper.id(), paper);
      }
    }
  }

  @Test
  void everyPaperIsIndexedOnce() {
    assumeTrue(summary != null, SharedCorpus.skipMessage());
    assertEquals(294, summary.postsRead());
    assertEquals(List.of(), summary.skippedPosts());
    assertEquals(List.of(), summary.problems());
    assertEquals(SharedCorpus.PAPERS, summary.papersIndexed());
    assertEquals(SharedCorpus.PAPERS, papers.size());
    assertEquals(4, summary.papersMerged());
  }

  @Test
  void checkIndexIsClean() {
    assumeTrue(summary != null, SharedCorpus.skipMessage());
    assertTrue(checkIndexClean);
  }

  @Test
  void papersOnTwoDaysCarryBothDates() {
    assumeTrue(summary != null, SharedCorpus.skipMessage());
    List<String> twoDays =
        papers.values().stream().filter(p -> p.dates().size() == 2).map(Paper::id).toList();
    assertEquals(List.of("2010.04296", "2010.14680", "2011.11660", "2101.06887"), twoDays);
  }

  @Test
  void postsWithEmptyAbstractsStillIndexTheirPapers() {
    assumeTrue(summary != null, SharedCorpus.skipMessage());
    long fromEmptyPosts =
        papers.values().stream()
            .filter(p -> p.abstractText().isEmpty())
            .filter(
                p ->
                    p.dates().contains(LocalDate.of(2021, 4, 20))
                        || p.dates().contains(LocalDate.of(2021, 6, 8)))
            .count();
    assertEquals(47, fromEmptyPosts);
  }

  @Test
  void emptyPostIsReportedAsEmpty() {
    assumeTrue(summary != null, SharedCorpus.skipMessage());
    assertEquals(List.of("2020-12-07---Hot-Papers.md"), summary.emptyPosts());
    assertTrue(summary.report().contains("2020-12-07---Hot-Papers.md: no papers"));
  }

  @Test
  void tweetsAndTextSurviveTheRoundTrip() {
    assumeTrue(summary != null, SharedCorpus.skipMessage());
    long tweets = papers.values().stream().mapToLong(p -> p.tweets().size()).sum();
    long withoutTweets = papers.values().stream().filter(p -> p.tweets().isEmpty()).count();
    assertTrue(tweets >= 3700 && tweets <= 3740, "tweets: " + tweets);
    assertEquals(211, withoutTweets);
    assertTrue(papers.values().stream().anyMatch(p -> p.title().startsWith("Nyströmformer")));
    assertTrue(papers.values().stream().noneMatch(p -> p.title().contains("  ")));
  }
}
