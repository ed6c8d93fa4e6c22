package org.hotpapers.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real indexer process (SIGKILL) while it rebuilds an index and checks that the previous
 * index still opens, complete and clean, and that the next reindex succeeds.
 */
class CrashSafetyTest {

  private static final int POSTS = 700;
  private static final int SECTIONS = 20;

  @Test
  void killedReindexLeavesThePreviousIndexIntact(@TempDir Path tmp) throws Exception {
    Path index = tmp.resolve("index");
    new BatchReindex(new PostParser(), progress -> {})
        .run(Fixtures.copyPosts(tmp.resolve("small")), index);
    Path big = SyntheticPosts.write(tmp.resolve("big"), POSTS, SECTIONS);
    Set<String> committedFiles = files(index);

    Random random = new Random(20210804);
    int killedWhileWriting = 0;
    for (int round = 0; round < 4; round++) {
      Process indexer = IndexerProcess.start(big, index);
      long started = System.nanoTime();
      if (round % 2 == 1) {
        waitUntilWriting(indexer, index, committedFiles);
      }
      boolean finished =
          indexer.waitFor(random.nextInt(round % 2 == 1 ? 500 : 1500), TimeUnit.MILLISECONDS);
      long delay = (System.nanoTime() - started) / 1_000_000;
      assertTrue(!finished, "the reindex finished before the kill at " + delay + " ms");
      if (!files(index).equals(committedFiles)) {
        killedWhileWriting++;
      }
      indexer.destroyForcibly().waitFor();

      assertEquals(6, numDocs(index), "round " + round + ", killed after " + delay + " ms");
      assertTrue(checkIndex(index), "CheckIndex after the kill in round " + round);
    }
    assertTrue(killedWhileWriting > 0, "no kill landed while the new index was being written");

    ReindexSummary next = new BatchReindex(new PostParser(), progress -> {}).run(big, index);
    assertEquals(POSTS * SECTIONS, next.papersIndexed());
    assertEquals(POSTS * SECTIONS, numDocs(index));
  }

  /** Waits until the indexer has written files of the new index (it is past parsing). */
  private static void waitUntilWriting(Process indexer, Path index, Set<String> committed)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (files(index).equals(committed)) {
      assertTrue(indexer.isAlive(), "the indexer ended before writing anything");
      assertTrue(System.nanoTime() < deadline, "the indexer wrote nothing in 60 s");
      Thread.sleep(20);
    }
  }

  private static Set<String> files(Path index) throws IOException {
    try (Stream<Path> list = Files.list(index)) {
      return list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  private static int numDocs(Path index) throws IOException {
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      return reader.numDocs();
    }
  }

  private static boolean checkIndex(Path index) throws IOException {
    try (FSDirectory dir = FSDirectory.open(index);
        CheckIndex checker = new CheckIndex(dir)) {
      checker.setInfoStream(
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      return checker.checkIndex(List.of()).clean;
    }
  }
}
