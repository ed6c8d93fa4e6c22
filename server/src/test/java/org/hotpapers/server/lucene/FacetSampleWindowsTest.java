package org.hotpapers.server.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.hotpapers.server.search.TotalRelation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Sampling a query's matches in windows of an index too large to visit every match cheaply. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacetSampleWindowsTest {

  private static final int MANY = 40_960;

  private final Directory directory = new ByteBuffersDirectory();
  private DirectoryReader reader;

  /**
   * 40,960 papers in five segments (boundaries off the sampling windows), years in index order:
   * 2020 to 2023, 10,240 each; every tenth is "rare"; every fourth is deleted, the third of each
   * run of forty is "periodic", and the first 3,000 are "early".
   */
  @BeforeAll
  void indexManyPapers() throws IOException {
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
    reader = DirectoryReader.open(directory);
  }

  @AfterAll
  void close() throws IOException {
    reader.close();
    directory.close();
  }

  private FacetSample collect(String word, int limit) throws IOException {
    return FacetSample.collect(
        new IndexSearcher(reader), new TermQuery(new Term("word", word)), limit);
  }

  @Test
  void aCommonWordIsSampledInWindowsWithoutItsDeletedPapers() throws IOException {
    FacetSample sample = collect("every", 1000);
    assertTrue(sample.approximate());
    long counted = FacetSample.total(sample.counted());
    assertTrue(counted > 1000 && counted < 2500, "sampled " + counted);
    assertEquals(TotalRelation.GTE, sample.relation());
    assertEquals(counted, sample.matched(), "a lower bound: the matches the windows held");
    Map<String, Integer> years = FacetSampleTest.counts(reader, sample, "year");
    for (String year : new String[] {"2020", "2021", "2022", "2023"}) {
      assertEquals(7680, years.get(year), 768, year);
    }
    Map<String, Integer> kinds = FacetSampleTest.counts(reader, sample, "kind");
    assertEquals(26_624, kinds.get("common"), 2662);
    assertEquals(4096, kinds.get("rare"), 614);
  }

  @Test
  void aWordWithFewPapersIsCountedWhole() throws IOException {
    FacetSample sample = collect("rare", 5000);
    assertFalse(sample.approximate());
    assertEquals(TotalRelation.EQ, sample.relation());
    assertEquals(4096, sample.matched());
    assertEquals(
        Map.of("2020", 1024, "2021", 1024, "2022", 1024, "2023", 1024),
        FacetSampleTest.counts(reader, sample, "year"));
  }

  @Test
  void matchesTheWindowsSeldomSeeAreCollectedAndSampledEvenly() throws IOException {
    FacetSample sample = collect("periodic", 500);
    assertTrue(sample.approximate());
    assertEquals(1024 / 3, FacetSample.total(sample.counted()), 1, "one of every three");
    assertEquals(1024, sample.matched());
    assertEquals(TotalRelation.EQ, sample.relation());
    Map<String, Integer> years = FacetSampleTest.counts(reader, sample, "year");
    assertEquals(256, years.get("2020"), 40);
    assertEquals(1024, years.values().stream().mapToInt(Integer::intValue).sum(), 10);
  }

  @Test
  void matchesBunchedInOnePeriodAreCollectedAndSampledEvenly() throws IOException {
    FacetSample sample = collect("early", 1000);
    assertTrue(sample.approximate());
    assertEquals(2250 / 3, FacetSample.total(sample.counted()), "one of every three");
    assertEquals(
        Map.of("2020", 2250), FacetSampleTest.counts(reader, sample, "year"), "3,000 less deleted");
  }
}
