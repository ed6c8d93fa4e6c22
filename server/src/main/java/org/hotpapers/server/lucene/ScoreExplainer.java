package org.hotpapers.server.lucene;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.hotpapers.indexer.PaperSchema;
import org.hotpapers.server.search.ScoreBreakdown;

/** Splits Lucene's explanation of a ranked query into the parts of a {@link ScoreBreakdown}. */
final class ScoreExplainer {

  private static final String ENGAGEMENT_MARK = "on the " + PaperSchema.FEATURES + " field";
  private static final String FILTER_MARK = "match on required clause";
  private static final String ALL_WORDS_MARK = "ConstantScore(";
  private static final String WEIGHT_MARK = "weight(";
  private static final String MEANING_MARK = "within top ";
  private static final String COMBINED_MARK = "CombinedFieldQuery(";
  private static final String SYNONYM_MARK = "Synonym(";

  /** The part that BM25F over title, abstract and tweets contributes, as one field. */
  static final String COMBINED_FIELDS = "title+abstract+tweet";

  private static final Pattern DISJUNCTION =
      Pattern.compile("max (?:plus ([0-9.eE-]+) times others )?of:");

  private ScoreExplainer() {}

  /** The breakdown of {@code doc}'s score under {@code ranked}. */
  static ScoreBreakdown explain(IndexSearcher searcher, Query ranked, int doc) throws IOException {
    Explanation explanation = searcher.explain(ranked, doc);
    Map<String, Double> text = new TreeMap<>();
    double[] engagementAndBonus = new double[3];
    walk(explanation, 1, text, engagementAndBonus);
    double total =
        text.values().stream().mapToDouble(Double::doubleValue).sum()
            + engagementAndBonus[0]
            + engagementAndBonus[1]
            + engagementAndBonus[2];
    return new ScoreBreakdown(
        text, engagementAndBonus[0], engagementAndBonus[1], engagementAndBonus[2], 0, total);
  }

  /** The field a {@code weight(...)} explanation scores, or {@link #COMBINED_FIELDS}. */
  private static String field(String description) {
    String scored = description.substring(WEIGHT_MARK.length());
    if (scored.startsWith(COMBINED_MARK)) {
      return COMBINED_FIELDS;
    }
    if (scored.startsWith(SYNONYM_MARK)) {
      scored = scored.substring(SYNONYM_MARK.length());
    }
    int colon = scored.indexOf(':');
    return colon > 0 ? scored.substring(0, colon) : "other";
  }

  /**
   * Adds {@code node}'s parts, each times {@code share}: a word's best field counts whole, its
   * other fields by the tie-breaker of the disjunction over them.
   */
  private static void walk(
      Explanation node, double share, Map<String, Double> text, double[] other) {
    if (!node.isMatch()) {
      return;
    }
    String description = node.getDescription();
    Matcher disjunction = DISJUNCTION.matcher(description);
    if (description.startsWith(WEIGHT_MARK)) {
      text.merge(field(description), share * node.getValue().doubleValue(), Double::sum);
    } else if (description.contains(ENGAGEMENT_MARK)) {
      other[0] += share * node.getValue().doubleValue();
    } else if (description.startsWith(ALL_WORDS_MARK)) {
      other[1] += share * node.getValue().doubleValue();
    } else if (description.startsWith(MEANING_MARK)) {
      other[2] += share * node.getValue().doubleValue();
    } else if (disjunction.matches()) {
      double tieBreaker =
          disjunction.group(1) == null ? 0 : Double.parseDouble(disjunction.group(1));
      Explanation best = null;
      for (Explanation detail : node.getDetails()) {
        if (detail.isMatch()
            && (best == null || detail.getValue().doubleValue() > best.getValue().doubleValue())) {
          best = detail;
        }
      }
      for (Explanation detail : node.getDetails()) {
        walk(detail, detail == best ? share : share * tieBreaker, text, other);
      }
    } else if (!description.startsWith(FILTER_MARK)) {
      for (Explanation detail : node.getDetails()) {
        walk(detail, share, text, other);
      }
    }
  }
}
