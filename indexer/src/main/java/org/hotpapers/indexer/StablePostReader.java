package org.hotpapers.indexer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;

/**
 * Reads a post whole, as it was before a change or after it, never half-way: a post written in the
 * last {@code quiet} is waited for until it has been left alone that long, and a read during which
 * the file changed (size, time or identity) is read again. A post that never settles is reported.
 */
final class StablePostReader {

  /** A post written this recently may still be being written. */
  static final Duration QUIET = Duration.ofMillis(500);

  /** The longest a rebuild waits for one post to settle. */
  static final Duration PATIENCE = Duration.ofSeconds(10);

  private StablePostReader() {}

  /**
   * The bytes of {@code file} in one consistent state.
   *
   * @throws MalformedPostException if it is too large, was deleted, or never stopped changing
   */
  static byte[] read(String name, Path file) throws IOException, MalformedPostException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
        if (before.size() > PostParser.MAX_POST_BYTES) {
          throw new MalformedPostException(
              name,
              0,
              "post is "
                  + before.size()
                  + " bytes, over the limit of "
                  + PostParser.MAX_POST_BYTES);
        }
        long sinceWritten = System.currentTimeMillis() - before.lastModifiedTime().toMillis();
        if (sinceWritten < QUIET.toMillis()) {
          sleep(QUIET.toMillis() - sinceWritten);
          continue;
        }
        byte[] bytes = Files.readAllBytes(file);
        BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
        if (bytes.length == after.size() && same(before, after)) {
          return bytes;
        }
      }
    } catch (NoSuchFileException e) {
      throw new MalformedPostException(name, 0, "post was deleted while the rebuild read it");
    }
    throw new MalformedPostException(
        name, 0, "post kept changing for " + PATIENCE.toSeconds() + " s while the rebuild read it");
  }

  private static boolean same(BasicFileAttributes a, BasicFileAttributes b) {
    return a.size() == b.size()
        && a.lastModifiedTime().equals(b.lastModifiedTime())
        && Objects.equals(a.fileKey(), b.fileKey());
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(Math.max(1, millis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while a post settled");
    }
  }
}
