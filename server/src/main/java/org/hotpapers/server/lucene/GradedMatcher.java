package org.hotpapers.server.lucene;

import java.io.IOException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.hotpapers.server.search.MatchMode;
import org.hotpapers.server.search.WordMatch;

/**
 * Decides how many of a query's plain words a paper must hold: all of them when some paper within
 * the filters has them all; otherwise one fewer than the most that any such paper has (found by one
 * top-1 search that scores each paper by the number of words it holds), but never fewer than two. A
 * description in other words rarely shares the most words with its paper: the paper is often one
 * word behind a paper that matches by chance, and the ranking then puts papers with more of the
 * words first.
 */
final class GradedMatcher {

  /** A relaxed match still requires this many words, when some paper has them. */
  private static final int MIN_RELAXED_WORDS = 2;

  private GradedMatcher() {}

  /**
   * The words {@code query} requires under {@code mode} among the papers that match {@code filter};
   * {@code null} when the query has no plain words.
   */
  static WordMatch plan(IndexSearcher searcher, UserQuery query, Query filter, MatchMode mode)
      throws IOException {
    if (!needsCount(query, mode)) {
      return plan(query, mode, 0);
    }
    int most =
        someoneHoldsAll(searcher, query, filter)
            ? query.words().size()
            : mostWordsHeld(searcher, query, filter);
    return plan(query, mode, most);
  }

  /**
   * Whether the plan of {@code query} under {@code mode} depends on the most words that one paper
   * holds; when it does not, any count gives the same plan.
   */
  static boolean needsCount(UserQuery query, MatchMode mode) {
    int words = query.words().size();
    return words > 1
        && mode != MatchMode.ANY
        && mode != MatchMode.ALL
        && !(mode == MatchMode.AUTO && query.operators());
  }

  /**
   * The words {@code query} requires under {@code mode} when at most {@code most} of them are held
   * by one paper within the filters (as {@link #wordsHeld} scores them); {@code null} when the
   * query has no plain words.
   */
  static WordMatch plan(UserQuery query, MatchMode mode, int most) {
    int words = query.words().size();
    if (words == 0) {
      return null;
    }
    if (mode == MatchMode.ANY || (mode == MatchMode.AUTO && query.operators())) {
      return new WordMatch(query.operators() && query.hasRequiredConstraint() ? 0 : 1, words, true);
    }
    if (mode == MatchMode.ALL || words == 1 || most == words) {
      return new WordMatch(words, words, true);
    }
    if (most == 0) {
      return new WordMatch(words, words, false);
    }
    return new WordMatch(Math.max(Math.min(most, MIN_RELAXED_WORDS), most - 1), words, true);
  }

  /**
   * The papers meeting the constraints of {@code query} that hold any of its words, each scored by
   * the number of words it holds.
   */
  static Query wordsHeld(UserQuery query, Query filter) {
    BooleanQuery.Builder counting = constraints(query, filter);
    for (Query word : query.words()) {
      counting.add(new ConstantScoreQuery(word), Occur.SHOULD);
    }
    return counting.setMinimumNumberShouldMatch(1).build();
  }

  /**
   * Whether some paper meeting the constraints holds every word: a conjunction led by the rarest
   * word, stopped at the first match (a query that is a known paper's words ends here).
   */
  private static boolean someoneHoldsAll(IndexSearcher searcher, UserQuery query, Query filter)
      throws IOException {
    BooleanQuery.Builder all = constraints(query, filter);
    for (Query word : query.words()) {
      all.add(word, Occur.FILTER);
    }
    return searcher.search(
                new ConstantScoreQuery(all.build()), new TopScoreDocCollectorManager(1, null, 1))
            .scoreDocs
            .length
        > 0;
  }

  private static BooleanQuery.Builder constraints(UserQuery query, Query filter) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    for (BooleanClause constraint : query.constraints()) {
      builder.add(
          constraint.getQuery(),
          constraint.getOccur() == Occur.MUST_NOT ? Occur.MUST_NOT : Occur.FILTER);
    }
    return builder.add(filter, Occur.FILTER);
  }

  /** The most words of {@code query} that one paper meeting its constraints holds. */
  private static int mostWordsHeld(IndexSearcher searcher, UserQuery query, Query filter)
      throws IOException {
    ScoreDoc[] best =
        searcher.search(wordsHeld(query, filter), new TopScoreDocCollectorManager(1, null, 1))
            .scoreDocs;
    return best.length == 0 ? 0 : Math.round(best[0].score);
  }
}
