package org.hotpapers.server.search;

/** A query or filter that the search service cannot run; its message is written for the user. */
public final class InvalidQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An invalid query described by {@code message}. */
  public InvalidQueryException(String message) {
    super(message);
  }
}
