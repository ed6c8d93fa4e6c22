package org.hotpapers.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.hotpapers.server.LiveServer;
import org.hotpapers.server.ServerFixture;
import org.hotpapers.server.lucene.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sends 3,000 random and malicious {@code /search} parameter combinations (seeded): every answer is
 * a 200, or a 400 with a JSON error, never a 500, never a stack trace, and the server stays up.
 */
class SearchFuzzTest {

  private static final long SEED = 7070L;
  private static final int REQUESTS = 3_000;
  private static final String[] PARAMS = {
    "q", "cat", "author", "from", "to", "sort", "page", "size"
  };
  private static final String[] WORDS = {
    "diffusion",
    "GAN",
    "graph",
    "AND",
    "OR",
    "NOT",
    "+",
    "-",
    "\"",
    "(",
    ")",
    "*",
    "?",
    "~",
    "^",
    ":",
    "\\",
    "/",
    "[",
    "]",
    "{",
    "}",
    "!",
    "&&",
    "||",
    "title:",
    "author:",
    "cat:",
    "tweet:",
    "id:",
    "foo:",
    "*ology",
    "a*",
    "te?t",
    "word~2",
    "word~0.5",
    "\"a b\"~3",
    "x^10",
    "x^-1",
    "[a TO z]",
    "/re.*gex/",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "%00",
    "\u0000",
    "\uFFFF",
    "\uD83D\uDE80",
    "日本語",
    "Nyström",
    "\t",
    " ",
    "2101.00001",
    "https://arxiv.org/abs/2201.00001",
    "${jndi:ldap://x}",
    "ä".repeat(300),
  };
  private static final String[] VALUES = {
    "",
    "0",
    "1",
    "-1",
    "2",
    "10",
    "100",
    "101",
    "1000",
    "99999999999",
    "2147483648",
    "1.5",
    "1e3",
    "abc",
    "2021-01-01",
    "2021-13-01",
    "2021-02-30",
    "01-01-2021",
    "2022-01-04",
    "relevance",
    "date",
    "engagement",
    "DATE",
    "cs.CV",
    "cs.LG,cs.CV",
    "cs.CV<x>",
    "wen",
    "Wén",
    "...",
    "null",
    "undefined",
    "%",
    "%25",
    "🚀",
  };

  @Test
  void randomAndHostileParametersAreOnly200Or400(@TempDir Path tmp) throws Exception {
    Random random = new Random(SEED);
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    try (SearchService search = ServerFixture.openService(tmp);
        LiveServer server = new LiveServer(HotpapersApp.create(search))) {
      for (int i = 0; i < REQUESTS; i++) {
        String query = randomQuery(random);
        LiveServer.RawResponse response = server.rawGet("/search?" + query);
        int status = response.status();
        statuses.merge(status, 1, Integer::sum);
        String body = response.body();
        boolean ok =
            (status == 200 && body.startsWith("{\"total\":"))
                || (status == 400 && body.startsWith("{\"error\":\""));
        boolean leaks =
            body.contains("Exception")
                || body.contains("org.apache")
                || body.contains("at org.")
                || body.contains(tmp.toString());
        if (!ok || leaks) {
          failures.add(status + " for /search?" + query + " -> " + abbreviate(body));
        }
      }
      assertEquals(200, server.get("/health").statusCode());
    }
    System.out.println("SearchFuzzTest: " + REQUESTS + " requests, statuses " + statuses);
    assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())));
    assertTrue(statuses.getOrDefault(200, 0) > 0 && statuses.getOrDefault(400, 0) > 0);
  }

  private static String randomQuery(Random random) {
    StringBuilder query = new StringBuilder();
    int params = random.nextInt(5);
    for (int p = 0; p < params; p++) {
      String name = PARAMS[random.nextInt(PARAMS.length)];
      String value = name.equals("q") ? randomText(random) : VALUES[random.nextInt(VALUES.length)];
      if (query.length() > 0) {
        query.append('&');
      }
      query.append(name).append('=').append(encode(value, random));
    }
    if (random.nextInt(20) == 0) {
      query.append("&q=").append("x".repeat(900 + random.nextInt(200)));
    }
    return query.toString();
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int words = random.nextInt(8);
    for (int w = 0; w < words; w++) {
      if (w > 0 && random.nextBoolean()) {
        text.append(' ');
      }
      text.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return text.toString();
  }

  /** Mostly proper encoding, sometimes raw or broken percent-escapes. */
  private static String encode(String value, Random random) {
    return switch (random.nextInt(10)) {
      case 0 -> value.replaceAll("[^A-Za-z0-9.-]", "%");
      case 1 -> URLEncoder.encode(value, StandardCharsets.ISO_8859_1);
      default -> URLEncoder.encode(value, StandardCharsets.UTF_8);
    };
  }

  private static String abbreviate(String body) {
    return body.length() < 300 ? body : body.substring(0, 300) + "…";
  }
}
