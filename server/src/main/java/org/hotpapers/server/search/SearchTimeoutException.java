package org.hotpapers.server.search;

/** A search that ran past its time limit and was stopped; answered with 503. */
public final class SearchTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A search stopped after {@code limitMillis}. */
  public SearchTimeoutException(long limitMillis) {
    super(
        "the search took longer than "
            + limitMillis
            + " ms and was stopped; try a more specific query");
  }
}
