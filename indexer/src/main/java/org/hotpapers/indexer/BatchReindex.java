package org.hotpapers.indexer;

import java.io.IOException;
import java.io.PrintStream;
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

  private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(2).toNanos();

  private final PostParser parser;
  private final PrintStream progress;

  /** A reindexer that reports progress on long runs to {@code progress}. */
  public BatchReindex(PostParser parser, PrintStream progress) {
    this.parser = parser;
    this.progress = progress;
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
    long lastReport = System.nanoTime();
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
      if (System.nanoTime() - lastReport > PROGRESS_EVERY_NANOS) {
        lastReport = System.nanoTime();
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        progress.printf(
            Locale.ROOT,
            "parsed %,d/%,d posts, %,d papers, %.0f posts/s%n",
            postsRead + skippedPosts.size(),
            files.size(),
            catalog.papers().size(),
            (postsRead + skippedPosts.size()) / Math.max(seconds, 0.001));
      }
    }
    try (PaperIndexer indexer = new PaperIndexer(indexDir)) {
      int indexed = 0;
      for (Paper paper : catalog.papers()) {
        indexer.add(paper);
        indexed++;
        if (System.nanoTime() - lastReport > PROGRESS_EVERY_NANOS) {
          lastReport = System.nanoTime();
          progress.printf(
              Locale.ROOT, "indexed %,d/%,d papers%n", indexed, catalog.papers().size());
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
