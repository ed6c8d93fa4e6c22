package org.hotpapers.server.bench;

/** The query classes the scale benchmark reports one by one. */
public enum QueryClass {
  RARE_TERM("rare term"),
  COMMON_TERM("common term"),
  AND_3_WORDS("3-word AND"),
  PHRASE("phrase"),
  CATEGORY_FILTERED("category-filtered"),
  SORTED_BY_DATE("sorted by date"),
  ALL_BY_ENGAGEMENT("match-all by engagement");

  private final String label;

  QueryClass(String label) {
    this.label = label;
  }

  /** How tables and charts name the class. */
  public String label() {
    return label;
  }
}
