package org.hotpapers.server.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How search results are ordered. */
public enum SortOrder {
  /** Best match first, engagement blended in. */
  RELEVANCE,
  /** Newest digest date first, then engagement. */
  DATE,
  /** Retweets plus favorites, highest first, then newest. */
  ENGAGEMENT,
  /** Engagement halved for every half-life between a paper's digest and the newest digest. */
  TRENDING;

  /** The parameter value, such as {@code relevance}. */
  public String parameter() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The order named by a parameter value, if any. */
  public static Optional<SortOrder> fromParameter(String value) {
    return Arrays.stream(values()).filter(o -> o.parameter().equals(value)).findFirst();
  }
}
