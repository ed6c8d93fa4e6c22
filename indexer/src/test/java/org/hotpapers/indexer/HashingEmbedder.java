package org.hotpapers.indexer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast stand-in embedding model for tests: each word of a text adds to a few hashed dimensions,
 * and the vector is scaled to unit length. It counts the texts it embeds.
 */
public final class HashingEmbedder implements PaperEmbedder {

  private static final int DIMENSIONS = 16;

  private final String model;
  private final AtomicInteger embedded = new AtomicInteger();

  /** A stand-in model named {@code model}. */
  public HashingEmbedder(String model) {
    this.model = model;
  }

  /** Texts embedded so far. */
  public int embedded() {
    return embedded.get();
  }

  @Override
  public String model() {
    return model;
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public String passage(Paper paper) {
    return paper.title() + " " + paper.abstractText();
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    embedded.addAndGet(texts.size());
    return texts.stream().map(HashingEmbedder::vector).toList();
  }

  @Override
  public float[] embedQuery(String query) {
    return vector(query);
  }

  private static float[] vector(String text) {
    float[] vector = new float[DIMENSIONS];
    vector[0] = 1e-3f;
    for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
      if (!word.isEmpty()) {
        int hash = java.util.Arrays.hashCode(word.getBytes(StandardCharsets.UTF_8));
        vector[Math.floorMod(hash, DIMENSIONS)] += 1;
      }
    }
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    for (int i = 0; i < DIMENSIONS; i++) {
      vector[i] /= (float) Math.sqrt(norm);
    }
    return vector;
  }

  @Override
  public void close() {}
}
