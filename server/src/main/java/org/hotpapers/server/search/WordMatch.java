package org.hotpapers.server.search;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * How a query's plain words were matched: every hit holds at least {@code required} of the {@code
 * of} words (and phrases) of the query.
 *
 * @param held whether some paper holds any of the words at all
 */
public record WordMatch(int required, int of, @JsonIgnore boolean held) {

  /** Whether fewer than all the words were required because no paper holds them all. */
  public boolean relaxed() {
    return required < of;
  }
}
