package org.hotpapers.server.lucene;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hotpapers.indexer.BatchReindex;
import org.hotpapers.indexer.PostParser;
import org.hotpapers.server.Requests;
import org.hotpapers.server.bench.Latencies;
import org.hotpapers.server.search.SearchRequest;
import org.hotpapers.server.search.SortOrder;

/**
 * Server-side latency: indexes a posts folder (the real corpus by default), warms up, then times
 * {@link SearchService#search} over a fixed query mix, the misspelled queries (the typo path) and
 * {@link SearchService#suggest} over prefixes, printing median and p99 of each. Run with {@code mvn
 * -q -pl server -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.hotpapers.server.lucene.SearchLatencyBenchmark [-Dexec.args="POSTS_DIR"]}.
 */
public final class SearchLatencyBenchmark {

  private static final List<String> QUERIES =
      List.of(
          "GAN",
          "vision transformer",
          "diffusion models",
          "nystromformer",
          "alphafold protein structure",
          "contrastive learning self-supervised",
          "neural radiance fields",
          "GPT-3",
          "large language models trained on code",
          "graph neural networks",
          "",
          "speech recognition",
          "reinforcement learning robot manipulation",
          "\"language models\"",
          "title:attention",
          "author:hinton",
          "quantum",
          "self-attention linear complexity",
          "federated learning privacy",
          "2108.01513");

  private static final List<String> PREFIXES =
      List.of(
          "d",
          "diffu",
          "trans",
          "gan",
          "neural ra",
          "self-sup",
          "graph n",
          "langu",
          "quant",
          "rob",
          "contrast",
          "vision tr",
          "speech",
          "protein",
          "reinforcement",
          "image syn",
          "nerf",
          "bert",
          "federated",
          "point cl");

  private SearchLatencyBenchmark() {}

  /** Runs the benchmark; the optional argument is the posts folder. */
  public static void main(String[] args) throws IOException {
    Path posts = Path.of(args.length > 0 ? args[0] : "../../shared/corpus/posts");
    if (!Files.isDirectory(posts)) {
      posts = Path.of("../shared/corpus/posts");
    }
    Path index = Files.createTempDirectory("hotpapers-bench");
    new BatchReindex(new PostParser(), progress -> {}).run(posts, index);
    try (SearchService service = SearchService.open(index)) {
      List<Runnable> searches = new ArrayList<>();
      requests().forEach(request -> searches.add(() -> service.search(request)));
      List<Runnable> typos = new ArrayList<>();
      misspelled().forEach(q -> typos.add(() -> service.search(SearchRequest.of(q))));
      List<Runnable> suggestions = new ArrayList<>();
      PREFIXES.forEach(prefix -> suggestions.add(() -> service.suggest(prefix, List.of(), 10)));
      for (int i = 0; i < 300; i++) {
        searches.forEach(Runnable::run);
        typos.forEach(Runnable::run);
        suggestions.forEach(Runnable::run);
      }
      report("search", service.paperCount(), time(searches, 100));
      report("misspelled search (typo path)", service.paperCount(), time(typos, 50));
      report("suggest", service.paperCount(), time(suggestions, 100));
    }
  }

  private static Latencies time(List<Runnable> work, int rounds) {
    Latencies latencies = new Latencies();
    for (int i = 0; i < rounds; i++) {
      for (Runnable task : work) {
        long start = System.nanoTime();
        task.run();
        latencies.add((System.nanoTime() - start) / 1e6);
      }
    }
    return latencies;
  }

  private static void report(String what, int papers, Latencies latencies) {
    System.out.printf(
        Locale.ROOT,
        "%s latency over %,d papers, %,d calls: median %.3f ms, p99 %.3f ms, max %.3f ms%n",
        what,
        papers,
        latencies.count(),
        latencies.median(),
        latencies.p99(),
        latencies.percentile(100));
  }

  /** The queries of the committed misspelled-query set. */
  private static List<String> misspelled() throws IOException {
    try (InputStream in =
        SearchLatencyBenchmark.class.getResourceAsStream("/relevance/misspelled-queries.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("\t")[1])
          .toList();
    }
  }

  private static List<SearchRequest> requests() {
    List<SearchRequest> requests = new ArrayList<>();
    for (String q : QUERIES) {
      requests.add(SearchRequest.of(q));
    }
    requests.add(Requests.filtered("GAN", List.of("cs.CV"), ""));
    requests.add(Requests.with(SearchRequest.of(""), SortOrder.DATE, 1, false));
    requests.add(Requests.with(SearchRequest.of("transformer"), SortOrder.ENGAGEMENT, 2, false));
    return requests;
  }
}
