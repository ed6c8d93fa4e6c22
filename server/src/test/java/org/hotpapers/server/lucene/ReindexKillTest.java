package org.hotpapers.server.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hotpapers.indexer.BatchReindex;
import org.hotpapers.indexer.IndexerProcess;
import org.hotpapers.indexer.PostParser;
import org.hotpapers.indexer.SyntheticPosts;
import org.hotpapers.server.LiveServer;
import org.hotpapers.server.ServerFixture;
import org.hotpapers.server.http.HotpapersApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a reindex of the served directory with SIGKILL at 6 random moments: after each, the server
 * still answers from the previous index, and the next reindex succeeds.
 */
class ReindexKillTest {

  private static final int POSTS = 1200;
  private static final int SECTIONS = 20;

  @Test
  void killedReindexesNeverDisturbTheServedIndex(@TempDir Path tmp) throws Exception {
    Path big = SyntheticPosts.write(tmp.resolve("big"), POSTS, SECTIONS);
    Path index = tmp.resolve("index");
    Random random = new Random(42);
    try (SearchService search = ServerFixture.openService(tmp);
        LiveServer server = new LiveServer(HotpapersApp.create(search))) {
      for (int round = 0; round < 6; round++) {
        Process reindex = IndexerProcess.start(big, index);
        long delay = 200 + random.nextInt(2500);
        boolean finished = reindex.waitFor(delay, TimeUnit.MILLISECONDS);
        assertFalse(
            finished,
            "round "
                + round
                + ": the reindex ended (status "
                + (finished ? reindex.exitValue() : 0)
                + ") before the kill at "
                + delay
                + " ms");
        reindex.destroyForcibly().waitFor();
        search.refresh();
        HttpResponse<String> health = server.get("/health");
        assertEquals(200, health.statusCode());
        assertEquals(
            "{\"status\":\"ok\",\"papers\":8,\"search\":\"lexical\",\"model\":null}",
            health.body(),
            "round " + round + ", killed after " + delay + " ms");
        assertEquals(200, server.get("/search?q=diffusion").statusCode());
      }
      new BatchReindex(new PostParser(), progress -> {}).run(big, index);
      search.refresh();
      assertEquals(
          "{\"status\":\"ok\",\"papers\":"
              + POSTS * SECTIONS
              + ",\"search\":\"lexical\",\"model\":null}",
          server.get("/health").body());
    }
  }
}
