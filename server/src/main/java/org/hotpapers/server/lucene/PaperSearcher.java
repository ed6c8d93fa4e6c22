package org.hotpapers.server.lucene;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.hotpapers.indexer.Paper;
import org.hotpapers.indexer.PaperDocuments;
import org.hotpapers.indexer.PaperSchema;

/**
 * An index searcher together with what is worth keeping per reader: the facet ordinals, and a
 * bounded cache of loaded papers (like Solr's document cache: popular papers come back in many
 * searches, and decompressing stored fields is a large part of a search's cost).
 */
final class PaperSearcher extends IndexSearcher {

  /** Most papers kept in the cache before it is emptied and starts again. */
  static final int PAPER_CACHE_SIZE = 10_000;

  private final IndexReader cachedTerms;
  private final SortedSetDocValuesReaderState facetState;
  private final Map<Integer, Paper> papers = new ConcurrentHashMap<>();
  private PaperSuggester suggester;
  private SortedSetDocValuesFacetCounts allFacetCounts;
  private final Map<String, FacetResult> topOfAll = new HashMap<>();

  private final String vectorModel;

  private PaperSearcher(
      IndexReader reader,
      IndexReader cachedTerms,
      SortedSetDocValuesReaderState facetState,
      String vectorModel) {
    super(reader);
    this.cachedTerms = cachedTerms;
    this.facetState = facetState;
    this.vectorModel = vectorModel;
  }

  /** The model that embedded this index's papers, or {@code null} for a lexical-only index. */
  String vectorModel() {
    return vectorModel;
  }

  /** The stored vector of document {@code doc}, or {@code null} if it has none. */
  float[] vector(int doc) throws IOException {
    List<LeafReaderContext> leaves = getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    int local = doc - leaf.docBase;
    FloatVectorValues values = leaf.reader().getFloatVectorValues(PaperSchema.VECTOR);
    return values == null || values.advance(local) != local ? null : values.vectorValue().clone();
  }

  /**
   * Facet ordinals of the reader that {@link #timed} searches, or {@code null} when the index holds
   * no facets (it has no papers).
   */
  SortedSetDocValuesReaderState facetState() {
    return facetState;
  }

  /**
   * The top {@code size} values of a facet dimension over every paper, counted on first use and
   * kept for the life of the reader: a search with no query and no filter needs no counting pass of
   * its own. Synchronized, as facet counts read their doc values through one shared iterator.
   */
  synchronized FacetResult topOfAll(String dimension, int size) throws IOException {
    if (allFacetCounts == null) {
      allFacetCounts = new SortedSetDocValuesFacetCounts(facetState);
    }
    String key = dimension + '/' + size;
    FacetResult top = topOfAll.get(key);
    if (top == null && !topOfAll.containsKey(key)) {
      top = allFacetCounts.getTopChildren(size, dimension);
      topOfAll.put(key, top);
    }
    return top;
  }

  /**
   * A searcher for one request over the same papers, with term lookups cached for the reader's life
   * ({@link CachedTermsReader}), which searches slices of segments side by side on {@code segments}
   * and stops collecting once {@code timeout} has passed and then reports {@link
   * IndexSearcher#timedOut()}.
   */
  IndexSearcher timed(Duration timeout, Executor segments) {
    IndexSearcher searcher = new IndexSearcher(cachedTerms, segments);
    searcher.setTimeout(new QueryTimeoutImpl(timeout.toMillis()));
    return searcher;
  }

  /** The autocomplete suggester of this reader, built on first use and closed with the reader. */
  synchronized PaperSuggester suggester(Analyzer analyzer) throws IOException {
    if (suggester == null) {
      PaperSuggester built = PaperSuggester.build(getIndexReader(), analyzer);
      getIndexReader().getReaderCacheHelper().addClosedListener(key -> built.close());
      suggester = built;
    }
    return suggester;
  }

  /** The document of the paper with arXiv id {@code id}, if the index has it. */
  OptionalInt docOf(String id) throws IOException {
    ScoreDoc[] hits = search(PaperQueryParser.idQuery(id).match(0), 1).scoreDocs;
    return hits.length == 0 ? OptionalInt.empty() : OptionalInt.of(hits[0].doc);
  }

  /** The paper stored in document {@code doc}. */
  Paper paper(int doc) throws IOException {
    Paper paper = papers.get(doc);
    if (paper == null) {
      paper = PaperDocuments.toPaper(storedFields().document(doc));
      if (papers.size() >= PAPER_CACHE_SIZE) {
        papers.clear();
      }
      papers.put(doc, paper);
    }
    return paper;
  }

  /** Verifies the checksums of the segments of {@code reader} that {@code previous} lacks. */
  private static void verifyNewSegments(IndexReader reader, IndexReader previous)
      throws IOException {
    Set<Object> known = new HashSet<>();
    if (previous != null) {
      for (LeafReaderContext leaf : previous.leaves()) {
        known.add(leaf.reader().getCoreCacheHelper().getKey());
      }
    }
    for (LeafReaderContext leaf : reader.leaves()) {
      if (!known.contains(leaf.reader().getCoreCacheHelper().getKey())) {
        leaf.reader().checkIntegrity();
      }
    }
  }

  /** Makes a {@link PaperSearcher} for each reader a {@code SearcherManager} opens. */
  static final class Factory extends SearcherFactory {
    private final FacetsConfig facetsConfig = PaperSchema.facetsConfig();

    /**
     * A searcher over {@code reader}, once every segment that {@code previousReader} did not have
     * has passed its checksums: a damaged segment must not be served.
     */
    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader)
        throws IOException {
      verifyNewSegments(reader, previousReader);
      IndexReader cachedTerms =
          reader instanceof DirectoryReader directory ? CachedTermsReader.of(directory) : reader;
      FieldInfo facetField =
          FieldInfos.getMergedFieldInfos(reader).fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
      SortedSetDocValuesReaderState state =
          facetField == null
              ? null
              : new DefaultSortedSetDocValuesReaderState(cachedTerms, facetsConfig);
      String model =
          reader instanceof DirectoryReader directory
              ? directory.getIndexCommit().getUserData().get(PaperSchema.EMBEDDING_MODEL)
              : null;
      return new PaperSearcher(reader, cachedTerms, state, model);
    }
  }
}
