package org.hotpapers.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hotpapers.server.ServerFixture;
import org.hotpapers.server.lucene.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-client rate (429), the bound on searches at once (503), both with Retry-After. */
class FairUseTest {

  @Test
  void aClientOverItsRateGets429WithRetryAfterAndCheapRoutesStayOpen(@TempDir Path tmp)
      throws IOException {
    try (SearchService service = ServerFixture.openService(tmp)) {
      FairUse fairUse = new FairUse(new FairUse.Limits(4, Duration.ofMillis(100), 0.5, 2, 1, true));
      JavalinTest.test(
          HotpapersApp.create(service, Optional.empty(), Duration.ZERO, fairUse),
          (server, client) -> {
            assertEquals(200, client.get("/search?q=graph").code());
            assertEquals(200, client.get("/suggest?q=gra").code());
            Response refused = client.get("/search?q=graph");
            assertEquals(429, refused.code());
            assertEquals("2", refused.headers().get("Retry-After").get(0));
            assertEquals(
                "{\"error\":\"too many requests from this address; retry in 2 seconds\"}",
                refused.body().string());
            assertEquals(200, client.get("/health").code());
            assertEquals(200, client.get("/openapi.json").code());
            assertEquals(200, client.get("/papers/2201.00003").code());
          });
    }
  }

  @Test
  void searchesBeyondTheBoundWaitThenGet503WithRetryAfter() throws Exception {
    FairUse fairUse =
        new FairUse(new FairUse.Limits(1, Duration.ofMillis(100), 0, 0, Integer.MAX_VALUE, true));
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    Javalin app =
        Javalin.create(
            config -> {
              config.routes.get(
                  "/slow",
                  fairUse.guard(
                      ctx -> {
                        started.countDown();
                        release.await(5, TimeUnit.SECONDS);
                        ctx.result("done");
                      }));
              config.routes.exception(
                  ServerBusyException.class,
                  (e, ctx) ->
                      ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                          .header("Retry-After", Integer.toString(e.retryAfterSeconds())));
            });
    JavalinTest.test(
        app,
        (server, client) -> {
          CompletableFuture<Response> first =
              CompletableFuture.supplyAsync(() -> client.get("/slow"));
          assertTrue(started.await(5, TimeUnit.SECONDS));
          long start = System.nanoTime();
          Response busy = client.get("/slow");
          long waitedMs = (System.nanoTime() - start) / 1_000_000;
          assertEquals(503, busy.code());
          assertEquals("1", busy.headers().get("Retry-After").get(0));
          assertTrue(waitedMs >= 90, "waited " + waitedMs + " ms for a slot");
          release.countDown();
          assertEquals(200, first.get(5, TimeUnit.SECONDS).code());
          assertEquals(200, client.get("/slow").code());
        });
  }

  @Test
  void thisMachineItselfIsNotLimitedUnlessAsked(@TempDir Path tmp) throws IOException {
    try (SearchService service = ServerFixture.openService(tmp)) {
      FairUse fairUse =
          new FairUse(new FairUse.Limits(4, Duration.ofMillis(100), 0.5, 2, 1, false));
      JavalinTest.test(
          HotpapersApp.create(service, Optional.empty(), Duration.ZERO, fairUse),
          (server, client) -> {
            for (int i = 0; i < 10; i++) {
              assertEquals(200, client.get("/search?q=graph").code(), "request " + i);
            }
          });
    }
  }
}
