package org.hotpapers.server.http;

/** A request parameter or query that cannot be served; its message is shown to the user. */
public final class BadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A bad request described by {@code message}, written for the person who sent it. */
  public BadRequestException(String message) {
    super(message);
  }
}
