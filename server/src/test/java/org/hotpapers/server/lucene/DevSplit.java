package org.hotpapers.server.lucene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hotpapers.server.Requests;
import org.hotpapers.server.search.SearchHit;

/**
 * The development split of the relevance kit ({@code ../shared/relevance}): its queries with known
 * answers, scored in-process the way the kit's {@code score.py} scores a server (top 10: MRR@10,
 * R@10, category precision for {@code cat_filter}, engagement lift for {@code popular}).
 */
final class DevSplit {

  /** The kit's query files, generated kinds first. */
  static final List<String> QUERY_FILES = List.of("queries_dev.jsonl", "queries_dev_hard.jsonl");

  private static final int CUTOFF = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One query of the kit. */
  record KitQuery(String kind, String q, List<String> categories, Set<String> relevant) {}

  /** Figures of one kind of query. */
  record KindFigures(
      int queries, double mrr, double recall, double categoryPrecision, double lift) {

    /** A tab-separated line: kind, queries, MRR@10, R@10, catP@10, lift (4 decimals). */
    String line(String kind) {
      return String.format(
          Locale.ROOT,
          "%s\t%d\t%.4f\t%.4f\t%.4f\t%.4f",
          kind,
          queries,
          mrr,
          recall,
          categoryPrecision,
          lift);
    }
  }

  private final List<KitQuery> queries;
  private final Map<String, Integer> engagement;

  private DevSplit(List<KitQuery> queries, Map<String, Integer> engagement) {
    this.queries = queries;
    this.engagement = engagement;
  }

  /** Reads the kit's query files and the engagement of its papers. */
  static DevSplit read(Path kit) throws IOException {
    List<KitQuery> queries = new ArrayList<>();
    for (String file : QUERY_FILES) {
      for (JsonNode line : jsonLines(kit.resolve(file))) {
        JsonNode params = line.get("params");
        List<String> categories = new ArrayList<>();
        JsonNode cat = params.get("cat");
        if (cat != null && cat.isArray()) {
          cat.forEach(c -> categories.add(c.asText()));
        } else if (cat != null) {
          categories.add(cat.asText());
        }
        Set<String> relevant = new HashSet<>();
        line.get("relevant").forEach(id -> relevant.add(id.asText()));
        queries.add(
            new KitQuery(
                line.get("kind").asText(), params.get("q").asText(), categories, relevant));
      }
    }
    Map<String, Integer> engagement = new HashMap<>();
    for (JsonNode paper : jsonLines(kit.resolve("papers.jsonl"))) {
      engagement.put(
          paper.get("id").asText(), paper.get("retweets").asInt() + paper.get("favorites").asInt());
    }
    return new DevSplit(queries, engagement);
  }

  /** Figures per kind, in the order kinds first appear, for the searches {@code service} runs. */
  Map<String, KindFigures> score(SearchService service) {
    Map<String, List<double[]>> perKind = new LinkedHashMap<>();
    for (KitQuery query : queries) {
      List<SearchHit> hits =
          service.search(Requests.filtered(query.q(), query.categories(), "")).hits();
      perKind.computeIfAbsent(query.kind(), k -> new ArrayList<>()).add(measure(query, hits));
    }
    Map<String, KindFigures> figures = new LinkedHashMap<>();
    perKind.forEach((kind, rows) -> figures.put(kind, summarize(rows)));
    return figures;
  }

  /** Reciprocal rank, recall, category precision and engagement lift (NaN if no hits) of one. */
  private double[] measure(KitQuery query, List<SearchHit> hits) {
    List<SearchHit> top = hits.subList(0, Math.min(CUTOFF, hits.size()));
    double rr = 0;
    int found = 0;
    int inCategory = 0;
    double topEngagement = 0;
    for (int rank = 1; rank <= top.size(); rank++) {
      SearchHit hit = top.get(rank - 1);
      if (query.relevant().contains(hit.id())) {
        found++;
        if (rr == 0) {
          rr = 1.0 / rank;
        }
      }
      if (!query.categories().isEmpty() && hit.categories().contains(query.categories().get(0))) {
        inCategory++;
      }
      topEngagement += Math.log1p(engagement.getOrDefault(hit.id(), 0));
    }
    double relevantEngagement =
        query.relevant().stream()
            .mapToDouble(id -> Math.log1p(engagement.getOrDefault(id, 0)))
            .average()
            .orElse(0);
    return new double[] {
      rr,
      found / (double) Math.min(CUTOFF, query.relevant().size()),
      top.isEmpty() ? 0 : inCategory / (double) top.size(),
      top.isEmpty() ? Double.NaN : topEngagement / top.size() - relevantEngagement
    };
  }

  private static KindFigures summarize(List<double[]> rows) {
    double[] sums = new double[4];
    int lifted = 0;
    for (double[] row : rows) {
      for (int i = 0; i < 3; i++) {
        sums[i] += row[i];
      }
      if (!Double.isNaN(row[3])) {
        sums[3] += row[3];
        lifted++;
      }
    }
    int n = rows.size();
    return new KindFigures(
        n, sums[0] / n, sums[1] / n, sums[2] / n, lifted == 0 ? 0 : sums[3] / lifted);
  }

  private static List<JsonNode> jsonLines(Path file) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        try {
          lines.add(JSON.readTree(line));
        } catch (IOException e) {
          throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
      }
    }
    return lines;
  }
}
