package org.hotpapers.server.http;

import static org.hotpapers.server.ServerFixture.getJson;
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
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hotpapers.server.ServerFixture;
import org.hotpapers.server.lucene.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API on the fixture posts: every parameter, ranking order, facets, highlights. */
class SearchApiTest {

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

  private static void test(io.javalin.testtools.TestCase body) {
    JavalinTest.test(HotpapersApp.create(service), body);
  }

  private static JsonNode search(HttpClient client, String... params) {
    Response response = client.get(path("/search", params));
    assertEquals(200, response.code(), response.body().string());
    return json(response);
  }

  @Test
  void healthCountsPapers() {
    test(
        (server, client) -> {
          Response response = client.get("/health");
          assertEquals(200, response.code());
          assertEquals(
              "{\"status\":\"ok\",\"papers\":8,\"search\":\"lexical\",\"model\":null}",
              response.body().string());
        });
  }

  @Test
  void responseHasEveryDocumentedField() {
    test(
        (server, client) -> {
          JsonNode body = search(client, "q", "graph survey");
          assertEquals(
              List.of(
                  "total",
                  "page",
                  "size",
                  "took_ms",
                  "hits",
                  "facets",
                  "suggestion",
                  "corrected",
                  "match",
                  "facets_approximate",
                  "total_relation"),
              fieldNames(body));
          assertEquals("eq", body.get("total_relation").asText());
          assertEquals("{\"required\":2,\"of\":2}", body.get("match").toString());
          assertFalse(body.get("facets_approximate").asBoolean());
          JsonNode hit = body.get("hits").get(0);
          assertEquals(
              List.of(
                  "id",
                  "title",
                  "authors",
                  "categories",
                  "abstract",
                  "retweets",
                  "favorites",
                  "dates",
                  "url",
                  "score",
                  "highlight",
                  "matched_by_meaning"),
              fieldNames(hit));
          assertEquals("2201.00003", hit.get("id").asText());
          assertEquals("A Survey of Graph Neural Networks", hit.get("title").asText());
          assertEquals("Dora Li", hit.get("authors").get(0).asText());
          assertEquals("cs.LG", hit.get("categories").get(0).asText());
          assertEquals(10, hit.get("retweets").asInt());
          assertEquals(20, hit.get("favorites").asInt());
          assertEquals("2021-12-30", hit.get("dates").get(0).asText());
          assertEquals("https://arxiv.org/abs/2201.00003", hit.get("url").asText());
          assertEquals(
              "A <mark>Survey</mark> of <mark>Graph</mark> Neural Networks",
              hit.get("highlight").get("title").get(0).asText());
          assertEquals(List.of("categories", "years", "tweeters"), fieldNames(body.get("facets")));
          assertTrue(body.get("suggestion").isNull());
          assertFalse(body.get("corrected").asBoolean());
        });
  }

  @Test
  void everyWordIsRequiredWhenSomePaperHoldsThemAll() {
    test(
        (server, client) -> {
          JsonNode body = search(client, "q", "diffusion image synthesis");
          assertEquals(List.of("2201.00001"), ids(body));
          assertEquals(1, body.get("total").asInt());
          assertEquals("{\"required\":3,\"of\":3}", body.get("match").toString());
          assertEquals(
              "[{\"value\":\"cs.CV\",\"count\":1},{\"value\":\"cs.LG\",\"count\":1}]",
              body.get("facets").get("categories").toString());
        });
  }

  @Test
  void withoutAPaperHoldingEveryWordTheMostWordsAnyPaperHoldsAreRequired() {
    test(
        (server, client) -> {
          JsonNode body = search(client, "q", "diffusion graphs zebras");
          assertEquals(List.of("2201.00006"), ids(body));
          assertEquals("{\"required\":2,\"of\":3}", body.get("match").toString());
          JsonNode none = search(client, "q", "zebras giraffes", "fuzzy", "off");
          assertEquals(0, none.get("total").asInt());
          assertEquals("{\"required\":2,\"of\":2}", none.get("match").toString());
        });
  }

  @Test
  void matchAnyRanksPapersHoldingMoreWordsFirstEvenWithLessEngagement() {
    test(
        (server, client) -> {
          JsonNode body = search(client, "q", "diffusion image synthesis", "match", "any");
          assertEquals(List.of("2201.00001", "2201.00007", "2201.00006", "2201.00002"), ids(body));
          assertEquals(4, body.get("total").asInt());
          assertEquals("{\"required\":1,\"of\":3}", body.get("match").toString());
          assertDescendingScores(body);
          JsonNode all = search(client, "q", "diffusion graphs zebras", "match", "all");
          assertEquals(0, all.get("total").asInt());
        });
  }

  @Test
  void stopWordsAreNotWordsToRequire() {
    test(
        (server, client) -> {
          JsonNode body =
              search(client, "q", "the survey of graph neural networks", "fuzzy", "off");
          assertEquals(List.of("2201.00003"), ids(body));
          assertEquals("{\"required\":2,\"of\":2}", body.get("match").toString());
          JsonNode words = search(client, "q", "the survey of graph networks", "fuzzy", "off");
          assertEquals(List.of("2201.00003"), ids(words));
          assertEquals("{\"required\":3,\"of\":3}", words.get("match").toString());
          JsonNode question =
              search(client, "q", "what survey is there about graphs", "fuzzy", "off");
          assertEquals(List.of("2201.00003"), ids(question));
          assertEquals("{\"required\":2,\"of\":2}", question.get("match").toString());
        });
  }

  @Test
  void acronymsAndTheirSpelledOutFormsFindEachOther() {
    test(
        (server, client) -> {
          assertEquals(
              Set.of("2201.00001", "2201.00002"), new TreeSet<>(ids(search(client, "q", "GAN"))));
          assertEquals(
              Set.of("2201.00001", "2201.00002"),
              new TreeSet<>(ids(search(client, "q", "generative adversarial networks"))));
          JsonNode quoted = search(client, "q", "\"generative adversarial networks\"");
          assertEquals(Set.of("2201.00001", "2201.00002"), new TreeSet<>(ids(quoted)));
          JsonNode reordered = search(client, "q", "\"adversarial generative networks\"");
          assertEquals(0, reordered.get("total").asInt());
        });
  }

  @Test
  void aWordOfOneAbstractOrOneTweetIsNeverRewritten() {
    test(
        (server, client) -> {
          JsonNode abstractWord = search(client, "q", "unconditional");
          assertTrue(abstractWord.get("suggestion").isNull(), abstractWord.toString());
          assertEquals(List.of("2201.00001"), ids(abstractWord));
          JsonNode tweetWord = search(client, "q", "overview");
          assertTrue(tweetWord.get("suggestion").isNull(), tweetWord.toString());
          assertEquals(List.of("2201.00003"), ids(tweetWord));
        });
  }

  @Test
  void engagementOrdersSimilarlyRelevantPapers() {
    test(
        (server, client) -> {
          JsonNode body = search(client, "q", "transformers");
          assertEquals(List.of("2201.00007", "2201.00008"), ids(body));
        });
  }

  @Test
  void categoryFilterKeepsOnlyThatCategoryAndHighlights() {
    test(
        (server, client) -> {
          JsonNode body = search(client, "q", "GAN", "cat", "cs.CV");
          assertEquals(Set.of("2201.00001", "2201.00002"), new TreeSet<>(ids(body)));
          for (JsonNode hit : body.get("hits")) {
            assertTrue(hit.get("categories").toString().contains("\"cs.CV\""));
            assertTrue(hit.get("highlight").toString().contains("<mark>"), hit.toString());
          }
          JsonNode lg = search(client, "q", "GAN", "cat", "cs.LG");
          assertEquals(List.of("2201.00001"), ids(lg));
        });
  }

  @Test
  void repeatedCategoriesAreOrAndCaseInsensitive() {
    test(
        (server, client) -> {
          JsonNode body = search(client, "cat", "cs.cl", "cat", "CS.SD", "sort", "date");
          assertEquals(List.of("2201.00004", "2201.00005"), ids(body));
          assertEquals(ids(body), ids(search(client, "cat", "cs.CL,cs.SD", "sort", "date")));
        });
  }

  @Test
  void categoryFacetCountsIgnoreTheCategoryFilterButNotTheOthers() {
    test(
        (server, client) -> {
          JsonNode body = search(client, "q", "image", "cat", "cs.LG");
          assertEquals(List.of("2201.00001"), ids(body));
          assertEquals(
              "[{\"value\":\"cs.CV\",\"count\":3},{\"value\":\"cs.LG\",\"count\":1}]",
              body.get("facets").get("categories").toString());
          assertEquals(
              "[{\"value\":\"2021\",\"count\":1},{\"value\":\"2022\",\"count\":1}]",
              body.get("facets").get("years").toString());
        });
  }

  @Test
  void emptyQueryMatchesEverythingByEngagement() {
    test(
        (server, client) -> {
          JsonNode body = search(client, "q", "");
          assertEquals(8, body.get("total").asInt());
          assertEquals(
              List.of(
                  "2201.00007",
                  "2201.00001",
                  "2201.00004",
                  "2201.00008",
                  "2201.00002",
                  "2201.00003",
                  "2201.00005",
                  "2201.00006"),
              ids(body));
          assertDescendingScores(body);
          assertEquals(ids(body), ids(search(client)));
        });
  }

  @Test
  void sortByDateIsNewestDigestFirstThenEngagement() {
    test(
        (server, client) -> {
          JsonNode body = search(client, "sort", "date");
          assertEquals(
              List.of(
                  "2201.00007",
                  "2201.00001",
                  "2201.00008",
                  "2201.00004",
                  "2201.00005",
                  "2201.00006",
                  "2201.00002",
                  "2201.00003"),
              ids(body));
          for (JsonNode hit : body.get("hits")) {
            assertTrue(hit.has("score"));
          }
        });
  }

  @Test
  void sortByEngagementIsRetweetsPlusFavorites() {
    test(
        (server, client) -> {
          JsonNode body = search(client, "q", "attention OR graph OR image", "sort", "engagement");
          assertEquals(
              List.of(
                  "2201.00007",
                  "2201.00001",
                  "2201.00004",
                  "2201.00008",
                  "2201.00002",
                  "2201.00003",
                  "2201.00006"),
              ids(body));
        });
  }

  @Test
  void pagingEdges() {
    test(
        (server, client) -> {
          JsonNode all = search(client, "size", "100");
          JsonNode page3 = search(client, "size", "3", "page", "3");
          assertEquals(8, page3.get("total").asInt());
          assertEquals(3, page3.get("page").asInt());
          assertEquals(3, page3.get("size").asInt());
          assertEquals(ids(all).subList(6, 8), ids(page3));
          JsonNode beyond = search(client, "size", "3", "page", "4");
          assertEquals(List.of(), ids(beyond));
          assertEquals(8, beyond.get("total").asInt());
          assertEquals(ids(all).subList(0, 1), ids(search(client, "size", "1")));
          assertEquals(8, ids(search(client, "size", "100")).size());
        });
  }

  @Test
  void arxivIdOrUrlFindsThatPaperFirst() {
    test(
        (server, client) -> {
          for (String q :
              List.of(
                  "2201.00003",
                  "https://arxiv.org/abs/2201.00003",
                  "arxiv.org/pdf/2201.00003v2.pdf",
                  " arXiv:2201.00003 ")) {
            assertEquals(List.of("2201.00003"), ids(search(client, "q", q)), q);
          }
        });
  }

  @Test
  void authorFilterIsCaseAndAccentInsensitive() {
    test(
        (server, client) -> {
          for (String author : List.of("wen", "Wén", "WEN", "yandong wen", "Wen Yandong")) {
            assertEquals(List.of("2201.00008"), ids(search(client, "author", author)), author);
          }
          assertEquals(List.of(), ids(search(client, "author", "yandong power")));
          assertEquals(
              List.of("2201.00001"), ids(search(client, "q", "diffusion", "author", "nichol")));
        });
  }

  @Test
  void dateRangeIsInclusiveOnAnyDigestDate() {
    test(
        (server, client) -> {
          assertEquals(
              Set.of("2201.00001", "2201.00007", "2201.00008"),
              new TreeSet<>(ids(search(client, "from", "2022-01-04"))));
          assertEquals(
              Set.of("2201.00001", "2201.00002", "2201.00003"),
              new TreeSet<>(ids(search(client, "to", "2021-12-30"))));
          assertEquals(
              Set.of("2201.00004", "2201.00005", "2201.00006"),
              new TreeSet<>(ids(search(client, "from", "2022-01-03", "to", "2022-01-03"))));
          JsonNode years = search(client, "from", "2022-01-03", "to", "2022-01-03");
          assertEquals(
              "[{\"value\":\"2021\",\"count\":3},{\"value\":\"2022\",\"count\":6}]",
              years.get("facets").get("years").toString());
        });
  }

  @Test
  void queryOperatorsPhrasesAndFieldPrefixes() {
    test(
        (server, client) -> {
          assertEquals(List.of("2201.00006"), ids(search(client, "q", "diffusion AND graphs")));
          assertEquals(List.of("2201.00006"), ids(search(client, "q", "+diffusion +graph")));
          assertEquals(List.of("2201.00001"), ids(search(client, "q", "diffusion -graph")));
          assertEquals(List.of("2201.00001"), ids(search(client, "q", "diffusion NOT graphs")));
          assertEquals(
              List.of("2201.00001"), ids(search(client, "q", "\"diffusion models beat\"")));
          assertEquals(
              Set.of("2201.00003", "2201.00006"),
              new TreeSet<>(ids(search(client, "q", "title:graph"))));
          assertEquals(List.of("2201.00008"), ids(search(client, "q", "author:wen")));
          assertEquals(List.of("2201.00003"), ids(search(client, "q", "tweet:overview")));
          assertEquals(List.of("2201.00007"), ids(search(client, "q", "tweeter:lia_cv")));
          assertEquals(List.of("2201.00001"), ids(search(client, "q", "abstract:unconditional")));
          assertEquals(
              List.of("2201.00004", "2201.00005"),
              ids(search(client, "q", "cat:cs.CL", "sort", "date")));
          assertEquals(List.of("2201.00004"), ids(search(client, "q", "speech cat:cs.CL")));
          assertEquals(List.of("2201.00001"), ids(search(client, "q", "Diffusion: Models beat")));
          assertEquals(
              List.of("2201.00001", "2201.00006"),
              ids(search(client, "q", "Diffusion: Models OR beat")));
        });
  }

  @Test
  void highlightsEscapeHtmlInTitlesAndTweets() {
    test(
        (server, client) -> {
          JsonNode hit = search(client, "q", "alert tokenizers").get("hits").get(0);
          assertEquals("<script>alert(1)</script> Robust Tokenizers", hit.get("title").asText());
          String title = hit.get("highlight").get("title").get(0).asText();
          assertEquals(
              "&lt;script&gt;<mark>alert</mark>(1)&lt;&#x2F;script&gt; Robust <mark>Tokenizers</mark>"
                  .replace("&#x2F;", "/"),
              title);
          String tweet = hit.get("highlight").get("tweet").get(0).asText();
          assertEquals(
              "&lt;img src=x onerror=<mark>alert</mark>(1)&gt; <mark>tokenizers</mark> are robust",
              tweet);
          String abstractSnippet = hit.get("highlight").get("abstract").get(0).asText();
          assertFalse(abstractSnippet.contains("<b>"), abstractSnippet);
        });
  }

  @Test
  void paperViewHasTweetsAndUnknownIdIs404() {
    test(
        (server, client) -> {
          JsonNode paper = getJson(client, "/papers/2201.00001");
          assertEquals(
              List.of(
                  "id",
                  "title",
                  "authors",
                  "categories",
                  "abstract",
                  "retweets",
                  "favorites",
                  "dates",
                  "url",
                  "pdf_url",
                  "tweets"),
              fieldNames(paper));
          assertEquals("[\"2021-12-30\",\"2022-01-04\"]", paper.get("dates").toString());
          assertEquals("https://arxiv.org/pdf/2201.00001", paper.get("pdf_url").asText());
          JsonNode tweet = paper.get("tweets").get(0);
          assertEquals(1, paper.get("tweets").size());
          assertEquals("Diffusion models now beat GANs on ImageNet", tweet.get("text").asText());
          assertEquals("Ann Chen", tweet.get("name").asText());
          assertEquals("annchen", tweet.get("handle").asText());
          assertEquals("2021-12-30", tweet.get("date").asText());

          Response missing = client.get("/papers/9999.99999");
          assertEquals(404, missing.code());
          assertEquals("{\"error\":\"no paper with id 9999.99999\"}", missing.body().string());
        });
  }

  @Test
  void unknownRouteIsJson404() {
    test(
        (server, client) -> {
          Response response = client.get("/nope");
          assertEquals(404, response.code());
          assertEquals("{\"error\":\"Endpoint GET /nope not found\"}", response.body().string());
        });
  }

  private static void assertDescendingScores(JsonNode body) {
    double previous = Double.MAX_VALUE;
    for (JsonNode hit : body.get("hits")) {
      double score = hit.get("score").asDouble();
      assertTrue(score <= previous, body.toString());
      previous = score;
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
