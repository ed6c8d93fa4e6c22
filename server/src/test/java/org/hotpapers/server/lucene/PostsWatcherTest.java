package org.hotpapers.server.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.hotpapers.indexer.PostAdder;
import org.hotpapers.indexer.PostParser;
import org.hotpapers.server.ServerFixture;
import org.hotpapers.server.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Posts dropped into the watched folder become searchable; bad ones are reported and skipped. */
class PostsWatcherTest {

  @TempDir Path tmp;

  private static final String NEW_POST =
      """
      ---
      title: Hot Papers 2022-01-05
      date: 2022-01-05T09:00:00.Z
      ---

      # 1. Quasicrystal Tilings Learned by Graph Networks

      Ada Penrose

      - retweets: 10, favorites: 20 (01/05/2022 09:00:00)

      - links: [abs](https://arxiv.org/abs/2201.00099) | [pdf](https://arxiv.org/pdf/2201.00099)
      - [cs.LG](https://arxiv.org/list/cs.LG/recent)

      Graph networks learn aperiodic quasicrystal tilings.
      """;

  /** Moves a post into the folder in one step, quiet long enough to be read at once. */
  private void write(Path file, String text) throws IOException {
    Path outside = Files.createTempFile(tmp, "post", ".tmp");
    Files.writeString(outside, text);
    Files.setLastModifiedTime(outside, FileTime.from(Instant.now().minusSeconds(5)));
    Files.move(outside, file, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A watcher of {@code posts} that adds to the index {@code search} serves, words only. */
  private PostsWatcher watching(Path posts, SearchService search) throws IOException {
    return new PostsWatcher(
        posts, tmp.resolve("index"), new PostAdder(new PostParser(), null), search);
  }

  /** Scans until the file system's notice of a change has arrived and the posts were read. */
  private static int scanUntilRead(PostsWatcher watcher) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    int read = watcher.scan();
    while (read == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      read = watcher.scan();
    }
    return read;
  }

  @Test
  void aNewPostIsAddedOnceAndFoundByItsWords() throws IOException, InterruptedException {
    Path posts = Files.createDirectories(tmp.resolve("posts"));
    try (SearchService search = ServerFixture.openService(tmp, posts);
        PostsWatcher watcher = watching(posts, search)) {
      assertEquals(0, watcher.scan(), "posts there at start count as indexed");
      int before = search.paperCount();

      write(posts.resolve("2022-01-05---Hot-Papers.md"), NEW_POST);
      assertEquals(1, scanUntilRead(watcher));
      assertEquals(before + 1, search.paperCount());
      assertEquals(
          "2201.00099", search.search(SearchRequest.of("quasicrystal tilings")).hits().get(0).id());
      assertEquals(0, watcher.scan(), "an unchanged post is not added again");
      assertEquals(before + 1, search.paperCount());
    }
  }

  @Test
  void aMalformedPostIsSkippedAndTheRestAreAdded() throws IOException, InterruptedException {
    Path posts = Files.createDirectories(tmp.resolve("posts"));
    try (SearchService search = ServerFixture.openService(tmp, posts);
        PostsWatcher watcher = watching(posts, search)) {
      write(posts.resolve("2022-01-05---Hot-Papers.md"), NEW_POST);
      write(posts.resolve("2022-01-06---Hot-Papers.md"), "no front matter, no papers\n");
      int before = search.paperCount();
      assertEquals(1, scanUntilRead(watcher), "the good post is read, the malformed one skipped");
      assertEquals(before + 1, search.paperCount());
      assertEquals(0, watcher.scan(), "the malformed post is reported once, not retried");
    }
  }
}
