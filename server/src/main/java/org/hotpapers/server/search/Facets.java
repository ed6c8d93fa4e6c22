package org.hotpapers.server.search;

import java.util.List;

/**
 * Facet counts over every match of the query and of the other filters.
 *
 * @param categories arXiv categories, most frequent first
 * @param years digest years, oldest first
 * @param tweeters handles that tweeted about the matching papers, most active first
 */
public record Facets(
    List<FacetValue> categories, List<FacetValue> years, List<FacetValue> tweeters) {

  /** One facet value and how many matching papers carry it. */
  public record FacetValue(String value, int count) {}
}
