package org.hotpapers.indexer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vectors already computed, keyed by a hash of the content they were computed from, in one file per
 * model: a rebuild embeds only papers that are new or whose text changed. The file is replaced
 * atomically on {@link #save()}; a missing or unreadable file is an empty cache.
 */
public final class EmbeddingCache {

  private static final int MAGIC = 0x48504543;

  private final Path file;
  private final String model;
  private final int dimensions;
  private final Map<String, float[]> vectors = new ConcurrentHashMap<>();
  private volatile boolean changed;

  private EmbeddingCache(Path file, String model, int dimensions) {
    this.file = file;
    this.model = model;
    this.dimensions = dimensions;
  }

  /** The cache of {@code embedder}'s vectors in folder {@code dir}, read from its file if any. */
  public static EmbeddingCache open(Path dir, PaperEmbedder embedder) throws IOException {
    EmbeddingCache cache =
        new EmbeddingCache(
            dir.resolve(embedder.model() + ".vectors"), embedder.model(), embedder.dimensions());
    cache.read();
    return cache;
  }

  /** The vector cached for content {@code key}, or {@code null}. */
  public float[] get(String key) {
    return vectors.get(hash(key));
  }

  /** Caches {@code vector} for content {@code key}. */
  public void put(String key, float[] vector) {
    if (vector.length != dimensions) {
      throw new IllegalArgumentException(
          "a vector of " + vector.length + " dimensions in a cache of " + dimensions);
    }
    vectors.put(hash(key), vector);
    changed = true;
  }

  /** Number of cached vectors. */
  public int size() {
    return vectors.size();
  }

  /** Writes the cache to its file, replacing the old file in one step, if anything was added. */
  public void save() throws IOException {
    if (!changed) {
      return;
    }
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
      out.writeInt(MAGIC);
      out.writeUTF(model);
      out.writeInt(dimensions);
      out.writeInt(vectors.size());
      for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
        out.writeUTF(entry.getKey());
        for (float value : entry.getValue()) {
          out.writeFloat(value);
        }
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    changed = false;
  }

  private void read() throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != MAGIC || !in.readUTF().equals(model) || in.readInt() != dimensions) {
        return;
      }
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        String key = in.readUTF();
        float[] vector = new float[dimensions];
        for (int d = 0; d < dimensions; d++) {
          vector[d] = in.readFloat();
        }
        vectors.put(key, vector);
      }
    } catch (NoSuchFileException | EOFException e) {
      vectors.clear();
    }
  }

  private static String hash(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
