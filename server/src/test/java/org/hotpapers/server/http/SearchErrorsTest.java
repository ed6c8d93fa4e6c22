package org.hotpapers.server.http;

import static org.hotpapers.server.ServerFixture.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.nio.file.Path;
import org.hotpapers.server.ServerFixture;
import org.hotpapers.server.lucene.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad parameter is a 400 with a JSON error naming what is wrong; never a 500. */
class SearchErrorsTest {

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

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "size|0|size must be between 1 and 100",
        "size|1000|size must be between 1 and 100",
        "size|-3|size must be between 1 and 100",
        "size|ten|size must be a whole number (not 'ten')",
        "page|0|page must be 1 or more",
        "page|1.5|page must be a whole number (not '1.5')",
        "page|200|page * size must be at most 10000; narrow the query instead of paging this deep",
        "from|2021-13-01|from must be a date as YYYY-MM-DD (not '2021-13-01')",
        "to|yesterday|to must be a date as YYYY-MM-DD (not 'yesterday')",
        "sort|newest|sort must be one of relevance, date, engagement, trending (not 'newest')",
        "match|some|match must be one of auto, all, any (not 'some')",
        "mode|fast|mode must be one of hybrid, lexical, semantic (not 'fast')",
        "mode|semantic|mode=semantic needs an index built with embeddings; this one has words only",
        "cat|cs.CV<script>|cat 'cs.CV<script>' is not an arXiv category such as cs.CV",
        "q|\"unclosed phrase|q has unbalanced quotes: a '\"' is not closed",
        "q|(graph OR image|q has unbalanced parentheses: a '(' is not closed",
        "q|graph)|q has a ')' without a matching '('",
        "q|*ology|q is not a valid query: a word may not start with * or ?",
        "q|a*|q is not a valid query: a wildcard needs at least 3 characters before * or ? (\"a*\")",
        "q|te?t|q is not a valid query: a wildcard needs at least 3 characters before * or ? (\"te?t\")",
        "q|AND|q is not a valid query: AND, OR and NOT need a word on each side (at character 1)",
        "q|graph OR|q is not a valid query: a word is missing at the end, after an operator, a field prefix such as title: or a \\",
        "q|title:|q is not a valid query: a word is missing at the end, after an operator, a field prefix such as title: or a \\",
        "q|graph \\|q is not a valid query: a word is missing at the end, after an operator, a field prefix such as title: or a \\",
        "q|title:[a TO z]|q is not a valid query: range queries are not supported; use the from and to parameters",
        "author|...|author has no letters or digits to search for",
      })
  void badParameterIs400WithReason(String name, String value, String error) {
    JavalinTest.test(
        HotpapersApp.create(service),
        (server, client) -> {
          Response response = client.get(path("/search", name, value, "size", sizeFor(name)));
          String body = response.body().string();
          assertEquals(400, response.code(), body);
          assertEquals(error, ServerFixture.json(response).get("error").asText());
          assertFalse(body.contains("org.apache") || body.contains("Exception"), body);
        });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"from=2022-01-05&to=2022-01-04", "q=", "q=x"})
  void otherChecks(String query) {
    JavalinTest.test(
        HotpapersApp.create(service),
        (server, client) -> {
          Response response = client.get("/search?" + query);
          int expected = query.startsWith("from") ? 400 : 200;
          assertEquals(expected, response.code(), response.body().string());
        });
  }

  @org.junit.jupiter.api.Test
  void queryOverAThousandCharactersIs400() {
    JavalinTest.test(
        HotpapersApp.create(service),
        (server, client) -> {
          Response ok = client.get(path("/search", "q", "a".repeat(1000)));
          assertEquals(200, ok.code());
          Response tooLong = client.get(path("/search", "q", "a".repeat(1001)));
          assertEquals(400, tooLong.code());
          assertEquals(
              "{\"error\":\"q is 1001 characters long; the limit is 1000\"}",
              tooLong.body().string());
        });
  }

  private static String sizeFor(String name) {
    return name.equals("size") ? "10" : name.equals("page") ? "100" : "10";
  }
}
