package org.hotpapers.server;

import java.io.IOException;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.hotpapers.indexer.PaperSchema;

/** An index searcher together with the facet ordinals of its reader, built once per reader. */
final class PaperSearcher extends IndexSearcher {

  private final SortedSetDocValuesReaderState facetState;

  private PaperSearcher(IndexReader reader, SortedSetDocValuesReaderState facetState) {
    super(reader);
    this.facetState = facetState;
  }

  /** Facet ordinals, or {@code null} when the index holds no facets (it has no papers). */
  SortedSetDocValuesReaderState facetState() {
    return facetState;
  }

  /** Makes a {@link PaperSearcher} for each reader a {@code SearcherManager} opens. */
  static final class Factory extends SearcherFactory {
    private final FacetsConfig facetsConfig = PaperSchema.facetsConfig();

    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader)
        throws IOException {
      FieldInfo facetField =
          FieldInfos.getMergedFieldInfos(reader).fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
      SortedSetDocValuesReaderState state =
          facetField == null
              ? null
              : new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
      return new PaperSearcher(reader, state);
    }
  }
}
