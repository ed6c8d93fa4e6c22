package org.hotpapers.indexer;

import java.io.IOException;
import java.nio.file.Path;

/** Starts the indexer command line in a separate JVM, so a test can kill it mid-way. */
public final class IndexerProcess {

  private IndexerProcess() {}

  /** Starts {@code IndexerMain --posts posts --index index}, output discarded. */
  public static Process start(Path posts, Path index) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            IndexerMain.class.getName(),
            "--posts",
            posts.toString(),
            "--index",
            index.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }
}
