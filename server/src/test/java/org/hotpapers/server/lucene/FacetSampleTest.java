package org.hotpapers.server.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class FacetSampleTest {

  /** 3,000 papers over three segments, years in index order (as digests are): 2020 to 2022. */
  private static Directory papersByYear() throws IOException {
    Directory directory = new ByteBuffersDirectory();
    FacetsConfig config = new FacetsConfig();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      for (int i = 0; i < 3000; i++) {
        Document doc = new Document();
        doc.add(new SortedSetDocValuesFacetField("year", Integer.toString(2020 + i / 1000)));
        doc.add(new SortedSetDocValuesFacetField("kind", i % 10 == 0 ? "rare" : "common"));
        writer.addDocument(config.build(doc));
        if (i % 1000 == 999) {
          writer.commit();
        }
      }
    }
    return directory;
  }

  static Map<String, Integer> counts(DirectoryReader reader, FacetSample sample, String dimension)
      throws IOException {
    FacetsConfig config = new FacetsConfig();
    SortedSetDocValuesFacetCounts counts =
        new SortedSetDocValuesFacetCounts(
            new DefaultSortedSetDocValuesReaderState(reader, config), sample.counted());
    FacetResult top = counts.getTopChildren(10, dimension);
    Map<String, Integer> estimates = new HashMap<>();
    for (LabelAndValue value : top.labelValues) {
      estimates.put(value.label, sample.estimate(value.value.intValue()));
    }
    return estimates;
  }

  private static FacetsCollector everyPaper(DirectoryReader reader) throws IOException {
    return new IndexSearcher(reader).search(new MatchAllDocsQuery(), new FacetsCollectorManager());
  }

  @Test
  void smallMatchSetsAreCountedWhole() throws IOException {
    try (Directory directory = papersByYear();
        DirectoryReader reader = DirectoryReader.open(directory)) {
      FacetsCollector all = everyPaper(reader);
      FacetSample sample = FacetSample.of(all, 3000);
      assertSame(all, sample.counted());
      assertFalse(sample.approximate());
      assertEquals(
          Map.of("2020", 1000, "2021", 1000, "2022", 1000), counts(reader, sample, "year"));
    }
  }

  @Test
  void largeMatchSetsAreCountedOverAnEvenSampleAndScaledBack() throws IOException {
    try (Directory directory = papersByYear();
        DirectoryReader reader = DirectoryReader.open(directory)) {
      FacetsCollector all = everyPaper(reader);
      FacetSample sample = FacetSample.of(all, 300);
      assertTrue(sample.approximate());
      assertEquals(300, FacetSample.total(sample.counted()));
      assertEquals(3000, FacetSample.total(all));
      assertEquals(
          Map.of("2020", 1000, "2021", 1000, "2022", 1000), counts(reader, sample, "year"));
      Map<String, Integer> kinds = counts(reader, sample, "kind");
      assertEquals(2700, kinds.get("common"), 100);
      assertEquals(300, kinds.get("rare"), 100);
    }
  }

  @Test
  void aSmallIndexIsNeverSampledInWindows() throws IOException {
    try (Directory directory = papersByYear();
        DirectoryReader reader = DirectoryReader.open(directory)) {
      FacetSample sample =
          FacetSample.collect(new IndexSearcher(reader), new MatchAllDocsQuery(), 300);
      assertTrue(sample.approximate());
      assertEquals(300, FacetSample.total(sample.counted()));
    }
  }
}
