package org.hotpapers.indexer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the indexer command line in a separate JVM, so a test can kill it mid-way. */
public final class IndexerProcess {

  private IndexerProcess() {}

  /** Starts {@code IndexerMain --posts posts --index index}, output discarded. */
  public static Process start(Path posts, Path index) throws IOException {
    return command(posts, index).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  /**
   * The command {@code java [jvmOptions] IndexerMain --posts posts --index index}, on this test's
   * class path, with errors merged into the output.
   */
  public static ProcessBuilder command(Path posts, Path index, String... jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of(jvmOptions));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            IndexerMain.class.getName(),
            "--posts",
            posts.toString(),
            "--index",
            index.toString()));
    return new ProcessBuilder(command).redirectErrorStream(true);
  }
}
