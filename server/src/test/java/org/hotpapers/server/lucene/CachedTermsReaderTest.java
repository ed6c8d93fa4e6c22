package org.hotpapers.server.lucene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.hotpapers.server.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Term lookups answered from the cache give what the segment gives, without a second walk. */
class CachedTermsReaderTest {

  private static final String BODY = "body";

  @Test
  void searchesRankTheSamePapersWithTheSameScores(@TempDir Path tmp) throws IOException {
    ServerFixture.openService(tmp).close();
    PaperQueries queries = PaperQueries.forLucene(RankingWeights.DEFAULT);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(tmp.resolve("index")))) {
      IndexSearcher plain = new IndexSearcher(reader);
      IndexSearcher cached = new IndexSearcher(CachedTermsReader.of(reader));
      for (String q :
          new String[] {
            "diffusion", "graph neural networks", "\"neural network\"", "transformer -vision", "GAN"
          }) {
        UserQuery expected = queries.parse(plain, q);
        for (int pass = 0; pass < 2; pass++) {
          UserQuery parsed = queries.parse(cached, q);
          assertEquals(expected.match(1), parsed.match(1), q);
          ScoreDoc[] want = plain.search(expected.match(1), 20).scoreDocs;
          ScoreDoc[] got = cached.search(parsed.match(1), 20).scoreDocs;
          assertTrue(want.length > 0, q + " matches a fixture paper");
          assertEquals(describe(want), describe(got), q + ", pass " + pass);
        }
      }
    }
  }

  @Test
  void aTermLookedUpOnceIsNotWalkedToAgain() throws IOException {
    try (Directory directory = index("graph neural networks", "neural fields", "graph cuts")) {
      AtomicInteger walks = new AtomicInteger();
      try (DirectoryReader reader = CachedTermsReader.of(counting(directory, walks))) {
        LeafReader leaf = reader.leaves().get(0).reader();
        for (int i = 0; i < 3; i++) {
          TermsEnum terms = leaf.terms(BODY).iterator();
          assertTrue(terms.seekExact(new BytesRef("neural")));
          assertEquals(2, terms.docFreq());
          assertFalse(terms.seekExact(new BytesRef("absent")));
        }
        assertEquals(1, walks.get(), "the first enum opened the segment's; the others did not");
        assertEquals(2, leaf.docFreq(new Term(BODY, "graph")));
        assertEquals(2, walks.get(), "a term not looked up before opens the segment's enum");
      }
    }
  }

  @Test
  void aCachedTermOpensItsPostingsAndMovesOnLikeTheSegmentsOwnEnum() throws IOException {
    try (Directory directory = index("graph neural networks", "neural fields", "graph cuts");
        DirectoryReader plain = DirectoryReader.open(directory)) {
      DirectoryReader cached = CachedTermsReader.of(plain);
      BytesRef graph = new BytesRef("graph");
      cached.leaves().get(0).reader().terms(BODY).iterator().seekExact(graph);
      TermsEnum want = plain.leaves().get(0).reader().terms(BODY).iterator();
      TermsEnum got = cached.leaves().get(0).reader().terms(BODY).iterator();
      assertTrue(want.seekExact(graph));
      assertTrue(got.seekExact(graph));
      assertArrayEquals(docs(want), docs(got));
      assertEquals(new BytesRef("networks"), got.next());
      assertEquals(want.next(), got.term());
      assertEquals(want.term(), got.term());
      assertEquals(want.docFreq(), got.docFreq());
    }
  }

  @Test
  void aFullCacheStartsAgainAndStillAnswersRightly() throws IOException {
    try (Directory directory = index("graph neural networks", "neural fields", "graph cuts")) {
      AtomicInteger walks = new AtomicInteger();
      try (DirectoryReader reader = CachedTermsReader.of(counting(directory, walks), 2)) {
        Terms terms = reader.leaves().get(0).reader().terms(BODY);
        for (String word : new String[] {"graph", "neural", "cuts", "graph"}) {
          TermsEnum lookup = terms.iterator();
          assertTrue(lookup.seekExact(new BytesRef(word)), word);
          assertEquals(word.equals("cuts") ? 1 : 2, lookup.docFreq(), word);
        }
        assertEquals(4, walks.get(), "graph was forgotten when cuts overflowed the cache");
      }
    }
  }

  private static Directory index(String... bodies) throws IOException {
    Directory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      for (String body : bodies) {
        Document doc = new Document();
        doc.add(new TextField(BODY, body, Field.Store.NO));
        writer.addDocument(doc);
      }
    }
    return directory;
  }

  /** A reader over {@code directory} that counts each terms enum its segments open. */
  private static DirectoryReader counting(Directory directory, AtomicInteger walks)
      throws IOException {
    return new FilterDirectoryReader(
        DirectoryReader.open(directory),
        new FilterDirectoryReader.SubReaderWrapper() {
          @Override
          public LeafReader wrap(LeafReader reader) {
            return new FilterLeafReader(reader) {
              @Override
              public Terms terms(String field) throws IOException {
                return new FilterTerms(in.terms(field)) {
                  @Override
                  public TermsEnum iterator() throws IOException {
                    walks.incrementAndGet();
                    return in.iterator();
                  }
                };
              }

              @Override
              public CacheHelper getCoreCacheHelper() {
                return in.getCoreCacheHelper();
              }

              @Override
              public CacheHelper getReaderCacheHelper() {
                return in.getReaderCacheHelper();
              }
            };
          }
        }) {
      @Override
      protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) {
        throw new UnsupportedOperationException();
      }

      @Override
      public CacheHelper getReaderCacheHelper() {
        return in.getReaderCacheHelper();
      }
    };
  }

  private static int[] docs(TermsEnum terms) throws IOException {
    PostingsEnum postings = terms.postings(null, PostingsEnum.FREQS);
    List<Integer> docs = new ArrayList<>();
    for (int doc = postings.nextDoc();
        doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = postings.nextDoc()) {
      docs.add(doc);
    }
    return docs.stream().mapToInt(Integer::intValue).toArray();
  }

  private static String describe(ScoreDoc[] hits) {
    StringBuilder out = new StringBuilder();
    for (ScoreDoc hit : hits) {
      out.append(hit.doc).append(':').append(hit.score).append(' ');
    }
    return out.toString();
  }
}
