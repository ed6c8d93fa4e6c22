package org.hotpapers.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.hotpapers.indexer.SyntheticPosts;
import org.hotpapers.server.ServerFixture;
import org.hotpapers.server.lucene.ReindexJobs;
import org.hotpapers.server.lucene.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin reindex routes: off without a token, 401 for a wrong one, 202, progress, 409. */
class AdminRoutesTest {

  private static final String TOKEN = "s3cret-admin-token-for-tests";

  @TempDir Path tmp;

  private Javalin app(SearchService search, Path posts) {
    ReindexJobs jobs = new ReindexJobs(posts, tmp.resolve("index"), search);
    return HotpapersApp.create(
        search,
        Optional.of(new AdminRoutes(TOKEN, jobs)),
        Duration.ZERO,
        new FairUse(FairUse.Limits.none()));
  }

  private static Response post(HttpClient client, String path, String token) {
    return client.post(
        path,
        "",
        request -> {
          if (token != null) {
            request.header("Authorization", "Bearer " + token);
          }
        });
  }

  private static Response get(HttpClient client, String path, String token) {
    return client.get(path, request -> request.header("Authorization", "Bearer " + token));
  }

  @Test
  void adminRoutesDoNotExistWithoutAToken() throws IOException {
    try (SearchService search = ServerFixture.openService(tmp)) {
      JavalinTest.test(
          HotpapersApp.create(search),
          (server, client) -> {
            assertEquals(404, post(client, "/admin/reindex", TOKEN).code());
            assertEquals(404, client.get("/admin/reindex/x").code());
          });
    }
  }

  @Test
  void missingOrWrongTokenIs401() throws IOException {
    try (SearchService search = ServerFixture.openService(tmp)) {
      JavalinTest.test(
          app(search, tmp.resolve("posts")),
          (server, client) -> {
            Response none = post(client, "/admin/reindex", null);
            assertEquals(401, none.code());
            assertEquals(
                "{\"error\":\"a valid admin bearer token is required\"}", none.body().string());
            assertEquals(401, post(client, "/admin/reindex", TOKEN + "x").code());
            assertEquals(401, post(client, "/admin/reindex", "").code());
            assertEquals(401, get(client, "/admin/reindex/anything", "nope").code());
            Response basic =
                client.post("/admin/reindex", "", r -> r.header("Authorization", "Basic " + TOKEN));
            assertEquals(401, basic.code());
          });
    }
  }

  @Test
  void rightTokenStartsAReindexThatIsServedWhenDone() throws Exception {
    try (SearchService search = ServerFixture.openService(tmp)) {
      JavalinTest.test(
          app(search, tmp.resolve("posts")),
          (server, client) -> {
            Response started = post(client, "/admin/reindex", TOKEN);
            assertEquals(202, started.code(), started.body().string());
            JsonNode job = ServerFixture.json(started);
            String id = job.get("id").asText();
            assertEquals("/admin/reindex/" + id, started.headers().get("Location").get(0));
            JsonNode status = waitUntilFinished(client, id);
            assertEquals("succeeded", status.get("state").asText(), status.toString());
            assertEquals(8, status.get("summary").get("papers_indexed").asInt());
            assertEquals(3, status.get("posts_total").asInt());
            assertEquals(8, status.get("papers_indexed").asInt());
            assertEquals(404, get(client, "/admin/reindex/no-such-job", TOKEN).code());
          });
    }
  }

  @Test
  void secondReindexWhileOneRunsIs409() throws Exception {
    try (SearchService search = ServerFixture.openService(tmp)) {
      Path big = SyntheticPosts.write(tmp.resolve("big"), 600, 20);
      JavalinTest.test(
          app(search, big),
          (server, client) -> {
            Response first = post(client, "/admin/reindex", TOKEN);
            assertEquals(202, first.code());
            Response second = post(client, "/admin/reindex", TOKEN);
            assertEquals(409, second.code());
            assertEquals(
                "{\"error\":\"a reindex is already running; try again later\"}",
                second.body().string());
            JsonNode status =
                waitUntilFinished(client, ServerFixture.json(first).get("id").asText());
            assertEquals("succeeded", status.get("state").asText());
            assertEquals(12_000, search.paperCount());
            Response third = post(client, "/admin/reindex", TOKEN);
            assertEquals(202, third.code());
            JsonNode thirdStatus =
                waitUntilFinished(client, ServerFixture.json(third).get("id").asText());
            assertEquals("succeeded", thirdStatus.get("state").asText());
          });
    }
  }

  private static JsonNode waitUntilFinished(HttpClient client, String id)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Response response = get(client, "/admin/reindex/" + id, TOKEN);
      assertEquals(200, response.code());
      JsonNode status = ServerFixture.json(response);
      if (!status.get("state").asText().equals("running")) {
        return status;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("reindex " + id + " did not finish in 60 s");
  }

  @Test
  void tokenMustNotBeBlank() {
    assertTrue(
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new AdminRoutes(" ", null))
            .getMessage()
            .contains("blank"));
  }
}
