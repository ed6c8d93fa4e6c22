package org.hotpapers.server.search;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a response's {@code total} relates to the true number of matches, as Elasticsearch's {@code
 * track_total_hits} says it: exactly that many, or at least that many when a backend stopped
 * counting.
 */
public enum TotalRelation {
  /** {@code total} is the exact number of matches. */
  @JsonProperty("eq")
  EQ,
  /** {@code total} is a lower bound: there are at least that many matches. */
  @JsonProperty("gte")
  GTE
}
