package org.hotpapers.server;

/**
 * How a query's plain words were matched: every hit holds at least {@code required} of the {@code
 * of} words (and phrases) of the query.
 */
public record WordMatch(int required, int of) {

  /** Whether fewer than all the words were required because no paper holds them all. */
  boolean relaxed() {
    return required < of;
  }
}
