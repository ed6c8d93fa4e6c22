package org.hotpapers.server.lucene;

import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * A parsed user query: the plain words, which matching may require all or some of, and the
 * constraints that explicit syntax imposes.
 *
 * @param constraints clauses that keep their meaning: required ({@code +}, {@code AND}, field
 *     prefixes) and prohibited ({@code -}, {@code NOT}) ones
 * @param words the query's plain words, phrases and groups, each searched over the default fields
 * @param operators whether the query uses {@code +}, {@code AND} or {@code OR}: its plain words
 *     then keep Lucene's meaning (optional) instead of being required
 * @param highlight the terms to highlight, or {@code null} for none
 * @param titleMatches for each single-term word, the word (in all its forms) in the title alone
 */
public record UserQuery(
    List<BooleanClause> constraints,
    List<Query> words,
    boolean operators,
    Query highlight,
    List<Query> titleMatches) {

  /** The query of a blank {@code q}: every paper. */
  static final UserQuery EVERYTHING = new UserQuery(List.of(), List.of(), false, null, List.of());

  /** Copies the lists. */
  public UserQuery {
    constraints = List.copyOf(constraints);
    words = List.copyOf(words);
    titleMatches = List.copyOf(titleMatches);
  }

  /** Whether the query matches every paper. */
  boolean matchesEverything() {
    return constraints.isEmpty() && words.isEmpty();
  }

  /** Whether some constraint requires a match (rather than only prohibiting one). */
  boolean hasRequiredConstraint() {
    return constraints.stream().anyMatch(clause -> clause.getOccur() != Occur.MUST_NOT);
  }

  /**
   * The papers that meet every constraint and hold at least {@code requiredWords} of the words,
   * scored by the words and the required constraints.
   */
  Query match(int requiredWords) {
    BooleanQuery.Builder match = new BooleanQuery.Builder();
    constraints.forEach(match::add);
    words.forEach(word -> match.add(word, Occur.SHOULD));
    if (!words.isEmpty()) {
      match.setMinimumNumberShouldMatch(requiredWords);
    }
    if (!hasRequiredConstraint() && (words.isEmpty() || requiredWords == 0)) {
      match.add(new MatchAllDocsQuery(), Occur.FILTER);
    }
    return match.build();
  }
}
