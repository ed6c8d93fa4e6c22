package org.hotpapers.server.lucene;

import org.apache.lucene.index.Term;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A query that matches the same papers as a ranked one, for passes that count and facet without
 * scoring: a word's disjunction over fields (BM25F, names) becomes one flat disjunction of its
 * terms, which Lucene visits in windows of documents instead of through nested heaps (1.5-1.7x
 * faster over a common word's matches at 1M papers).
 */
final class UnscoredMatch {

  private UnscoredMatch() {}

  /** {@code query}'s papers, as a query built to be visited without scores. */
  static Query of(Query query) {
    return new ConstantScoreQuery(flat(query));
  }

  private static Query flat(Query query) {
    if (query instanceof BoostQuery boosted) {
      return flat(boosted.getQuery());
    }
    if (query instanceof ConstantScoreQuery constant) {
      return flat(constant.getQuery());
    }
    if (query instanceof DisjunctionMaxQuery disjunction) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      disjunction.getDisjuncts().forEach(disjunct -> any.add(flat(disjunct), Occur.SHOULD));
      return any.build();
    }
    if (query instanceof CombinedFieldQuery combined) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (Term term : combined.getTerms()) {
        any.add(new TermQuery(term), Occur.SHOULD);
      }
      return any.build();
    }
    if (query instanceof BooleanQuery bool) {
      BooleanQuery.Builder same =
          new BooleanQuery.Builder()
              .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
      for (BooleanClause clause : bool.clauses()) {
        Occur occur = clause.getOccur() == Occur.MUST ? Occur.FILTER : clause.getOccur();
        same.add(flat(clause.getQuery()), occur);
      }
      return same.build();
    }
    return query;
  }
}
