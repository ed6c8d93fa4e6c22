package org.hotpapers.indexer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Rebuilds the whole index from every {@code *.md} post under a folder. The new index becomes
 * visible in a single Lucene commit, so readers see the complete old index or the complete new one,
 * and an interrupted run leaves the old index intact.
 */
public final class BatchReindex {

  private static final int PAPERS_PER_PROGRESS = 1000;

  private final PostParser parser;
  private final ReindexListener listener;

  /** A reindexer that reports its progress to {@code listener}. */
  public BatchReindex(PostParser parser, ReindexListener listener) {
    this.parser = parser;
    this.listener = listener;
  }

  /**
   * Parses every post under {@code postsDir} and replaces the index in {@code indexDir}.
   *
   * @throws NoSuchFileException if {@code postsDir} holds no {@code *.md} post: an empty or
   *     mistyped folder must not wipe a good index
   * @throws IOException if the posts cannot be listed or the index cannot be written
   */
  public ReindexSummary run(Path postsDir, Path indexDir) throws IOException {
    Instant start = Instant.now();
    List<Path> files = postFiles(postsDir);
    if (files.isEmpty()) {
      throw new NoSuchFileException(postsDir.toString(), null, "no *.md posts in this folder");
    }
    PaperCatalog catalog = new PaperCatalog();
    List<PostProblem> skippedPosts = new ArrayList<>();
    List<PostProblem> problems = new ArrayList<>();
    List<String> emptyPosts = new ArrayList<>();
    int postsRead = 0;
    for (Path file : files) {
      String name = postsDir.relativize(file).toString();
      try {
        Post post = parser.parse(name, read(name, file));
        postsRead++;
        catalog.add(post);
        problems.addAll(post.problems());
        if (post.papers().isEmpty() && post.problems().isEmpty()) {
          emptyPosts.add(name);
        }
      } catch (MalformedPostException e) {
        skippedPosts.add(e.problem());
      }
      listener.progress(
          new ReindexProgress(
              postsRead + skippedPosts.size(),
              files.size(),
              catalog.papers().size(),
              0,
              Duration.between(start, Instant.now())));
    }
    try (PaperIndexer indexer = new PaperIndexer(indexDir)) {
      int indexed = 0;
      for (Paper paper : catalog.papers()) {
        indexer.add(paper);
        indexed++;
        if (indexed % PAPERS_PER_PROGRESS == 0 || indexed == catalog.papers().size()) {
          listener.progress(
              new ReindexProgress(
                  files.size(),
                  files.size(),
                  catalog.papers().size(),
                  indexed,
                  Duration.between(start, Instant.now())));
        }
      }
      indexer.commit(
          Map.of(
              "posts", Integer.toString(postsRead),
              "papers", Integer.toString(catalog.papers().size()),
              "built", Instant.now().toString()));
    }
    return new ReindexSummary(
        postsRead,
        skippedPosts,
        problems,
        emptyPosts,
        catalog.papers().size(),
        catalog.merged(),
        Duration.between(start, Instant.now()));
  }

  private static List<Path> postFiles(Path postsDir) throws IOException {
    if (!Files.isDirectory(postsDir)) {
      throw new NotDirectoryException(postsDir.toString());
    }
    try (Stream<Path> paths = Files.walk(postsDir)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md"))
          .sorted()
          .toList();
    }
  }

  private static byte[] read(String name, Path file) throws IOException, MalformedPostException {
    long size = Files.size(file);
    if (size > PostParser.MAX_POST_BYTES) {
      throw new MalformedPostException(
          name, 0, "post is " + size + " bytes, over the limit of " + PostParser.MAX_POST_BYTES);
    }
    return Files.readAllBytes(file);
  }
}
