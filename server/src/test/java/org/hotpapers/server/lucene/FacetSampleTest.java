package org.hotpapers.server.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
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
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
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

  private static Map<String, Integer> counts(
      DirectoryReader reader, FacetSample sample, String dimension) throws IOException {
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

  /**
   * 40,960 papers in five segments (boundaries off the sampling windows), years in index order:
   * 2020 to 2023, 10,240 each; every tenth is "rare"; every fourth is deleted, the third of each
   * run of forty is "periodic", and the first 3,000 are "early".
   */
  private static Directory manyPapers() throws IOException {
    Directory directory = new ByteBuffersDirectory();
    FacetsConfig config = new FacetsConfig();
    IndexWriterConfig writerConfig = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE);
    try (IndexWriter writer = new IndexWriter(directory, writerConfig)) {
      for (int i = 0; i < MANY; i++) {
        Document doc = new Document();
        doc.add(new SortedSetDocValuesFacetField("year", Integer.toString(2020 + i / 10_240)));
        doc.add(new SortedSetDocValuesFacetField("kind", i % 10 == 0 ? "rare" : "common"));
        doc.add(new StringField("word", "every", Field.Store.NO));
        if (i % 10 == 0) {
          doc.add(new StringField("word", "rare", Field.Store.NO));
        }
        if (i % 40 == 2) {
          doc.add(new StringField("word", "periodic", Field.Store.NO));
        }
        if (i < 3000) {
          doc.add(new StringField("word", "early", Field.Store.NO));
        }
        if (i % 4 == 3) {
          doc.add(new StringField("word", "gone", Field.Store.NO));
        }
        writer.addDocument(config.build(doc));
        if (i % 9_999 == 9_998) {
          writer.commit();
        }
      }
      writer.deleteDocuments(new Term("word", "gone"));
    }
    return directory;
  }

  private static final int MANY = 40_960;

  private static FacetSample collect(DirectoryReader reader, String word, int limit)
      throws IOException {
    return FacetSample.collect(
        new IndexSearcher(reader), new TermQuery(new Term("word", word)), limit);
  }

  @Test
  void aCommonWordIsSampledInWindowsWithoutItsDeletedPapers() throws IOException {
    try (Directory directory = manyPapers();
        DirectoryReader reader = DirectoryReader.open(directory)) {
      FacetSample sample = collect(reader, "every", 1000);
      assertTrue(sample.approximate());
      long counted = FacetSample.total(sample.counted());
      assertTrue(counted > 1000 && counted < 2500, "sampled " + counted);
      Map<String, Integer> years = counts(reader, sample, "year");
      for (String year : new String[] {"2020", "2021", "2022", "2023"}) {
        assertEquals(7680, years.get(year), 768, year);
      }
      Map<String, Integer> kinds = counts(reader, sample, "kind");
      assertEquals(26_624, kinds.get("common"), 2662);
      assertEquals(4096, kinds.get("rare"), 614);
    }
  }

  @Test
  void aWordWithFewPapersIsCountedWhole() throws IOException {
    try (Directory directory = manyPapers();
        DirectoryReader reader = DirectoryReader.open(directory)) {
      FacetSample sample = collect(reader, "rare", 5000);
      assertFalse(sample.approximate());
      assertEquals(
          Map.of("2020", 1024, "2021", 1024, "2022", 1024, "2023", 1024),
          counts(reader, sample, "year"));
    }
  }

  @Test
  void matchesTheWindowsSeldomSeeAreCollectedAndSampledEvenly() throws IOException {
    try (Directory directory = manyPapers();
        DirectoryReader reader = DirectoryReader.open(directory)) {
      FacetSample sample = collect(reader, "periodic", 500);
      assertTrue(sample.approximate());
      assertEquals(1024 / 3, FacetSample.total(sample.counted()), 1, "one of every three");
      Map<String, Integer> years = counts(reader, sample, "year");
      assertEquals(256, years.get("2020"), 40);
      assertEquals(1024, years.values().stream().mapToInt(Integer::intValue).sum(), 10);
    }
  }

  @Test
  void matchesBunchedInOnePeriodAreCollectedAndSampledEvenly() throws IOException {
    try (Directory directory = manyPapers();
        DirectoryReader reader = DirectoryReader.open(directory)) {
      FacetSample sample = collect(reader, "early", 1000);
      assertTrue(sample.approximate());
      assertEquals(2250 / 3, FacetSample.total(sample.counted()), "one of every three");
      assertEquals(Map.of("2020", 2250), counts(reader, sample, "year"), "3,000 less deleted");
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
