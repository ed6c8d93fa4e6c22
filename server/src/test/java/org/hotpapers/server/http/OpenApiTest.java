package org.hotpapers.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hotpapers.server.ServerFixture;
import org.hotpapers.server.lucene.ReindexJobs;
import org.hotpapers.server.lucene.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /openapi.json} is valid OpenAPI 3.1 (swagger-parser), describes every route the app
 * registers, admin routes included, and every route it describes answers.
 */
class OpenApiTest {

  private static final String TOKEN = "test-token";

  @TempDir static Path tmp;
  static SearchService service;

  @BeforeAll
  static void open() throws IOException {
    service = ServerFixture.openService(tmp);
  }

  @AfterAll
  static void close() throws IOException {
    service.close();
  }

  private static Javalin appWithAdmin() {
    ReindexJobs jobs = new ReindexJobs(tmp.resolve("posts"), tmp.resolve("index"), service);
    return HotpapersApp.create(
        service,
        Optional.of(new AdminRoutes(TOKEN, jobs)),
        Duration.ZERO,
        new FairUse(FairUse.Limits.none()));
  }

  private static OpenAPI parse(String json) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
    assertEquals(java.util.List.of(), result.getMessages(), "swagger-parser messages");
    assertNotNull(result.getOpenAPI());
    assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
    return result.getOpenAPI();
  }

  private static Set<String> described(OpenAPI api) {
    Set<String> routes = new TreeSet<>();
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      path.getValue()
          .readOperationsMap()
          .keySet()
          .forEach(method -> routes.add(method.name() + " " + path.getKey()));
    }
    return routes;
  }

  /** Waits for the reindex job at {@code location} to end, so it writes nothing after the test. */
  private static void awaitJob(io.javalin.testtools.HttpClient client, String location)
      throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      String job =
          client
              .get(location, req -> req.header("Authorization", "Bearer " + TOKEN))
              .body()
              .string();
      if (!job.contains("\"running\"") && !job.contains("\"queued\"")) {
        assertTrue(job.contains("\"succeeded\""), job);
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the reindex job did not end");
  }

  @Test
  void everyRegisteredRouteIsDescribedAndEveryDescribedRouteAnswers() {
    Javalin app = appWithAdmin();
    Set<String> registered = new TreeSet<>();
    for (ParsedEndpoint parsed : app.unsafe.internalRouter.allHttpHandlers()) {
      HandlerType method = parsed.endpoint.method;
      if (method.isHttpMethod() && method != HandlerType.HEAD && method != HandlerType.OPTIONS) {
        registered.add(method.name() + " " + parsed.endpoint.path);
      }
    }
    JavalinTest.test(
        app,
        (server, client) -> {
          Response response = client.get("/openapi.json");
          assertEquals(200, response.code());
          OpenAPI api = parse(response.body().string());
          Set<String> described = described(api);
          for (String route : registered) {
            assertTrue(described.contains(route), route + " is not described in openapi.json");
          }
          for (String route : described) {
            String[] methodAndPath = route.split(" ", 2);
            String path =
                methodAndPath[1]
                    .replace("/admin/reindex/{id}", "/admin/reindex/unknown-job")
                    .replace("{id}", "2201.00003");
            Response answer =
                methodAndPath[0].equals("GET")
                    ? client.get(path, req -> req.header("Authorization", "Bearer " + TOKEN))
                    : client.post(
                        path, null, req -> req.header("Authorization", "Bearer " + TOKEN));
            int code = answer.code();
            assertTrue(
                code == 200 || code == 202 || path.endsWith("unknown-job") && code == 404,
                route + " answered " + code + ": " + answer.body().string());
            if (code == 202) {
              awaitJob(client, answer.headers().get("Location").get(0));
            }
          }
        });
  }
}
