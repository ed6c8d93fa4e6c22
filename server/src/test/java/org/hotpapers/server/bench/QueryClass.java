package org.hotpapers.server.bench;

/**
 * The query classes the scale benchmark reports one by one: plain words as typed into the search
 * box, with the filters and sorts the API offers.
 */
public enum QueryClass {
  RARE_WORD("rare word", true),
  COMMON_WORD("common word", true),
  TWO_WORDS("2 words", true),
  THREE_WORDS("3 words", true),
  DESCRIPTION("6-9 words", true),
  TYPO("2 words, one misspelled", true),
  PHRASE("phrase", true),
  CATEGORY_FILTERED("common word + category", true),
  AUTHOR_FILTERED("2 words + author", false),
  DATE_RANGE("2 words + a year", false),
  SORTED_BY_DATE("common word by date", true),
  TRENDING("2 words, trending", false),
  ALL_BY_ENGAGEMENT("match-all by engagement", true);

  private final String label;
  private final boolean fts5;

  QueryClass(String label, boolean fts5) {
    this.label = label;
    this.fts5 = fts5;
  }

  /** How tables and charts name the class. */
  public String label() {
    return label;
  }

  /** Whether the FTS5 baseline answers this class (it has no author, date or trending filter). */
  public boolean fts5() {
    return fts5;
  }
}
