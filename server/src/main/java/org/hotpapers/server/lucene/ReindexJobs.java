package org.hotpapers.server.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.LockObtainFailedException;
import org.hotpapers.indexer.BatchReindex;
import org.hotpapers.indexer.PaperVectors;
import org.hotpapers.indexer.PostParser;
import org.hotpapers.indexer.PostProblem;
import org.hotpapers.indexer.ReindexProgress;
import org.hotpapers.indexer.ReindexSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs batch reindexes of the served posts folder in the background, one at a time, and keeps the
 * status of the most recent ones. A finished reindex is served at once.
 */
public final class ReindexJobs implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(ReindexJobs.class);
  private static final int KEPT_JOBS = 20;

  private final Path postsDir;
  private final Path indexDir;
  private final SearchService search;
  private final PaperVectors vectors;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "reindex");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private Job running;

  /** Jobs that rebuild {@code indexDir} from {@code postsDir} and then refresh {@code search}. */
  public ReindexJobs(Path postsDir, Path indexDir, SearchService search) {
    this(postsDir, indexDir, search, null);
  }

  /** Jobs that rebuild with embeddings from {@code vectors} (words only if {@code null}). */
  public ReindexJobs(Path postsDir, Path indexDir, SearchService search, PaperVectors vectors) {
    this.postsDir = postsDir;
    this.indexDir = indexDir;
    this.search = search;
    this.vectors = vectors;
  }

  /** Starts a reindex, or returns empty when one is already running. */
  public synchronized Optional<ReindexStatus> start() {
    if (running != null) {
      return Optional.empty();
    }
    Job job = new Job(UUID.randomUUID().toString());
    running = job;
    jobs.put(job.id, job);
    while (jobs.size() > KEPT_JOBS) {
      jobs.remove(jobs.keySet().iterator().next());
    }
    runner.execute(() -> run(job));
    return Optional.of(job.status());
  }

  /** The status of a job started earlier, if it is still kept. */
  public synchronized Optional<ReindexStatus> status(String id) {
    return Optional.ofNullable(jobs.get(id)).map(Job::status);
  }

  private void run(Job job) {
    try {
      ReindexSummary summary =
          new BatchReindex(
                  new PostParser(),
                  job::progress,
                  Runtime.getRuntime().availableProcessors(),
                  vectors)
              .run(postsDir, indexDir);
      search.refresh();
      job.succeeded(summary);
      LOG.info("reindex {} finished: {} papers", job.id, summary.papersIndexed());
    } catch (LockObtainFailedException e) {
      job.failed("another reindex is writing this index; the served index is unchanged");
    } catch (IOException | RuntimeException e) {
      LOG.error("reindex {} failed; the served index is unchanged", job.id, e);
      job.failed(
          "reindex failed (" + e.getClass().getSimpleName() + "); the served index is unchanged");
    } finally {
      synchronized (this) {
        running = null;
      }
    }
  }

  @Override
  public void close() {
    runner.shutdownNow();
    try {
      runner.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One reindex; its fields change on the reindex thread and are read under its lock. */
  private static final class Job {
    private final String id;
    private final Instant started = Instant.now();
    private Instant finished;
    private ReindexProgress progress;
    private ReindexSummary summary;
    private String error;

    Job(String id) {
      this.id = id;
    }

    synchronized void progress(ReindexProgress progress) {
      this.progress = progress;
    }

    synchronized void succeeded(ReindexSummary summary) {
      this.summary = summary;
      this.finished = Instant.now();
    }

    synchronized void failed(String error) {
      this.error = error;
      this.finished = Instant.now();
    }

    synchronized ReindexStatus status() {
      String state = error != null ? "failed" : summary != null ? "succeeded" : "running";
      return new ReindexStatus(
          id,
          state,
          started.toString(),
          finished == null ? null : finished.toString(),
          progress == null ? 0 : progress.postsDone(),
          progress == null ? 0 : progress.postsTotal(),
          progress == null ? 0 : progress.papersFound(),
          progress == null ? 0 : progress.papersIndexed(),
          summary == null ? null : summary(summary),
          error);
    }

    private static ReindexStatus.Summary summary(ReindexSummary summary) {
      return new ReindexStatus.Summary(
          summary.postsRead(),
          summary.skippedPosts().stream().map(PostProblem::toString).toList(),
          summary.problems().stream().map(PostProblem::toString).toList(),
          summary.emptyPosts(),
          summary.papersIndexed(),
          summary.papersMerged(),
          summary.elapsed().toMillis());
    }
  }
}
