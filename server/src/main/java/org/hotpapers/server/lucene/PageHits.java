package org.hotpapers.server.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.hotpapers.indexer.Paper;
import org.hotpapers.indexer.PaperDocuments;
import org.hotpapers.indexer.PaperSchema;
import org.hotpapers.server.search.SearchHit;
import org.hotpapers.server.search.WordMatch;

/**
 * The hits of a page of papers that another engine found (a Solr collection), highlighted and
 * marked as the embedded index marks its own: the page's papers are indexed in memory, the query is
 * parsed against them (so each word reaches the forms those papers use), and {@link
 * PaperHighlighter} writes the same escaped snippets.
 */
public final class PageHits {

  private final PaperQueries queries;
  private final Analyzer analyzer = PaperSchema.analyzer();
  private final FacetsConfig facetsConfig = PaperSchema.facetsConfig();

  /** Hits whose words are parsed by {@code queries}. */
  public PageHits(PaperQueries queries) {
    this.queries = queries;
  }

  /**
   * The hits of {@code papers}, in order, with their {@code scores}, highlighted with the words of
   * {@code q} (none if {@code q} is blank). When {@code byMeaning}, a hit that holds fewer of the
   * words than {@code match} requires is marked as found by meaning alone.
   */
  public List<SearchHit> of(
      List<Paper> papers, float[] scores, String q, WordMatch match, boolean byMeaning)
      throws IOException {
    if (papers.isEmpty()) {
      return List.of();
    }
    try (Directory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
        for (Paper paper : papers) {
          writer.addDocument(facetsConfig.build(PaperDocuments.toDocument(paper)));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        UserQuery query = queries.parse(searcher, q);
        Map<Integer, Paper> byDoc = new HashMap<>();
        int[] docIds = new int[papers.size()];
        for (int i = 0; i < papers.size(); i++) {
          docIds[i] = i;
          byDoc.put(i, papers.get(i));
        }
        List<Map<String, List<String>>> highlights =
            PaperHighlighter.highlights(searcher, analyzer, byDoc, docIds, query.highlight());
        Weight words =
            byMeaning && !query.words().isEmpty()
                ? searcher.createWeight(
                    searcher.rewrite(query.match(match == null ? 0 : match.required())),
                    ScoreMode.COMPLETE_NO_SCORES,
                    1f)
                : null;
        List<SearchHit> hits = new ArrayList<>(papers.size());
        for (int i = 0; i < papers.size(); i++) {
          boolean meaningOnly = words != null && !matches(reader, words, i);
          hits.add(SearchHit.of(papers.get(i), scores[i], highlights.get(i), null, meaningOnly));
        }
        return hits;
      }
    }
  }

  /** Whether {@code weight} matches document {@code doc} of {@code reader}. */
  static boolean matches(IndexReader reader, Weight weight, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    Scorer scorer = weight.scorer(leaf);
    int local = doc - leaf.docBase;
    return scorer != null && scorer.iterator().advance(local) == local;
  }
}
