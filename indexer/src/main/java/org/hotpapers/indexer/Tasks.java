package org.hotpapers.indexer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for tasks of a worker pool, rethrowing what a task threw as it was thrown. */
final class Tasks {

  private Tasks() {}

  /**
   * The result of {@code task}, once it is done.
   *
   * @param doing what the task does, for the message when the wait is interrupted
   */
  static <T> T await(Future<T> task, String doing) throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while " + doing);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(e.getCause());
    }
  }
}
