package org.hotpapers.server.lucene;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.hotpapers.indexer.Paper;
import org.hotpapers.indexer.PaperSchema;

/**
 * "More like this" for a paper, never the paper itself: the papers nearest its embedding when the
 * index has vectors; otherwise Lucene's MoreLikeThis over title, abstract and tweets with a nudge
 * towards the paper's own categories.
 */
final class SimilarPapers {

  /** Added to papers that share a category, so that topic neighbours come first. */
  static final float SAME_CATEGORY_BOOST = 2.0f;

  private SimilarPapers() {}

  /** The {@code size} papers nearest {@code vector}, the embedding of {@code paper}. */
  static Query nearest(float[] vector, Paper paper, int size) {
    Query others =
        new BooleanQuery.Builder()
            .add(new MatchAllDocsQuery(), Occur.FILTER)
            .add(new TermQuery(new Term(PaperSchema.ID, paper.id())), Occur.MUST_NOT)
            .build();
    return new NearestVectorsQuery(PaperSchema.VECTOR, vector, size, others);
  }

  /** MoreLikeThis over the words of document {@code doc}, which holds {@code paper}. */
  static Query query(IndexSearcher searcher, Analyzer analyzer, int doc, Paper paper)
      throws IOException {
    MoreLikeThis moreLikeThis = new MoreLikeThis(searcher.getIndexReader());
    moreLikeThis.setAnalyzer(analyzer);
    moreLikeThis.setFieldNames(
        new String[] {PaperSchema.TITLE, PaperSchema.ABSTRACT, PaperSchema.TWEET});
    moreLikeThis.setMinTermFreq(1);
    moreLikeThis.setMinDocFreq(2);
    moreLikeThis.setMaxQueryTerms(30);
    moreLikeThis.setBoost(true);
    BooleanQuery.Builder similar =
        new BooleanQuery.Builder()
            .add(moreLikeThis.like(doc), Occur.MUST)
            .add(new TermQuery(new Term(PaperSchema.ID, paper.id())), Occur.MUST_NOT);
    for (String category : paper.categories()) {
      similar.add(
          new BoostQuery(
              new TermQuery(new Term(PaperSchema.CATEGORY, PaperSchema.categoryTerm(category))),
              SAME_CATEGORY_BOOST),
          Occur.SHOULD);
    }
    return similar.build();
  }
}
