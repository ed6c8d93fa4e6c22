package org.hotpapers.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A post appended, replaced or deleted while a rebuild reads it is indexed as it was before or as
 * it is after, never half-way.
 */
class PostsChangingTest {

  private static final String HEAD = "---\ntitle: Hot Papers 2021-03-01\n---\n\n";

  @TempDir Path tmp;

  private static String section(int n, String id, String title, String abstractText) {
    return "# "
        + n
        + ". "
        + title
        + "\n\nAda Author\n\n- retweets: 1, favorites: 2 (03/01/2021 09:00:00)\n\n"
        + "- links: [abs](https://arxiv.org/abs/"
        + id
        + ") | [pdf](https://arxiv.org/pdf/"
        + id
        + ")\n- [cs.LG](https://arxiv.org/list/cs.LG/recent)\n\n"
        + abstractText
        + "\n\n";
  }

  private Map<String, String> indexed() throws IOException {
    Map<String, String> abstracts = new TreeMap<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(tmp.resolve("index")))) {
      for (Paper paper : PaperDocuments.livePapers(reader)) {
        abstracts.put(paper.id(), paper.abstractText());
      }
    }
    return abstracts;
  }

  private ReindexSummary rebuild(Path posts) throws IOException {
    return new BatchReindex(new PostParser(), progress -> {}, 1).run(posts, tmp.resolve("index"));
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aPostAppendedInTwoWritesIsIndexedWhole() throws Exception {
    Path posts = Files.createDirectories(tmp.resolve("posts"));
    Path post = posts.resolve("2021-03-01---Hot-Papers.md");
    Files.writeString(post, HEAD + section(1, "2103.00001", "First Paper", "The first abstract."));
    Files.setLastModifiedTime(post, java.nio.file.attribute.FileTime.fromMillis(0));
    String second = section(2, "2103.00002", "Second Paper", "The second abstract, written whole.");
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              try {
                int half = second.length() / 2;
                Files.writeString(post, second.substring(0, half), StandardOpenOption.APPEND);
                pause(300);
                Files.writeString(post, second.substring(half), StandardOpenOption.APPEND);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    pause(100);
    rebuild(posts);
    writer.get();
    assertEquals(
        Map.of(
            "2103.00001", "The first abstract.",
            "2103.00002", "The second abstract, written whole."),
        indexed());
  }

  @Test
  void aPostReplacedWhileReadIsTheOldOrTheNewOne() throws Exception {
    Path posts = Files.createDirectories(tmp.resolve("posts"));
    Path post = posts.resolve("2021-03-01---Hot-Papers.md");
    String oldPost = HEAD + section(1, "2103.00001", "Old Title", "The old abstract.");
    String newPost = HEAD + section(1, "2103.00001", "New Title", "The new abstract.");
    Files.writeString(post, oldPost);
    for (int round = 0; round < 5; round++) {
      String next = round % 2 == 0 ? newPost : oldPost;
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                try {
                  Path temp = posts.resolve(".replace.tmp");
                  Files.writeString(temp, next);
                  Files.move(temp, post, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      rebuild(posts);
      writer.get();
      String abstractText = indexed().get("2103.00001");
      assertTrue(
          abstractText.equals("The old abstract.") || abstractText.equals("The new abstract."),
          abstractText);
    }
  }

  @Test
  void aPostDeletedWhileReadIsSkippedAndTheRestIndex() throws Exception {
    Path posts = Fixtures.copyPosts(tmp.resolve("posts"));
    Path post = posts.resolve("2021-03-01---Hot-Papers.md");
    Files.writeString(post, HEAD + section(1, "2103.00001", "Doomed Paper", "Soon gone."));
    CompletableFuture<Void> deleter =
        CompletableFuture.runAsync(
            () -> {
              pause(50);
              try {
                Files.delete(post);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    ReindexSummary summary = rebuild(posts);
    deleter.get();
    Map<String, String> papers = indexed();
    assertTrue(papers.size() >= 6, papers.toString());
    boolean indexedOld = papers.containsKey("2103.00001");
    boolean reported =
        summary.skippedPosts().stream()
            .anyMatch(p -> p.toString().contains("deleted while the rebuild read it"));
    assertTrue(indexedOld || reported, summary.report());
  }
}
