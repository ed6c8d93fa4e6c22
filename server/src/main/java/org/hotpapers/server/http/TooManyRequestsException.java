package org.hotpapers.server.http;

/** A client sent more requests than its share; it may retry after {@code retryAfterSeconds}. */
public final class TooManyRequestsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int retryAfterSeconds;

  /** Too many requests; retry after {@code retryAfterSeconds}. */
  public TooManyRequestsException(int retryAfterSeconds) {
    super(
        "too many requests from this address; retry in "
            + retryAfterSeconds
            + (retryAfterSeconds == 1 ? " second" : " seconds"));
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Seconds to wait before retrying. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
