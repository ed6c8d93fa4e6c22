package org.hotpapers.indexer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the real corpus ({@code ../shared/corpus/posts} beside the checkout) for tests that use it;
 * they skip, saying so, when it is absent.
 */
public final class SharedCorpus {

  /** Number of distinct papers in the real corpus. */
  public static final int PAPERS = 3343;

  private SharedCorpus() {}

  /** The corpus posts folder, looked up from the working directory and its parents. */
  public static Optional<Path> posts() {
    return shared(Path.of("corpus", "posts"));
  }

  /**
   * The relevance kit ({@code ../shared/relevance}: development queries with known answers), looked
   * up like {@link #posts()}.
   */
  public static Optional<Path> relevanceKit() {
    return shared(Path.of("relevance"));
  }

  private static Optional<Path> shared(Path folder) {
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve(folder);
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The message a test prints when it skips for want of the corpus. */
  public static String skipMessage() {
    return "skipped: ../shared/corpus/posts not found beside the checkout";
  }
}
