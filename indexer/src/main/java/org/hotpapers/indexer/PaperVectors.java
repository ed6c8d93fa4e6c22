package org.hotpapers.indexer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The vectors of papers for the index: from the cache when a paper's text was embedded before,
 * otherwise from the embedder in one batch, then cached. Thread-safe; counts what it embedded.
 */
public final class PaperVectors {

  private final PaperEmbedder embedder;
  private final EmbeddingCache cache;
  private final AtomicInteger embedded = new AtomicInteger();
  private final AtomicInteger reused = new AtomicInteger();

  /** Vectors from {@code embedder}, remembered in {@code cache}. */
  public PaperVectors(PaperEmbedder embedder, EmbeddingCache cache) {
    this.embedder = embedder;
    this.cache = cache;
  }

  /**
   * Vectors from {@code embedder}, cached in {@code cacheDir}.
   *
   * @throws IOException if the cache folder cannot be read
   */
  public static PaperVectors open(PaperEmbedder embedder, Path cacheDir) throws IOException {
    return new PaperVectors(embedder, EmbeddingCache.open(cacheDir, embedder));
  }

  /**
   * Vectors from {@code embedder} for the index in {@code indexDir}, cached in {@code cacheDir}, or
   * in {@code INDEX.embeddings} beside the index if that is {@code null}.
   */
  public static PaperVectors forIndex(PaperEmbedder embedder, Path indexDir, Path cacheDir)
      throws IOException {
    return open(embedder, cacheDir == null ? defaultCacheDir(indexDir) : cacheDir);
  }

  private static Path defaultCacheDir(Path indexDir) {
    Path absolute = indexDir.toAbsolutePath().normalize();
    return absolute.resolveSibling(absolute.getFileName() + ".embeddings");
  }

  /** The embedding model. */
  public PaperEmbedder embedder() {
    return embedder;
  }

  /** One vector per paper, in order. */
  public List<float[]> of(List<Paper> papers) {
    List<String> keys = papers.stream().map(PaperVectors::contentKey).toList();
    List<float[]> vectors = new ArrayList<>(papers.size());
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < papers.size(); i++) {
      float[] cached = cache.get(keys.get(i));
      vectors.add(cached);
      if (cached == null) {
        missing.add(embedder.passage(papers.get(i)));
      }
    }
    if (!missing.isEmpty()) {
      List<float[]> computed = embedder.embed(missing);
      int next = 0;
      for (int i = 0; i < vectors.size(); i++) {
        if (vectors.get(i) == null) {
          float[] vector = computed.get(next++);
          cache.put(keys.get(i), vector);
          vectors.set(i, vector);
        }
      }
    }
    embedded.addAndGet(missing.size());
    reused.addAndGet(papers.size() - missing.size());
    return vectors;
  }

  /**
   * What a paper's vector depends on: the text the embedder reads it from. A paper whose title,
   * abstract and tweets are unchanged keeps its vector without being read again.
   */
  private static String contentKey(Paper paper) {
    StringBuilder key =
        new StringBuilder(paper.title()).append('\n').append(paper.abstractText()).append('\n');
    paper.tweets().forEach(tweet -> key.append(tweet.text()).append('\n'));
    return key.toString();
  }

  /**
   * What a commit records: {@code commitData}, plus the embedding model and the vectors' length
   * when {@code vectors} is not {@code null}, so a searcher can refuse another model's vectors.
   */
  static Map<String, String> commitData(Map<String, String> commitData, PaperVectors vectors) {
    Map<String, String> data = new HashMap<>(commitData);
    if (vectors != null) {
      data.put(PaperSchema.EMBEDDING_MODEL, vectors.embedder().model());
      data.put(PaperSchema.EMBEDDING_DIMENSIONS, Integer.toString(vectors.embedder().dimensions()));
    }
    return data;
  }

  /** Papers embedded by the model so far. */
  public int embedded() {
    return embedded.get();
  }

  /** Papers whose vector came from the cache so far. */
  public int reused() {
    return reused.get();
  }

  /** The cache, to save once the index is committed. */
  public EmbeddingCache cache() {
    return cache;
  }
}
