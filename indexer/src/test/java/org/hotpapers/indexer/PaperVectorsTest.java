package org.hotpapers.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Papers are embedded into the index, and a rebuild embeds only what changed. */
class PaperVectorsTest {

  @TempDir Path tmp;

  private ReindexSummary rebuild(Path posts, HashingEmbedder embedder) throws IOException {
    PaperVectors vectors = PaperVectors.open(embedder, tmp.resolve("cache"));
    return new BatchReindex(new PostParser(), progress -> {}, 1, vectors)
        .run(posts, tmp.resolve("index"));
  }

  @Test
  void everyPaperGetsAVectorAndTheIndexNamesTheModel() throws IOException {
    Path posts = Fixtures.copyPosts(tmp.resolve("posts"));
    ReindexSummary summary = rebuild(posts, new HashingEmbedder("test-hash"));
    assertEquals("test-hash", summary.embeddingModel());
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(tmp.resolve("index")))) {
      int withVectors = 0;
      for (LeafReaderContext leaf : reader.leaves()) {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(PaperSchema.VECTOR);
        while (values != null && values.nextDoc() != FloatVectorValues.NO_MORE_DOCS) {
          if (leaf.reader().getLiveDocs() == null
              || leaf.reader().getLiveDocs().get(values.docID())) {
            withVectors++;
          }
        }
      }
      assertEquals(reader.numDocs(), withVectors);
      assertEquals(
          "test-hash", reader.getIndexCommit().getUserData().get(PaperSchema.EMBEDDING_MODEL));
      assertEquals(
          "16", reader.getIndexCommit().getUserData().get(PaperSchema.EMBEDDING_DIMENSIONS));
    }
  }

  @Test
  void aRebuildEmbedsOnlyPapersWhoseTextChanged() throws IOException {
    Path posts = Fixtures.copyPosts(tmp.resolve("posts"));
    HashingEmbedder first = new HashingEmbedder("test-hash");
    ReindexSummary built = rebuild(posts, first);
    assertTrue(built.papersEmbedded() > 5, "papers embedded: " + built.papersEmbedded());
    assertEquals(built.papersEmbedded(), first.embedded());

    HashingEmbedder second = new HashingEmbedder("test-hash");
    ReindexSummary again = rebuild(posts, second);
    assertEquals(0, second.embedded());
    assertEquals(0, again.papersEmbedded());
    assertEquals(built.papersEmbedded() + built.embeddingsReused(), again.embeddingsReused());

    Path post = posts.resolve(Fixtures.POSTS.get(0));
    String text = Files.readString(post, StandardCharsets.UTF_8);
    String changed =
        text.replace(
            "Transformers have emerged as a powerful tool",
            "Transformers have lately emerged as a powerful tool");
    assertTrue(!changed.equals(text), "the fixture has the abstract to change");
    Files.writeString(post, changed, StandardCharsets.UTF_8);
    HashingEmbedder third = new HashingEmbedder("test-hash");
    ReindexSummary afterEdit = rebuild(posts, third);
    assertEquals(1, third.embedded());
    assertEquals(1, afterEdit.papersEmbedded());
  }

  @Test
  void anUnreadableCacheIsAnEmptyOne() throws IOException {
    HashingEmbedder embedder = new HashingEmbedder("test-hash");
    Files.createDirectories(tmp.resolve("cache"));
    Files.writeString(tmp.resolve("cache").resolve("test-hash.vectors"), "not a cache");
    EmbeddingCache cache = EmbeddingCache.open(tmp.resolve("cache"), embedder);
    assertEquals(0, cache.size());
    assertNull(cache.get("anything"));
  }

  @Test
  void aLexicalRebuildRecordsNoModel() throws IOException {
    Path posts = Fixtures.copyPosts(tmp.resolve("posts"));
    ReindexSummary summary =
        new BatchReindex(new PostParser(), progress -> {}).run(posts, tmp.resolve("index"));
    assertNull(summary.embeddingModel());
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(tmp.resolve("index")))) {
      assertNull(reader.getIndexCommit().getUserData().get(PaperSchema.EMBEDDING_MODEL));
    }
  }
}
