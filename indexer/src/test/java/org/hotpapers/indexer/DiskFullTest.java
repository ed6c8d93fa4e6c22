package org.hotpapers.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.tests.store.MockDirectoryWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild that runs out of disk, or whose writes fail at random, never damages the index it
 * replaces: Lucene's MockDirectoryWrapper fills the disk at seeded points and throws seeded IO
 * exceptions, and after each failure the served index opens with every paper and CheckIndex finds
 * it clean; a rebuild with room to write then succeeds.
 */
class DiskFullTest {

  private static final int SEEDS = 20;

  @TempDir Path tmp;

  @Test
  void failedRebuildsLeaveTheServedIndexIntact() throws IOException {
    Path posts = Fixtures.copyPosts(tmp.resolve("posts"));
    Path index = tmp.resolve("index");
    BatchReindex reindex = new BatchReindex(new PostParser(), progress -> {}, 1);
    int papers = reindex.run(posts, index).papersIndexed();
    long served = size(index);
    int diskFull = 0;
    int ioFailures = 0;
    for (int seed = 0; seed < 2 * SEEDS; seed++) {
      Random random = new Random(seed);
      boolean failed;
      try (MockDirectoryWrapper dir = new MockDirectoryWrapper(random, FSDirectory.open(index))) {
        dir.setCheckIndexOnClose(false);
        dir.setAssertNoUnrefencedFilesOnClose(false);
        dir.setThrottling(MockDirectoryWrapper.Throttling.NEVER);
        if (seed < SEEDS) {
          dir.setMaxSizeInBytes(served + random.nextInt((int) served));
        } else {
          dir.setRandomIOExceptionRate(0.02 + random.nextDouble() * 0.1);
          dir.setRandomIOExceptionRateOnOpen(0.02);
        }
        failed = failsOrSucceeds(reindex, posts, dir);
      }
      if (failed) {
        if (seed < SEEDS) {
          diskFull++;
        } else {
          ioFailures++;
        }
      }
      assertServed(index, papers, "seed " + seed);
    }
    System.out.printf(
        "DiskFullTest: %d disk-full and %d failing-write rebuilds failed, of %d each;"
            + " the served index stayed whole every time%n",
        diskFull, ioFailures, SEEDS);
    assertTrue(diskFull >= SEEDS / 2, "the disk filled up in most runs: " + diskFull);
    assertTrue(ioFailures >= SEEDS / 2, "writes failed in most runs: " + ioFailures);
    assertEquals(papers, reindex.run(posts, index).papersIndexed());
    assertServed(index, papers, "after the failures");
  }

  /** Runs a rebuild; whether it failed with an IO error (anything else is a test failure). */
  private static boolean failsOrSucceeds(BatchReindex reindex, Path posts, Directory dir) {
    try {
      reindex.run(posts, dir);
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static void assertServed(Path index, int papers, String when) throws IOException {
    try (Directory dir = FSDirectory.open(index)) {
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(papers, reader.numDocs(), when);
      }
      try (CheckIndex check = new CheckIndex(dir)) {
        check.setInfoStream(null);
        assertTrue(check.checkIndex().clean, when + ": CheckIndex found problems");
      }
    }
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      long total = 0;
      for (Path file : files.toList()) {
        total += Files.size(file);
      }
      return total;
    }
  }
}
