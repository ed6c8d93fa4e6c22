package org.hotpapers.server.http;

import static org.hotpapers.server.ServerFixture.ids;
import static org.hotpapers.server.ServerFixture.json;
import static org.hotpapers.server.ServerFixture.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import io.javalin.testtools.TestCase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotpapers.server.ServerFixture;
import org.hotpapers.server.lucene.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Typo correction, autocomplete, similar papers, score explanations, the popularity knob, trending,
 * the conversation (tweeters) and author initials, on the fixture posts.
 */
class DiscoveryApiTest {

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

  private static void test(TestCase body) {
    JavalinTest.test(HotpapersApp.create(service), body);
  }

  private static JsonNode get(HttpClient client, String route, String... params) {
    Response response = client.get(path(route, params));
    assertEquals(200, response.code(), response.body().string());
    return json(response);
  }

  @Test
  void everyMisspelledWordIsCorrectedAndSaidSo() {
    test(
        (server, client) -> {
          JsonNode body = get(client, "/search", "q", "difusion modles");
          assertEquals("diffusion models", body.get("suggestion").asText());
          assertTrue(body.get("corrected").asBoolean());
          assertEquals("2201.00001", ids(body).get(0));
          JsonNode off = get(client, "/search", "q", "difusion modles", "fuzzy", "off");
          assertEquals("diffusion models", off.get("suggestion").asText());
          assertFalse(off.get("corrected").asBoolean());
          assertEquals(List.of(), ids(off));
        });
  }

  @Test
  void correctlySpelledQueriesAreUntouched() {
    test(
        (server, client) -> {
          for (String q : List.of("diffusion models", "wen", "annchen", "overview", "GAN")) {
            JsonNode on = get(client, "/search", "q", q);
            JsonNode off = get(client, "/search", "q", q, "fuzzy", "off");
            assertTrue(on.get("suggestion").isNull(), q);
            assertEquals(ids(off), ids(on), q);
          }
        });
  }

  @Test
  void suggestCompletesTitlesAndPhrasesByEngagementWithinACategory() {
    test(
        (server, client) -> {
          JsonNode body = get(client, "/suggest", "q", "diffu");
          JsonNode first = body.get("suggestions").get(0);
          assertEquals("Diffusion Models Beat GANs on Image Synthesis", first.get("text").asText());
          assertEquals("title", first.get("kind").asText());
          assertEquals("2201.00001", first.get("id").asText());
          List<String> texts = texts(get(client, "/suggest", "q", "diffu", "cat", "cs.CV"));
          assertEquals(List.of("Diffusion Models Beat GANs on Image Synthesis"), texts);
          assertEquals(
              List.of(
                  "Image Synthesis with Transformers",
                  "Diffusion Models Beat GANs on Image Synthesis"),
              texts(get(client, "/suggest", "q", "image syn")));
          assertEquals(List.of(), texts(get(client, "/suggest", "q", "")));
          assertEquals(1, get(client, "/suggest", "q", "a", "size", "1").get("suggestions").size());
        });
  }

  @Test
  void similarPapersExcludeThePaperAndPreferItsCategories() {
    test(
        (server, client) -> {
          JsonNode body = get(client, "/papers/2201.00006/similar", "size", "3");
          assertEquals("2201.00006", body.get("id").asText());
          List<String> similar = new ArrayList<>();
          body.get("similar").forEach(hit -> similar.add(hit.get("id").asText()));
          assertFalse(similar.contains("2201.00006"));
          assertEquals("2201.00003", similar.get(0), similar.toString());
          assertEquals(404, client.get("/papers/9999.99999/similar").code());
        });
  }

  @Test
  void explainPartsAddUpToTheScore() {
    test(
        (server, client) -> {
          for (String q :
              List.of("diffusion image synthesis", "graph", "", "author:wen attention")) {
            JsonNode body = get(client, "/search", "q", q, "explain", "true", "size", "10");
            for (JsonNode hit : body.get("hits")) {
              JsonNode explain = hit.get("explain");
              double sum =
                  explain.get("engagement").asDouble()
                      + explain.get("all_words").asDouble()
                      + explain.get("recency").asDouble();
              for (JsonNode part : explain.get("text")) {
                sum += part.asDouble();
              }
              assertEquals(hit.get("score").asDouble(), sum, 1e-4, q + ": " + hit);
              assertEquals(hit.get("score").asDouble(), explain.get("total").asDouble(), 1e-4);
            }
          }
          JsonNode top =
              get(client, "/search", "q", "diffusion image synthesis", "explain", "true");
          JsonNode explain = top.get("hits").get(0).get("explain");
          assertTrue(explain.get("text").get("title").asDouble() > 0);
          assertTrue(explain.get("engagement").asDouble() > 0);
          assertTrue(explain.get("all_words").asDouble() > 0);
          assertFalse(get(client, "/search", "q", "graph").get("hits").get(0).has("explain"));
        });
  }

  @Test
  void popZeroIsPureTextRelevance() {
    test(
        (server, client) -> {
          JsonNode popular = get(client, "/search", "q", "transformers", "explain", "true");
          JsonNode textOnly =
              get(client, "/search", "q", "transformers", "pop", "0", "explain", "true");
          assertEquals(List.of("2201.00007", "2201.00008"), ids(popular));
          for (JsonNode hit : textOnly.get("hits")) {
            assertEquals(0, hit.get("explain").get("engagement").asDouble());
          }
          JsonNode more =
              get(client, "/search", "q", "transformers", "pop", "1", "explain", "true");
          assertTrue(
              more.get("hits").get(0).get("explain").get("engagement").asDouble()
                  > popular.get("hits").get(0).get("explain").get("engagement").asDouble());
        });
  }

  @Test
  void trendingDecaysEngagementWithDigestAge() {
    test(
        (server, client) -> {
          assertEquals(
              List.of("2201.00007", "2201.00001", "2201.00004", "2201.00008"),
              ids(get(client, "/search", "sort", "trending", "size", "4")));
          assertEquals(
              List.of("2201.00007", "2201.00001", "2201.00008", "2201.00004"),
              ids(
                  get(
                      client,
                      "/search",
                      "sort",
                      "trending",
                      "half_life_days",
                      "0.1",
                      "size",
                      "4")));
        });
  }

  @Test
  void tweetersFacetFilterAndHandleSearch() {
    test(
        (server, client) -> {
          JsonNode all = get(client, "/search");
          assertTrue(
              all.get("facets")
                  .get("tweeters")
                  .toString()
                  .contains("{\"value\":\"annchen\",\"count\":1}"));
          assertEquals(List.of("2201.00003"), ids(get(client, "/search", "tweeter", "@eve_ml")));
          assertEquals(List.of("2201.00003"), ids(get(client, "/search", "tweeter", "EVE_ML")));
          assertEquals(List.of("2201.00003"), ids(get(client, "/search", "q", "@eve_ml")));
          assertEquals(List.of("2201.00003"), ids(get(client, "/search", "q", "eve_ml")));
          assertEquals(400, client.get(path("/search", "tweeter", "not a handle")).code());
        });
  }

  @ParameterizedTest(name = "author={0}")
  @CsvSource({"Y. Wen", "Wen Y", "yandong wen", "Y Wén", "wen", "WEN, YANDONG"})
  void authorInitialsAndOrder(String author) {
    test(
        (server, client) ->
            assertEquals(List.of("2201.00008"), ids(get(client, "/search", "author", author))));
  }

  @Test
  void authorPrefixInTheQueryUnderstandsInitialsToo() {
    test(
        (server, client) -> {
          assertEquals(
              List.of("2201.00008"), ids(get(client, "/search", "q", "author:\"Y. Wen\"")));
          assertEquals(List.of(), ids(get(client, "/search", "author", "M. Wen")));
        });
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "pop|2|pop must be a number from 0 to 1 (not '2')",
        "pop|lots|pop must be a number from 0 to 1 (not 'lots')",
        "fuzzy|maybe|fuzzy must be on or off (not 'maybe')",
        "explain|please|explain must be on or off (not 'please')",
        "half_life_days|0|half_life_days must be a number of days above 0 and at most 3650 (not '0')",
      })
  void badDiscoveryParametersAre400(String name, String value, String error) {
    test(
        (server, client) -> {
          Response response = client.get(path("/search", name, value));
          assertEquals(400, response.code());
          assertEquals(error, json(response).get("error").asText());
        });
  }

  private static List<String> texts(JsonNode suggestBody) {
    List<String> texts = new ArrayList<>();
    suggestBody.get("suggestions").forEach(s -> texts.add(s.get("text").asText()));
    return texts;
  }
}
