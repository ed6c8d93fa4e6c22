package org.hotpapers.server.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How many of a query's plain words a paper must hold. */
public enum MatchMode {
  /**
   * Every word when some paper holds them all; otherwise the most words any paper holds (all but
   * one, then fewer). Queries with {@code +}, {@code AND} or {@code OR} keep Lucene's meaning.
   */
  AUTO,
  /** Every word, even when that matches nothing. */
  ALL,
  /** Any one word; papers holding more words rank first. */
  ANY;

  /** The parameter value, such as {@code auto}. */
  public String parameter() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode named by a parameter value, if any. */
  public static Optional<MatchMode> fromParameter(String value) {
    return Arrays.stream(values()).filter(m -> m.parameter().equals(value)).findFirst();
  }
}
