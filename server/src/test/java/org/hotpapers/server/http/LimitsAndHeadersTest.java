package org.hotpapers.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.hotpapers.server.ServerFixture;
import org.hotpapers.server.lucene.ReindexJobs;
import org.hotpapers.server.lucene.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Security headers on the page, the query timeout, and the request size limits. */
class LimitsAndHeadersTest {

  @TempDir Path tmp;

  @Test
  void pageAndApiCarrySecurityHeaders() throws IOException {
    try (SearchService search = ServerFixture.openService(tmp)) {
      JavalinTest.test(
          HotpapersApp.create(search),
          (server, client) -> {
            for (String path : new String[] {"/", "/app.js", "/search?q=x", "/nope"}) {
              Response response = client.get(path);
              String csp = response.headers().get("Content-Security-Policy").get(0);
              assertTrue(csp.contains("script-src 'self'"), csp);
              assertFalse(csp.contains("unsafe-inline"), csp);
              assertEquals("nosniff", response.headers().get("X-Content-Type-Options").get(0));
              assertEquals("no-referrer", response.headers().get("Referrer-Policy").get(0));
            }
            assertTrue(client.get("/").body().string().contains("<script src=\"/app.js\""));
          });
    }
  }

  @Test
  void searchPastItsTimeLimitIs503AndTheServerStaysHealthy() throws IOException {
    ServerFixture.openService(tmp).close();
    try (SearchService slow = SearchService.open(tmp.resolve("index"), Duration.ZERO)) {
      JavalinTest.test(
          HotpapersApp.create(slow),
          (server, client) -> {
            Response response = client.get("/search?q=dif*+OR+diffusion+OR+graph");
            assertEquals(503, response.code(), response.body().string());
            assertEquals(
                "{\"error\":\"the search took longer than 0 ms and was stopped; try a more specific"
                    + " query\"}",
                response.body().string());
            assertEquals(200, client.get("/health").code());
          });
    }
  }

  @Test
  void oversizedHeadersAndBodiesAreRefused() throws IOException {
    try (SearchService search = ServerFixture.openService(tmp)) {
      JavalinTest.test(
          HotpapersApp.create(
              search,
              Optional.of(new AdminRoutes("token", new ReindexJobs(tmp, tmp, search))),
              Duration.ZERO,
              new FairUse(FairUse.Limits.none())),
          (server, client) -> {
            Response bigHeader =
                client.get("/health", r -> r.header("X-Padding", "x".repeat(20_000)));
            assertEquals(431, bigHeader.code());
            Response bigBody =
                client.post(
                    "/admin/reindex",
                    "x".repeat(100_000),
                    r -> r.header("Authorization", "Bearer token"));
            assertEquals(413, bigBody.code());
          });
    }
  }
}
