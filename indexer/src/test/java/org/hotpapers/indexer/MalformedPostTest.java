package org.hotpapers.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed posts and sections: each is reported with file, line and reason, never thrown. */
class MalformedPostTest {

  private static final String FRONT = "---\ntitle: Hot Papers 2021-03-01\n---\n\n";
  private static final String GOOD_SECTION =
      "# 1. A Good Paper\n\nAnn Author\n\n- retweets: 5, favorites: 6 (03/02/2021 09:00:00)\n\n"
          + "- links: [abs](https://arxiv.org/abs/2103.00001) | [pdf](https://arxiv.org/pdf/2103.00001)\n"
          + "- [cs.CV](https://arxiv.org/list/cs.CV/recent)\n\nGood abstract.\n\n";

  private final PostParser parser = new PostParser();

  /** Posts that are unreadable as a whole: name, bytes, expected line, expected reason text. */
  static Stream<Arguments> brokenPosts() {
    byte[] garbage = new byte[4096];
    new java.util.Random(42).nextBytes(garbage);
    byte[] invalidUtf8 = (FRONT + "# 1. Caf").getBytes(StandardCharsets.UTF_8);
    invalidUtf8 = Arrays.copyOf(invalidUtf8, invalidUtf8.length + 2);
    invalidUtf8[invalidUtf8.length - 2] = (byte) 0xC3;
    invalidUtf8[invalidUtf8.length - 1] = (byte) 0x28;
    return Stream.of(
        Arguments.of("binary garbage", garbage, "binary data"),
        Arguments.of("invalid UTF-8", invalidUtf8, "invalid UTF-8 at byte offset 46"),
        Arguments.of("no front matter", bytes("# 1. Title\n"), "no front matter"),
        Arguments.of("empty file", new byte[0], "no front matter"),
        Arguments.of(
            "front matter not closed",
            bytes("---\ntitle: Hot Papers 2021-03-01\n" + GOOD_SECTION),
            "front matter is not closed"),
        Arguments.of(
            "no date anywhere", bytes("---\ntitle: Hot Papers soon\n---\n"), "no post date"),
        Arguments.of(
            "impossible date", bytes("---\ntitle: Hot Papers 2021-13-45\n---\n"), "no post date"),
        Arguments.of("too large", new byte[PostParser.MAX_POST_BYTES + 1], "over the limit"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenPosts")
  void unreadablePostIsRejectedWithReason(String name, byte[] content, String reason) {
    MalformedPostException e =
        assertThrows(MalformedPostException.class, () -> parser.parse("bad.md", content));
    assertEquals("bad.md", e.problem().file());
    assertTrue(e.problem().reason().contains(reason), e.problem().toString());
  }

  /** Sections that are skipped while the good section of the same post is kept. */
  static Stream<Arguments> brokenSections() {
    return Stream.of(
        Arguments.of("truncated section", "# 2. Cut Off\n\nSomeone\n", 16, "no '- retweets"),
        Arguments.of(
            "missing id",
            "# 2. No Id\n\nA\n\n- retweets: 1, favorites: 1\n\n- links: [pdf](https://arxiv.org/pdf/x)\n",
            22,
            "no arXiv id"),
        Arguments.of(
            "no links line",
            "# 2. No Links\n\nA\n\n- retweets: 1, favorites: 1\n\nAbstract\n",
            16,
            "no arXiv id"),
        Arguments.of(
            "bad arXiv id",
            "# 2. Bad Id\n\nA\n\n- retweets: 1, favorites: 1\n- links: [abs](https://arxiv.org/abs/notanid)\n",
            21,
            "'notanid' is not an arXiv id"),
        Arguments.of(
            "non-numeric counts",
            "# 2. Counts\n\nA\n\n- retweets: many, favorites: 3\n- links: [abs](https://arxiv.org/abs/2103.00002)\n",
            20,
            "retweets 'many'"),
        Arguments.of(
            "negative count",
            "# 2. Counts\n\nA\n\n- retweets: -4, favorites: 3\n- links: [abs](https://arxiv.org/abs/2103.00002)\n",
            20,
            "whole numbers"),
        Arguments.of(
            "count overflow",
            "# 2. Counts\n\nA\n\n- retweets: 99999999999, favorites: 3\n- links: [abs](https://arxiv.org/abs/2103.00002)\n",
            20,
            "whole numbers"),
        Arguments.of(
            "garbled engagement line",
            "# 2. Counts\n\nA\n\n- retweets: 5 favorites 3\n- links: [abs](https://arxiv.org/abs/2103.00002)\n",
            20,
            "engagement line"),
        Arguments.of(
            "empty title", "# 2.   \n\nA\n\n- retweets: 1, favorites: 1\n", 16, "empty title"),
        Arguments.of(
            "5 MB line",
            "# 2. Huge\n\nA\n\n- retweets: 1, favorites: 1\n- links: [abs](https://arxiv.org/abs/2103.00002)\n\n"
                + "x".repeat(5 * 1024 * 1024)
                + "\n",
            23,
            "over the limit of 100000"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenSections")
  void brokenSectionIsSkippedAndTheRestKept(String name, String section, int line, String reason)
      throws Exception {
    Post post = parser.parse("post.md", bytes(FRONT + GOOD_SECTION + section));
    assertEquals(List.of("2103.00001"), post.papers().stream().map(Paper::id).toList());
    assertEquals(1, post.problems().size(), post.problems().toString());
    PostProblem problem = post.problems().get(0);
    assertEquals("post.md", problem.file());
    assertEquals(line, problem.line(), problem.toString());
    assertTrue(problem.reason().contains(reason), problem.toString());
  }

  @Test
  void malformedPostsAreReportedWhileTheRestOfTheFolderIndexes(@TempDir Path tmp) throws Exception {
    Path posts = Fixtures.copyPosts(tmp.resolve("posts"));
    Files.write(posts.resolve("garbage.md"), new byte[] {0, 1, 2, 3, (byte) 0xFF});
    Files.writeString(posts.resolve("open-front-matter.md"), "---\ntitle: Hot Papers 2021-03-01\n");
    Files.writeString(
        posts.resolve("2021-03-02---Hot-Papers.md"), FRONT + GOOD_SECTION + "# 2. Cut\n");
    Files.writeString(posts.resolve("notes.txt"), "not a post: ignored");

    ReindexSummary summary =
        new BatchReindex(new PostParser(), progress -> {}).run(posts, tmp.resolve("index"));

    assertEquals(5, summary.postsRead());
    assertEquals(
        List.of("garbage.md", "open-front-matter.md"),
        summary.skippedPosts().stream().map(PostProblem::file).toList());
    assertEquals(1, summary.sectionsSkipped());
    assertEquals("2021-03-02---Hot-Papers.md", summary.problems().get(0).file());
    assertEquals(7, summary.papersIndexed());
    assertTrue(summary.report().contains("garbage.md:1: binary data"), summary.report());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
