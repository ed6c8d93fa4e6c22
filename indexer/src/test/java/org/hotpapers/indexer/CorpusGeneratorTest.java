package org.hotpapers.indexer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic corpus is deterministic, parses cleanly and has the real corpus's shape. */
class CorpusGeneratorTest {

  @Test
  void sameSeedWritesTheSameValidPosts(@TempDir Path tmp) throws IOException {
    List<String> vocabulary = CorpusGenerator.pseudoWords(5_000, 7);
    new CorpusGenerator(vocabulary, 42).write(tmp.resolve("a"), 2_000);
    new CorpusGenerator(vocabulary, 42).write(tmp.resolve("b"), 2_000);
    List<Path> a = files(tmp.resolve("a"));
    assertEquals(a.size(), files(tmp.resolve("b")).size());
    for (Path file : a) {
      Path twin = tmp.resolve("b").resolve(tmp.resolve("a").relativize(file));
      assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(twin), file.toString());
    }

    ReindexSummary summary =
        new BatchReindex(new PostParser(), progress -> {})
            .run(tmp.resolve("a"), tmp.resolve("index"));
    assertEquals(List.of(), summary.skippedPosts());
    assertEquals(List.of(), summary.problems());
    assertEquals(2_000, summary.papersIndexed() + summary.papersMerged());
    assertTrue(summary.papersIndexed() > 1_990, "papers: " + summary.papersIndexed());
  }

  @Test
  void papersHaveTheRealShape(@TempDir Path tmp) throws Exception {
    new CorpusGenerator(CorpusGenerator.pseudoWords(5_000, 7), 1).write(tmp, 3_000);
    PostParser parser = new PostParser();
    long tweets = 0;
    long withoutTweets = 0;
    long abstractWords = 0;
    int papers = 0;
    for (Path file : files(tmp)) {
      for (Paper paper : parser.parse(file.toString(), Files.readAllBytes(file)).papers()) {
        papers++;
        tweets += paper.tweets().size();
        withoutTweets += paper.tweets().isEmpty() ? 1 : 0;
        abstractWords += paper.abstractText().split(" ").length;
        assertTrue(!paper.categories().isEmpty() && paper.engagement() >= 0);
      }
    }
    double meanAbstract = abstractWords / (double) papers;
    assertTrue(meanAbstract > 140 && meanAbstract < 200, "abstract words " + meanAbstract);
    double meanTweets = tweets / (double) papers;
    assertTrue(meanTweets > 0.9 && meanTweets < 1.4, "tweets per paper " + meanTweets);
    assertTrue(withoutTweets > 0.02 * papers && withoutTweets < 0.12 * papers);
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
  }
}
