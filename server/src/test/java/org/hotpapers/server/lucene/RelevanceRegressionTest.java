package org.hotpapers.server.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotpapers.indexer.BatchReindex;
import org.hotpapers.indexer.PostParser;
import org.hotpapers.indexer.SharedCorpus;
import org.hotpapers.server.Requests;
import org.hotpapers.server.search.SearchHit;
import org.hotpapers.server.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the judged queries and the misspelled queries against the real corpus and compares MRR@10
 * and success@10, overall and per kind of query, with the pinned figures: any ranking change shows
 * up as a failing diff.
 */
class RelevanceRegressionTest {

  private static final int CUTOFF = 10;

  /** One judged query. */
  record Judged(String kind, SearchRequest request, Set<String> relevant) {}

  @Test
  void rankingMatchesThePinnedFigures(@TempDir Path tmp) throws IOException {
    Optional<Path> posts = SharedCorpus.posts();
    assumeTrue(posts.isPresent(), "RelevanceRegressionTest " + SharedCorpus.skipMessage());
    Path index = tmp.resolve("index");
    new BatchReindex(new PostParser(), progress -> {}).run(posts.get(), index);

    Map<String, List<Double>> reciprocalRanks = new LinkedHashMap<>();
    try (SearchService service = SearchService.open(index)) {
      measure(service, judgedQueries("/relevance/judged-queries.tsv"), "all", reciprocalRanks);
      measure(
          service,
          judgedQueries("/relevance/misspelled-queries.tsv"),
          "misspelled",
          reciprocalRanks);
    }
    String measured = table(reciprocalRanks);
    System.out.print("RelevanceRegressionTest measured:\n" + measured);
    assertEquals(pinned(), measured, "ranking changed: update pinned-metrics.tsv if intended");
    List<Double> misspelled = reciprocalRanks.get("misspelled");
    assertTrue(misspelled.size() >= 40);
    assertTrue(misspelled.stream().filter(rr -> rr > 0).count() >= 0.95 * misspelled.size());
  }

  /** MRR@10 of the judged queries in {@code resource}. */
  static double mrr(SearchService service, String resource) throws IOException {
    Map<String, List<Double>> reciprocalRanks = new LinkedHashMap<>();
    measure(service, judgedQueries(resource), "all", reciprocalRanks);
    return reciprocalRanks.get("all").stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  private static void measure(
      SearchService service, List<Judged> queries, String overall, Map<String, List<Double>> out) {
    {
      for (Judged judged : queries) {
        List<SearchHit> hits = service.search(judged.request()).hits();
        double rr = 0;
        for (int rank = 1; rank <= hits.size(); rank++) {
          if (judged.relevant().contains(hits.get(rank - 1).id())) {
            rr = 1.0 / rank;
            break;
          }
        }
        out.computeIfAbsent(overall, k -> new ArrayList<>()).add(rr);
        out.computeIfAbsent(judged.kind(), k -> new ArrayList<>()).add(rr);
      }
    }
  }

  private static String table(Map<String, List<Double>> reciprocalRanks) {
    StringBuilder out = new StringBuilder();
    reciprocalRanks.forEach(
        (kind, rrs) ->
            out.append(
                String.format(
                    Locale.ROOT,
                    "%s\t%d\t%.4f\t%.4f%n",
                    kind,
                    rrs.size(),
                    rrs.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                    rrs.stream().filter(rr -> rr > 0).count() / (double) rrs.size())));
    return out.toString();
  }

  private static String pinned() throws IOException {
    StringBuilder out = new StringBuilder();
    for (String line : lines("/relevance/pinned-metrics.tsv")) {
      if (!line.startsWith("kind\t")) {
        out.append(line).append(System.lineSeparator());
      }
    }
    return out.toString();
  }

  /** Queries of a judged file: kind, q, parameters (or -, or absent), relevant ids. */
  static List<Judged> judgedQueries(String resource) throws IOException {
    List<Judged> judged = new ArrayList<>();
    for (String line : lines(resource)) {
      String[] columns = line.split("\t");
      String params = columns.length == 4 ? columns[2] : "-";
      String relevant = columns[columns.length - 1];
      judged.add(new Judged(columns[0], request(columns[1], params), Set.of(relevant.split(" "))));
    }
    return judged;
  }

  private static SearchRequest request(String q, String params) {
    List<String> categories = new ArrayList<>();
    String author = "";
    if (!params.equals("-")) {
      for (String param : params.split("&")) {
        String[] kv = param.split("=", 2);
        switch (kv[0]) {
          case "cat" -> categories.add(kv[1]);
          case "author" -> author = kv[1];
          default -> throw new IllegalArgumentException("unknown parameter " + kv[0]);
        }
      }
    }
    return Requests.filtered(q, categories, author);
  }

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in = RelevanceRegressionTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    }
  }
}
