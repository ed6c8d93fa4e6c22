package org.hotpapers.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds the parser mutated posts (seeded, so a failure replays): no exception but {@link
 * MalformedPostException} may escape, every rejection names its file and a reason, and time stays
 * bounded.
 */
class ParserFuzzTest {

  private static final long SEED = 20210804L;
  private static final int MUTANTS = 10_000;
  private static final String[] SNIPPETS = {
    "\n# 7. ",
    "\n- retweets: ",
    ", favorites: ",
    "\n- links: [abs](https://arxiv.org/abs/",
    "2101.99999)",
    "\n---\n",
    "<blockquote class=\"twitter-tweet\"><p>",
    "</p>&mdash; x (@y) ",
    "&amp;",
    "&#xZZ;",
    "\u0000",
    "\uFEFF",
    "\r",
    "\r\n",
    "$\\mathrm{",
    "<script>",
    "🚀",
    "\uD800",
    "- [cs.CV](https://arxiv.org/list/cs.CV/recent)",
    "99999999999999999999",
    "-1",
    "\t",
  };

  private final PostParser parser = new PostParser();

  @Test
  void mutatedPostsNeverEscapeAsUnexpectedExceptions() {
    Random random = new Random(SEED);
    List<byte[]> seeds = new ArrayList<>();
    for (String name : Fixtures.POSTS) {
      seeds.add(Fixtures.bytes(name));
    }
    long start = System.nanoTime();
    long slowest = 0;
    int rejected = 0;
    int withProblems = 0;
    for (int i = 0; i < MUTANTS; i++) {
      byte[] mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
      String name = "mutant-" + i + ".md";
      long before = System.nanoTime();
      try {
        Post post = parser.parse(name, mutant);
        if (!post.problems().isEmpty()) {
          withProblems++;
          post.problems().forEach(p -> assertReported(name, p));
        }
      } catch (MalformedPostException e) {
        rejected++;
        assertReported(name, e.problem());
      } catch (RuntimeException e) {
        fail("mutant " + i + " (seed " + SEED + ") escaped with " + e, e);
      }
      slowest = Math.max(slowest, System.nanoTime() - before);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "ParserFuzzTest: %d mutants in %.2f s (slowest %.1f ms): %d rejected, %d with skipped"
            + " sections%n",
        MUTANTS, seconds, slowest / 1e6, rejected, withProblems);
    assertTrue(seconds < 60, "fuzzing took " + seconds + " s");
    assertTrue(slowest < 2_000_000_000L, "one mutant took " + slowest / 1e6 + " ms");
    assertTrue(rejected > 0 && withProblems > 0, "the mutations exercised no error path");
  }

  @Test
  void aFolderOfMutantsIndexesWhatItCanAndReportsTheRest(@TempDir Path tmp) throws IOException {
    Random random = new Random(SEED + 1);
    Path posts = Files.createDirectories(tmp.resolve("posts"));
    int files = 300;
    for (int i = 0; i < files; i++) {
      byte[] seed = Fixtures.bytes(Fixtures.POSTS.get(i % Fixtures.POSTS.size()));
      Files.write(
          posts.resolve(String.format("2021-02-%02d-mutant-%03d.md", 1 + i % 28, i)),
          mutate(seed, random));
    }
    ReindexSummary summary =
        new BatchReindex(parser, progress -> {}).run(posts, tmp.resolve("index"));
    assertEquals(files, summary.postsRead() + summary.skippedPosts().size());
    try (FSDirectory dir = FSDirectory.open(tmp.resolve("index"));
        DirectoryReader reader = DirectoryReader.open(dir)) {
      assertEquals(summary.papersIndexed(), reader.numDocs());
    }
  }

  private static void assertReported(String name, PostProblem problem) {
    assertEquals(name, problem.file());
    assertTrue(problem.line() >= 0);
    assertFalse(problem.reason().isBlank());
  }

  /** One to four random edits: byte flips, cut lines, duplicated or dropped spans, inserts. */
  static byte[] mutate(byte[] seed, Random random) {
    byte[] bytes = seed;
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      switch (random.nextInt(6)) {
        case 0 -> {
          bytes = bytes.clone();
          if (bytes.length > 0) {
            bytes[at] = (byte) random.nextInt(256);
          }
        }
        case 1 -> bytes = Arrays.copyOf(bytes, at);
        case 2 -> {
          int length = Math.min(bytes.length - at, random.nextInt(400));
          bytes =
              concat(
                  Arrays.copyOf(bytes, at), Arrays.copyOfRange(bytes, at + length, bytes.length));
        }
        case 3 -> {
          int length = Math.min(bytes.length - at, random.nextInt(400));
          byte[] span = Arrays.copyOfRange(bytes, at, at + length);
          bytes =
              concat(
                  Arrays.copyOf(bytes, at),
                  concat(span, Arrays.copyOfRange(bytes, at, bytes.length)));
        }
        case 4 -> {
          byte[] insert =
              SNIPPETS[random.nextInt(SNIPPETS.length)].getBytes(StandardCharsets.UTF_8);
          bytes =
              concat(
                  Arrays.copyOf(bytes, at),
                  concat(insert, Arrays.copyOfRange(bytes, at, bytes.length)));
        }
        default -> {
          byte[] noise = new byte[random.nextInt(64)];
          random.nextBytes(noise);
          bytes =
              concat(
                  Arrays.copyOf(bytes, at),
                  concat(noise, Arrays.copyOfRange(bytes, at, bytes.length)));
        }
      }
    }
    return bytes;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
