package org.hotpapers.server.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On a small index the nearest papers are the true nearest ones, within the filter and without
 * deleted papers, even where the HNSW graph is too sparse to find them all.
 */
class NearestVectorsQueryTest {

  private static final String FIELD = "vector";
  private static final int PAPERS = 3000;
  private static final int DIMENSIONS = 32;
  private static final int K = 20;

  private final Random random = new Random(42);
  private final List<float[]> vectors = new ArrayList<>();
  private final Directory directory = new ByteBuffersDirectory();

  @BeforeEach
  void indexRandomVectorsWithASparseGraph() throws IOException {
    IndexWriterConfig config =
        new IndexWriterConfig()
            .setCodec(
                new Lucene912Codec() {
                  @Override
                  public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                    return new Lucene99HnswVectorsFormat(2, 4);
                  }
                });
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (int id = 0; id < PAPERS; id++) {
        float[] vector = randomVector();
        vectors.add(vector);
        Document doc = new Document();
        doc.add(new KnnFloatVectorField(FIELD, vector, VectorSimilarityFunction.COSINE));
        doc.add(new IntPoint("id", id));
        doc.add(new StoredField("id", id));
        writer.addDocument(doc);
      }
      writer.deleteDocuments(IntPoint.newRangeQuery("id", 0, 99));
    }
  }

  @AfterEach
  void closeIndex() throws IOException {
    directory.close();
  }

  @Test
  void findsTheTrueNearestPapersWhereTheGraphMissesSome() throws IOException {
    int graphMissed = 0;
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      for (int query = 0; query < 20; query++) {
        float[] target = randomVector();
        List<Integer> expected = trueNearest(target, id -> id >= 100);
        assertEquals(expected, ids(searcher, new NearestVectorsQuery(FIELD, target, K, null)));
        if (!expected.equals(ids(searcher, new KnnFloatVectorQuery(FIELD, target, K)))) {
          graphMissed++;
        }
      }
    }
    assertNotEquals(
        0, graphMissed, "the sparse graph should miss neighbours, or this test proves nothing");
  }

  @Test
  void keepsToTheFilter() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Query upperHalf = IntPoint.newRangeQuery("id", PAPERS / 2, PAPERS - 1);
      float[] target = randomVector();
      assertEquals(
          trueNearest(target, id -> id >= PAPERS / 2),
          ids(searcher, new NearestVectorsQuery(FIELD, target, K, upperHalf)));
      Query fewerThanK = IntPoint.newRangeQuery("id", 95, 104);
      assertEquals(
          List.of(100, 101, 102, 103, 104).stream().sorted(byDistanceTo(target)).toList(),
          ids(searcher, new NearestVectorsQuery(FIELD, target, K, fewerThanK)));
    }
  }

  private List<Integer> ids(IndexSearcher searcher, Query query) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<Integer> ids = new ArrayList<>();
    for (ScoreDoc hit : searcher.search(query, K).scoreDocs) {
      ids.add(stored.document(hit.doc).getField("id").numericValue().intValue());
    }
    return ids;
  }

  private List<Integer> trueNearest(float[] target, IntPredicate live) {
    List<Integer> ids = new ArrayList<>();
    for (int id = 0; id < PAPERS; id++) {
      if (live.test(id)) {
        ids.add(id);
      }
    }
    return ids.stream().sorted(byDistanceTo(target)).limit(K).toList();
  }

  private Comparator<Integer> byDistanceTo(float[] target) {
    return Comparator.comparingDouble(
        id -> -VectorSimilarityFunction.COSINE.compare(target, vectors.get(id)));
  }

  private float[] randomVector() {
    float[] vector = new float[DIMENSIONS];
    for (int i = 0; i < DIMENSIONS; i++) {
      vector[i] = (float) random.nextGaussian();
    }
    return vector;
  }
}
