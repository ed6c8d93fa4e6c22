package org.hotpapers.indexer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Receives the progress of a batch reindex, after every post and every thousand papers. */
@FunctionalInterface
public interface ReindexListener {

  /** Called from the reindexing thread; must be quick. */
  void progress(ReindexProgress progress);

  /** A listener that prints one line to {@code out} at most every {@code every}. */
  static ReindexListener printing(PrintStream out, Duration every) {
    AtomicLong last = new AtomicLong(System.nanoTime());
    return progress -> {
      long now = System.nanoTime();
      long previous = last.get();
      if (now - previous >= every.toNanos() && last.compareAndSet(previous, now)) {
        out.println(progress.describe());
      }
    };
  }
}
