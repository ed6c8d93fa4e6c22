package org.hotpapers.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rebuild in a heap too small for the embedding model ends with a clear error, not a hang. */
class OutOfMemoryTest {

  @Test
  void runningOutOfMemoryIsReportedAndTheProcessEnds(@TempDir Path tmp) throws Exception {
    Path posts = Fixtures.copyPosts(tmp.resolve("posts"));
    Process process = IndexerProcess.command(posts, tmp.resolve("index"), "-Xmx20m").start();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the indexer ended");
    String text = new String(output, StandardCharsets.UTF_8);
    assertEquals(1, process.exitValue(), text);
    assertTrue(text.contains("ran out of memory, previous index kept"), text);
  }
}
