package org.hotpapers.server.http;

/** Every search slot stayed busy for longer than a search may wait; retry shortly. */
public final class ServerBusyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int retryAfterSeconds;

  /** The server is busy; retry after {@code retryAfterSeconds}. */
  public ServerBusyException(int retryAfterSeconds) {
    super("the server is busy with other searches; retry in a moment");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Seconds to wait before retrying. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
