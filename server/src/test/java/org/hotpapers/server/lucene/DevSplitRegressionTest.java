package org.hotpapers.server.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hotpapers.indexer.BatchReindex;
import org.hotpapers.indexer.PostParser;
import org.hotpapers.indexer.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scores the relevance kit's development split ({@code ../shared/relevance}, 539 queries of 12
 * kinds) on the real corpus, as the kit's {@code score.py} does, and compares each kind's MRR@10,
 * R@10, category precision and engagement lift with {@code dev-split-metrics.tsv}: a ranking change
 * is a visible diff. Skips, saying so, without the kit or the corpus.
 */
class DevSplitRegressionTest {

  @Test
  void developmentSplitMatchesThePinnedFigures(@TempDir Path tmp) throws IOException {
    Optional<Path> posts = SharedCorpus.posts();
    Optional<Path> kit = SharedCorpus.relevanceKit();
    assumeTrue(posts.isPresent(), "DevSplitRegressionTest " + SharedCorpus.skipMessage());
    assumeTrue(
        kit.isPresent(),
        "DevSplitRegressionTest skipped: ../shared/relevance not found beside the checkout");
    Path index = tmp.resolve("index");
    new BatchReindex(new PostParser(), progress -> {}).run(posts.get(), index);
    DevSplit split = DevSplit.read(kit.get());
    try (SearchService service = SearchService.open(index)) {
      Map<String, DevSplit.KindFigures> figures = split.score(service);
      String measured =
          figures.entrySet().stream()
              .map(kind -> kind.getValue().line(kind.getKey()))
              .collect(Collectors.joining("\n", "", "\n"));
      System.out.print("DevSplitRegressionTest measured:\n" + measured);
      assertEquals(pinned(), measured, "ranking changed: update dev-split-metrics.tsv if intended");
    }
  }

  private static String pinned() throws IOException {
    try (InputStream in =
        DevSplitRegressionTest.class.getResourceAsStream("/relevance/dev-split-metrics.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(line -> !line.startsWith("#") && !line.startsWith("kind\t"))
              .collect(Collectors.joining("\n"))
          + "\n";
    }
  }
}
