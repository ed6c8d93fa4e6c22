package org.hotpapers.server.lucene;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.hotpapers.server.search.WordMatch;

/**
 * How words and meaning combine into one ranked query, from the evidence of the query itself. When
 * every word of a query of several words matched (a known item), the word matches come first and
 * their similarity to the query's embedding only reorders them a little, and the nearest papers by
 * meaning follow them (so a description whose words a couple of papers hold by chance still finds
 * the papers it describes); when no paper held every word, or none held any (a description in other
 * words), the nearest papers by meaning join the word matches and similarity weighs more. A single
 * word is ranked by its words alone.
 *
 * @param scored the query that scores papers (before engagement)
 * @param matched the papers the search answers with, for the total and the facets
 * @param lexical the papers the words alone match
 */
record HybridBlend(Query scored, Query matched, Query lexical) {

  /** Words only. */
  static HybridBlend lexical(Query text, Query match) {
    return new HybridBlend(text, match, match);
  }

  /** Meaning only: the nearest papers, scored by similarity {@code (1 + cos) / 2}. */
  static HybridBlend semantic(Query nearest, Query match, RankingWeights weights) {
    return new HybridBlend(
        new BoostQuery(nearest, weights.descriptionMeaningWeight()), nearest, match);
  }

  /**
   * Words and meaning, weighted by how the words matched ({@code words} is {@code null} for a query
   * without plain words).
   */
  static HybridBlend hybrid(
      Query text, Query match, Query nearest, WordMatch words, RankingWeights weights) {
    boolean description = words != null && (words.relaxed() || !words.held());
    if (!description) {
      if (words == null || words.of() < 2) {
        return lexical(text, match);
      }
      Query scored =
          new BooleanQuery.Builder()
              .add(
                  new BoostQuery(new ConstantScoreQuery(match), wordMatchLead(weights)),
                  Occur.SHOULD)
              .add(text, Occur.SHOULD)
              .add(new BoostQuery(nearest, weights.knownItemMeaningWeight()), Occur.SHOULD)
              .build();
      return new HybridBlend(scored, either(match, nearest), match);
    }
    Query scored =
        new BooleanQuery.Builder()
            .add(text, Occur.SHOULD)
            .add(new BoostQuery(nearest, weights.descriptionMeaningWeight()), Occur.SHOULD)
            .build();
    return new HybridBlend(scored, either(match, nearest), match);
  }

  /**
   * What a paper holding every word scores above one found by meaning alone: at least the most that
   * similarity and engagement ({@code pop} is at most 1) add to the latter.
   */
  private static float wordMatchLead(RankingWeights weights) {
    return weights.knownItemMeaningWeight() + weights.maxEngagementWeight();
  }

  private static Query either(Query match, Query nearest) {
    return new BooleanQuery.Builder().add(match, Occur.SHOULD).add(nearest, Occur.SHOULD).build();
  }
}
