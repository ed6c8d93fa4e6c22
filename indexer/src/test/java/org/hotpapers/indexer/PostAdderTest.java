package org.hotpapers.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Adding posts to an index gives the same papers, one by one, as rebuilding with them. */
class PostAdderTest {

  @TempDir Path tmp;

  private static Map<String, Paper> papers(Path index) throws IOException {
    Map<String, Paper> papers = new TreeMap<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      for (Paper paper : PaperDocuments.livePapers(reader)) {
        papers.put(paper.id(), paper);
      }
    }
    return papers;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void addingTheLaterPostsEqualsARebuildWithThem(int rebuilt) throws IOException {
    Path all = Fixtures.copyPosts(tmp.resolve("all"));
    new BatchReindex(new PostParser(), progress -> {}, 1).run(all, tmp.resolve("full"));

    Path first = Files.createDirectories(tmp.resolve("first"));
    List<Path> later = new ArrayList<>();
    for (int i = 0; i < Fixtures.POSTS.size(); i++) {
      Path post = all.resolve(Fixtures.POSTS.get(i));
      if (i < rebuilt) {
        Files.copy(post, first.resolve(post.getFileName()));
      } else {
        later.add(post);
      }
    }
    new BatchReindex(new PostParser(), progress -> {}, 1).run(first, tmp.resolve("daily"));
    ReindexSummary summary = new PostAdder(new PostParser(), null).add(later, tmp.resolve("daily"));

    assertEquals(later.size(), summary.postsRead());
    Map<String, Paper> full = papers(tmp.resolve("full"));
    Map<String, Paper> daily = papers(tmp.resolve("daily"));
    assertEquals(full.keySet(), daily.keySet());
    full.forEach((id, paper) -> assertEquals(paper, daily.get(id), id));
  }

  @Test
  void addedPapersAreEmbeddedAndModelsAreNotMixed() throws IOException {
    Path all = Fixtures.copyPosts(tmp.resolve("all"));
    Path first = Files.createDirectories(tmp.resolve("first"));
    Files.copy(all.resolve(Fixtures.POSTS.get(0)), first.resolve(Fixtures.POSTS.get(0)));
    HashingEmbedder embedder = new HashingEmbedder("test-hash");
    PaperVectors vectors = PaperVectors.open(embedder, tmp.resolve("cache"));
    new BatchReindex(new PostParser(), progress -> {}, 1, vectors).run(first, tmp.resolve("index"));
    int before = embedder.embedded();
    List<Path> later = List.of(all.resolve(Fixtures.POSTS.get(1)));
    new PostAdder(new PostParser(), vectors).add(later, tmp.resolve("index"));
    assertTrue(embedder.embedded() > before, "the added papers were embedded");
    IllegalArgumentException mixed =
        assertThrows(
            IllegalArgumentException.class,
            () -> new PostAdder(new PostParser(), null).add(later, tmp.resolve("index")));
    assertTrue(mixed.getMessage().contains("embeddings of test-hash"), mixed.getMessage());
  }
}
