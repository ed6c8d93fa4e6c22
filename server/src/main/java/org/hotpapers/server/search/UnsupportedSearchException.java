package org.hotpapers.server.search;

/** A request that the search backend in use cannot answer; the API answers it with HTTP 501. */
public final class UnsupportedSearchException extends RuntimeException {

  /** Explains what is not available, and what to use instead. */
  public UnsupportedSearchException(String message) {
    super(message);
  }
}
