package org.hotpapers.server;

import org.apache.lucene.search.Query;

/**
 * A parsed user query.
 *
 * @param match what a paper must match, or {@code null} to match every paper
 * @param allWords the same query with every optional word required, or {@code null} when the query
 *     has fewer than two optional words; papers matching it rank first
 * @param highlight the terms to highlight, or {@code null} for none
 */
record UserQuery(Query match, Query allWords, Query highlight) {

  /** The query of a blank {@code q}: every paper. */
  static final UserQuery EVERYTHING = new UserQuery(null, null, null);
}
