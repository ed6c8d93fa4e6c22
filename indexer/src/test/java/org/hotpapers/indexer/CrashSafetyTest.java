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

  private static final int POSTS = 1500;
  private static final int SECTIONS = 20;

  @Test
  void killedReindexLeavesThePreviousIndexIntact(@TempDir Path tmp) throws Exception {
    Path index = tmp.resolve("index");
    new BatchReindex(new PostParser(), progress -> {})
        .run(Fixtures.copyPosts(tmp.resolve("small")), index);
    Path big = writeManyPosts(tmp.resolve("big"));
    Set<String> committedFiles = files(index);

    Random random = new Random(20210804);
    int killedWhileWriting = 0;
    for (int round = 0; round < 4; round++) {
      Process indexer = startIndexer(big, index);
      long delay = 300 + random.nextInt(2500);
      boolean finished = indexer.waitFor(delay, TimeUnit.MILLISECONDS);
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

  private static Process startIndexer(Path posts, Path index) throws IOException {
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

  private static Path writeManyPosts(Path dir) throws IOException {
    Files.createDirectories(dir);
    String abstractText = "We study attention, diffusion and graph networks at scale. ".repeat(12);
    for (int post = 0; post < POSTS; post++) {
      StringBuilder text = new StringBuilder("---\ntitle: Hot Papers 2021-01-01\n---\n\n");
      for (int section = 0; section < SECTIONS; section++) {
        String id = String.format("%04d.%05d", 1000 + post, section);
        text.append("# ")
            .append(section + 1)
            .append(". Paper ")
            .append(id)
            .append("\n\n")
            .append("Ann Author, Bob Writer\n\n")
            .append("- retweets: ")
            .append(section)
            .append(", favorites: ")
            .append(post)
            .append('\n')
            .append("- links: [abs](https://arxiv.org/abs/")
            .append(id)
            .append(")\n")
            .append("- [cs.LG](https://arxiv.org/list/cs.LG/recent)\n\n")
            .append(abstractText)
            .append("\n\n");
      }
      Files.writeString(dir.resolve(String.format("post-%04d.md", post)), text);
    }
    return dir;
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
