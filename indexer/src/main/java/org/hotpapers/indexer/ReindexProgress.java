package org.hotpapers.indexer;

import java.time.Duration;
import java.util.Locale;

/**
 * How far a batch reindex has come.
 *
 * @param postsDone posts parsed or skipped so far
 * @param postsTotal posts found in the folder
 * @param papersFound distinct papers parsed so far
 * @param papersIndexed papers written to the new index so far
 */
public record ReindexProgress(
    int postsDone, int postsTotal, int papersFound, int papersIndexed, Duration elapsed) {

  /** One line for a terminal or a log. */
  public String describe() {
    double seconds = Math.max(elapsed.toMillis() / 1000.0, 0.001);
    return papersIndexed == 0
        ? String.format(
            Locale.ROOT,
            "parsed %,d/%,d posts, %,d papers, %.0f posts/s",
            postsDone,
            postsTotal,
            papersFound,
            postsDone / seconds)
        : String.format(
            Locale.ROOT,
            "indexed %,d/%,d papers, %.0f papers/s",
            papersIndexed,
            papersFound,
            papersIndexed / seconds);
  }
}
