package org.hotpapers.indexer;

import java.io.IOException;
import java.io.InterruptedIOException;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.store.Directory;

/**
 * Rebuilds the whole index from every {@code *.md} post under a folder. The new index becomes
 * visible in a single Lucene commit, so readers see the complete old index or the complete new one,
 * and an interrupted run leaves the old index intact.
 */
public final class BatchReindex {

  private static final int PAPERS_PER_PROGRESS = 1000;

  private final PostParser parser;
  private final ReindexListener listener;
  private final int threads;
  private final PaperVectors vectors;

  /**
   * A reindexer of a lexical-only index that uses every processor and reports its progress to
   * {@code listener}.
   */
  public BatchReindex(PostParser parser, ReindexListener listener) {
    this(parser, listener, Runtime.getRuntime().availableProcessors());
  }

  /**
   * A reindexer of a lexical-only index that parses and indexes posts on {@code threads} threads.
   */
  public BatchReindex(PostParser parser, ReindexListener listener, int threads) {
    this(parser, listener, threads, null);
  }

  /**
   * A reindexer that parses, embeds with {@code vectors} (none if {@code null}) and indexes posts
   * on {@code threads} threads.
   */
  public BatchReindex(
      PostParser parser, ReindexListener listener, int threads, PaperVectors vectors) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.parser = parser;
    this.listener = listener;
    this.threads = threads;
    this.vectors = vectors;
  }

  /** What one post contributed, kept until the posts before it are reported. */
  private record PostOutcome(
      String name,
      PostProblem skipped,
      List<PostProblem> problems,
      boolean empty,
      int papersIndexed) {}

  /**
   * Parses every post under {@code postsDir} and replaces the index in {@code indexDir}. Posts are
   * parsed and indexed as they are read, on several threads, so memory holds only the posts in
   * flight and the papers that appear on more than one day; problems are reported in file order.
   *
   * @throws NoSuchFileException if {@code postsDir} holds no {@code *.md} post: an empty or
   *     mistyped folder must not wipe a good index
   * @throws IOException if the posts cannot be listed or the index cannot be written
   */
  public ReindexSummary run(Path postsDir, Path indexDir) throws IOException {
    return run(postsDir, () -> new PaperIndexer(indexDir, vectors));
  }

  /**
   * Like {@link #run(Path, Path)}, into {@code index}, which stays the caller's to close (tests
   * pass Lucene's MockDirectoryWrapper to fill the disk or fail writes).
   */
  public ReindexSummary run(Path postsDir, Directory index) throws IOException {
    return run(postsDir, () -> new PaperIndexer(index, vectors));
  }

  /**
   * Like {@link #run(Path, Path)}, into the sink {@code opener} opens (a Solr collection, say),
   * which makes the papers visible in its {@link PaperSink#commit}.
   */
  public ReindexSummary run(Path postsDir, PaperSink.Opener opener) throws IOException {
    Instant start = Instant.now();
    List<Path> files = postFiles(postsDir);
    if (files.isEmpty()) {
      throw new NoSuchFileException(postsDir.toString(), null, "no *.md posts in this folder");
    }
    PaperAppearances appearances = new PaperAppearances();
    List<PostProblem> skippedPosts = new ArrayList<>();
    List<PostProblem> problems = new ArrayList<>();
    List<String> emptyPosts = new ArrayList<>();
    int postsRead = 0;
    int papersIndexed = 0;
    int embeddedBefore = vectors == null ? 0 : vectors.embedded();
    int reusedBefore = vectors == null ? 0 : vectors.reused();
    try (PaperSink indexer = opener.open()) {
      ExecutorService pool = Executors.newFixedThreadPool(threads, BatchReindex::workerThread);
      List<Future<PostOutcome>> outcomes = new ArrayList<>(files.size());
      try {
        for (int i = 0; i < files.size(); i++) {
          int post = i;
          outcomes.add(
              pool.submit(() -> index(postsDir, files.get(post), post, appearances, indexer)));
        }
        int papersAtLastProgress = 0;
        for (int i = 0; i < outcomes.size(); i++) {
          PostOutcome outcome = Tasks.await(outcomes.get(i), "reindexing");
          papersIndexed += outcome.papersIndexed();
          if (outcome.skipped() != null) {
            skippedPosts.add(outcome.skipped());
          } else {
            postsRead++;
            problems.addAll(outcome.problems());
            if (outcome.empty()) {
              emptyPosts.add(outcome.name());
            }
          }
          if (papersIndexed - papersAtLastProgress >= PAPERS_PER_PROGRESS
              || i == files.size() - 1) {
            papersAtLastProgress = papersIndexed;
            listener.progress(
                new ReindexProgress(
                    i + 1,
                    files.size(),
                    papersIndexed,
                    papersIndexed,
                    Duration.between(start, Instant.now())));
          }
        }
      } finally {
        stop(pool, outcomes);
      }
      Map<String, Paper> firstIndexed = indexer.added(appearances.repeatedIds());
      for (Paper first : firstIndexed.values()) {
        indexer.replace(appearances.merged(first));
      }
      indexer.commit(
          Map.of(
              "posts", Integer.toString(postsRead),
              "papers", Integer.toString(papersIndexed),
              "built", Instant.now().toString()));
    }
    return new ReindexSummary(
        postsRead,
        skippedPosts,
        problems,
        emptyPosts,
        papersIndexed,
        appearances.repeatCount(),
        Duration.between(start, Instant.now()),
        vectors == null ? null : vectors.embedder().model(),
        vectors == null ? 0 : vectors.embedded() - embeddedBefore,
        vectors == null ? 0 : vectors.reused() - reusedBefore);
  }

  /** Reads, parses and indexes one post; runs on a worker thread. */
  private PostOutcome index(
      Path postsDir, Path file, int post, PaperAppearances appearances, PaperSink indexer)
      throws IOException {
    String name = postsDir.relativize(file).toString();
    Post parsed;
    try {
      parsed = parser.parse(name, StablePostReader.read(name, file));
    } catch (MalformedPostException e) {
      return new PostOutcome(name, e.problem(), List.of(), false, 0);
    }
    List<Paper> papers = parsed.papers();
    List<Paper> firstAppearances = new ArrayList<>();
    for (int i = 0; i < papers.size(); i++) {
      if (appearances.add(papers.get(i), PaperAppearances.position(post, i))) {
        firstAppearances.add(papers.get(i));
      }
    }
    indexer.addAll(firstAppearances);
    int indexed = firstAppearances.size();
    boolean empty = papers.isEmpty() && parsed.problems().isEmpty();
    return new PostOutcome(name, null, parsed.problems(), empty, indexed);
  }

  /**
   * Stops the workers without interrupting them (an interrupted write would break the writer):
   * posts not started yet are cancelled, those in progress finish.
   */
  private static void stop(ExecutorService pool, List<Future<PostOutcome>> outcomes)
      throws InterruptedIOException {
    outcomes.forEach(outcome -> outcome.cancel(false));
    pool.shutdown();
    try {
      pool.awaitTermination(1, TimeUnit.HOURS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("reindex interrupted while stopping its workers");
    }
  }

  private static Thread workerThread(Runnable task) {
    Thread thread = new Thread(task, "reindex-worker");
    thread.setDaemon(true);
    return thread;
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
}
