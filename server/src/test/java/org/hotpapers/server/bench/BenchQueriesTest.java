package org.hotpapers.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.hotpapers.indexer.MalformedPostException;
import org.hotpapers.indexer.Paper;
import org.hotpapers.indexer.PaperIndexer;
import org.hotpapers.indexer.PaperSchema;
import org.hotpapers.indexer.PostParser;
import org.hotpapers.server.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queries a seed draws depend on an index's papers, not on the order it holds them in. */
class BenchQueriesTest {

  @Test
  void twoIndexesOfThePapersInOtherOrdersDrawTheSameQueries(@TempDir Path tmp)
      throws IOException, MalformedPostException {
    List<Paper> papers = fixturePapers();
    List<Paper> reversed = new ArrayList<>(papers);
    Collections.reverse(reversed);
    index(tmp.resolve("forward"), papers);
    index(tmp.resolve("backward"), reversed);

    try (DirectoryReader forward = DirectoryReader.open(FSDirectory.open(tmp.resolve("forward")));
        DirectoryReader backward =
            DirectoryReader.open(FSDirectory.open(tmp.resolve("backward")))) {
      assertNotEquals(
          forward.storedFields().document(0).get(PaperSchema.ID),
          backward.storedFields().document(0).get(PaperSchema.ID),
          "the two indexes hold the papers in other orders");
      assertEquals(new BenchQueries(forward, 42).draw(3), new BenchQueries(backward, 42).draw(3));
    }
  }

  /** The papers of the server's fixture posts, each merged across the days it appeared. */
  private static List<Paper> fixturePapers() throws IOException, MalformedPostException {
    Map<String, Paper> papers = new LinkedHashMap<>();
    PostParser parser = new PostParser();
    for (String name : ServerFixture.POSTS) {
      try (InputStream in = BenchQueriesTest.class.getResourceAsStream("/posts/" + name)) {
        for (Paper paper : parser.parse(name, in.readAllBytes()).papers()) {
          papers.merge(paper.id(), paper, Paper::mergedWith);
        }
      }
    }
    return List.copyOf(papers.values());
  }

  private static void index(Path dir, List<Paper> papers) throws IOException {
    try (PaperIndexer indexer = new PaperIndexer(dir)) {
      indexer.addAll(papers);
      indexer.commit(Map.of());
    }
  }
}
