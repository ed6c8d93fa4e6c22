package org.hotpapers.server.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hotpapers.indexer.BatchReindex;
import org.hotpapers.indexer.PostParser;
import org.hotpapers.server.ServerFixture;
import org.hotpapers.server.search.SearchRequest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A damaged commit (a truncated segment, flipped bytes in a segment, a damaged commit point) is
 * detected on the reload that would pick it up and at start: the previous index stays served,
 * health says why, and a good rebuild is served again (after a damaged commit point, into the
 * emptied folder, as the message says).
 */
class DamagedIndexTest {

  /** Ways the newest commit can be damaged on disk. */
  enum Damage {
    TRUNCATED_SEGMENT,
    FLIPPED_SEGMENT_BYTES,
    DAMAGED_COMMIT_POINT
  }

  @TempDir Path tmp;

  private Path posts;
  private Path index;

  private void rebuild() throws IOException {
    new BatchReindex(new PostParser(), progress -> {}).run(posts, index);
  }

  private Set<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(index)) {
      return new HashSet<>(files.toList());
    }
  }

  private void damage(Damage damage, Set<Path> before) throws IOException {
    List<Path> added =
        files().stream()
            .filter(file -> !before.contains(file))
            .filter(file -> !file.getFileName().toString().equals("write.lock"))
            .sorted(Comparator.comparingLong(DamagedIndexTest::size).reversed())
            .toList();
    Path segment =
        added.stream()
            .filter(file -> !file.getFileName().toString().startsWith("segments_"))
            .findFirst()
            .orElseThrow();
    Path commit =
        added.stream()
            .filter(file -> file.getFileName().toString().startsWith("segments_"))
            .findFirst()
            .orElseThrow();
    try (RandomAccessFile file =
        new RandomAccessFile(
            (damage == Damage.DAMAGED_COMMIT_POINT ? commit : segment).toFile(), "rw")) {
      switch (damage) {
        case TRUNCATED_SEGMENT -> file.setLength(file.length() / 2);
        case FLIPPED_SEGMENT_BYTES, DAMAGED_COMMIT_POINT -> {
          long middle = file.length() / 2;
          file.seek(middle);
          int b = file.read();
          file.seek(middle);
          file.write(b ^ 0xFF);
        }
      }
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void aDamagedCommitIsNeverServedAndTheLastGoodOneIs(Damage damage) throws IOException {
    posts = Files.createDirectories(tmp.resolve("posts"));
    index = tmp.resolve("index");
    copy(ServerFixture.POSTS.get(0));
    rebuild();
    try (SearchService service = SearchService.open(index)) {
      assertEquals(3, service.paperCount());
      copy(ServerFixture.POSTS.get(1));
      Set<Path> before = files();
      rebuild();
      damage(damage, before);

      DamagedIndexException refused = assertThrows(DamagedIndexException.class, service::refresh);
      assertTrue(refused.getMessage().contains("rebuild it with"), refused.getMessage());
      assertEquals(3, service.paperCount(), "the previous index is still served");
      assertEquals(3, service.search(SearchRequest.of("")).total());
      assertTrue(service.damage().orElseThrow().contains("is damaged"));
      service.refresh();
      assertTrue(service.damage().isPresent(), "the same damaged commit is not retried");

      DamagedIndexException atStart =
          assertThrows(DamagedIndexException.class, () -> SearchService.open(index));
      assertTrue(atStart.getMessage().contains(index.toString()), atStart.getMessage());

      if (damage == Damage.DAMAGED_COMMIT_POINT) {
        for (Path file : files()) {
          Files.delete(file);
        }
      }
      rebuild();
      service.refresh();
      assertFalse(service.damage().isPresent());
      assertEquals(6, service.paperCount());
    }
  }

  private void copy(String name) throws IOException {
    try (InputStream in = DamagedIndexTest.class.getResourceAsStream("/posts/" + name)) {
      Files.write(posts.resolve(name), in.readAllBytes());
    }
  }
}
