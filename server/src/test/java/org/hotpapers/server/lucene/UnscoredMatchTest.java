package org.hotpapers.server.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.store.FSDirectory;
import org.hotpapers.server.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unscored form of a search's match finds exactly its papers, with no nested disjunction. */
class UnscoredMatchTest {

  @Test
  void matchesTheSamePapersAsTheRankedQuery(@TempDir Path tmp) throws IOException {
    ServerFixture.openService(tmp).close();
    PaperQueries queries = PaperQueries.forLucene(RankingWeights.DEFAULT);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(tmp.resolve("index")))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      for (String q :
          new String[] {
            "diffusion", "graph neural networks", "\"neural network\"", "transformer -vision", "GAN"
          }) {
        UserQuery parsed = queries.parse(searcher, q);
        for (int required = 1; required <= Math.max(1, parsed.words().size()); required++) {
          Query ranked = parsed.match(required);
          Query unscored = UnscoredMatch.of(ranked);
          Set<Integer> expected = papers(searcher, ranked);
          if (required == 1) {
            assertFalse(expected.isEmpty(), q + " matches a fixture paper");
          }
          assertEquals(expected, papers(searcher, unscored), q + ", " + required + " words");
          assertTrue(flat(unscored), unscored.toString());
        }
      }
    }
  }

  private static Set<Integer> papers(IndexSearcher searcher, Query query) throws IOException {
    return Arrays.stream(searcher.search(query, searcher.getIndexReader().maxDoc()).scoreDocs)
        .map(hit -> hit.doc)
        .collect(Collectors.toSet());
  }

  /** Whether {@code query} holds no DisjunctionMaxQuery and no CombinedFieldQuery. */
  private static boolean flat(Query query) {
    boolean[] nested = {false};
    query.visit(
        new QueryVisitor() {
          @Override
          public QueryVisitor getSubVisitor(Occur occur, Query parent) {
            nested[0] |= parent instanceof DisjunctionMaxQuery;
            return this;
          }

          @Override
          public void consumeTerms(Query owner, Term... terms) {
            nested[0] |= owner instanceof CombinedFieldQuery;
          }
        });
    return !nested[0];
  }
}
