package org.hotpapers.server.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which evidence ranks a search: the words, the meaning (embeddings), or both. */
public enum SearchMode {
  /**
   * Words and meaning together (the default when the index has embeddings; otherwise the same as
   * {@link #LEXICAL}): a query whose every word matched is ranked mostly by its words, a relaxed
   * one (a description in other words) mostly by meaning, which may also add papers sharing no
   * word.
   */
  HYBRID,
  /** The words only. */
  LEXICAL,
  /** Meaning only: the papers nearest the query's embedding. */
  SEMANTIC;

  /** The parameter value, such as {@code hybrid}. */
  public String parameter() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode named by a parameter value, if any. */
  public static Optional<SearchMode> fromParameter(String value) {
    return Arrays.stream(values()).filter(m -> m.parameter().equals(value)).findFirst();
  }
}
