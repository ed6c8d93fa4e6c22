package org.hotpapers.server;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.hotpapers.indexer.PaperSchema;

/** Splits Lucene's explanation of a ranked query into the parts of a {@link ScoreBreakdown}. */
final class ScoreExplainer {

  private static final String ENGAGEMENT_MARK = "on the " + PaperSchema.FEATURES + " field";
  private static final String FILTER_MARK = "match on required clause";
  private static final String ALL_WORDS_MARK = "ConstantScore(";
  private static final Pattern DISJUNCTION =
      Pattern.compile("max (?:plus ([0-9.eE-]+) times others )?of:");

  private ScoreExplainer() {}

  /** The breakdown of {@code doc}'s score under {@code ranked}. */
  static ScoreBreakdown explain(IndexSearcher searcher, Query ranked, int doc) throws IOException {
    Explanation explanation = searcher.explain(ranked, doc);
    Map<String, Double> text = new TreeMap<>();
    double[] engagementAndBonus = new double[2];
    walk(explanation, 1, text, engagementAndBonus);
    double total =
        text.values().stream().mapToDouble(Double::doubleValue).sum()
            + engagementAndBonus[0]
            + engagementAndBonus[1];
    return new ScoreBreakdown(text, engagementAndBonus[0], engagementAndBonus[1], 0, total);
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
    if (description.startsWith("weight(")) {
      int colon = description.indexOf(':');
      String field = colon > 7 ? description.substring(7, colon) : "other";
      text.merge(field, share * node.getValue().doubleValue(), Double::sum);
    } else if (description.contains(ENGAGEMENT_MARK)) {
      other[0] += share * node.getValue().doubleValue();
    } else if (description.startsWith(ALL_WORDS_MARK)) {
      other[1] += share * node.getValue().doubleValue();
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
