package org.hotpapers.server;

import java.util.List;

/**
 * Facet counts over every match of the query and of the other filters.
 *
 * @param categories arXiv categories, most frequent first
 * @param years digest years, oldest first
 */
public record Facets(List<FacetValue> categories, List<FacetValue> years) {

  /** One facet value and how many matching papers carry it. */
  public record FacetValue(String value, int count) {}
}
