package org.hotpapers.indexer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The checked-in fixture posts under {@code src/test/resources/posts}. */
public final class Fixtures {

  /** File names of the fixture posts. */
  public static final List<String> POSTS =
      List.of(
          "2021-01-04---Hot-Papers.md",
          "2021-01-05---Hot-Papers.md",
          "2021-01-06---Hot-Papers.md",
          "2021-01-07---Hot-Papers.md");

  private Fixtures() {}

  /** The bytes of one fixture post. */
  public static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/posts/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies every fixture post into {@code dir}. */
  public static Path copyPosts(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String name : POSTS) {
      Files.write(dir.resolve(name), bytes(name));
    }
    return dir;
  }
}
