package org.hotpapers.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hotpapers.indexer.BatchReindex;
import org.hotpapers.indexer.PostParser;
import org.hotpapers.server.SearchRequest;
import org.hotpapers.server.SearchService;
import org.hotpapers.server.SortOrder;

/**
 * Server-side search latency: indexes a posts folder (the real corpus by default), warms up, then
 * times {@link SearchService#search} over a fixed query mix and prints median and p99. Run with
 * {@code mvn -q -pl server -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.hotpapers.server.bench.SearchLatencyBenchmark [-Dexec.args="POSTS_DIR"]}.
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
      List<SearchRequest> requests = requests();
      for (int i = 0; i < 300; i++) {
        for (SearchRequest request : requests) {
          service.search(request);
        }
      }
      int rounds = 100;
      long[] nanos = new long[rounds * requests.size()];
      int n = 0;
      for (int i = 0; i < rounds; i++) {
        for (SearchRequest request : requests) {
          long start = System.nanoTime();
          service.search(request);
          nanos[n++] = System.nanoTime() - start;
        }
      }
      Arrays.sort(nanos);
      System.out.printf(
          Locale.ROOT,
          "search latency over %,d papers, %,d searches (%d query shapes): median %.3f ms, p99 %.3f"
              + " ms, max %.3f ms%n",
          service.paperCount(),
          nanos.length,
          requests.size(),
          nanos[nanos.length / 2] / 1e6,
          nanos[(int) (nanos.length * 0.99)] / 1e6,
          nanos[nanos.length - 1] / 1e6);
    }
  }

  private static List<SearchRequest> requests() {
    List<SearchRequest> requests = new ArrayList<>();
    for (String q : QUERIES) {
      requests.add(SearchRequest.of(q));
    }
    requests.add(SearchRequest.of("GAN").withCategories(List.of("cs.CV")));
    requests.add(SearchRequest.of("").withSort(SortOrder.DATE));
    requests.add(SearchRequest.of("transformer").withSort(SortOrder.ENGAGEMENT).withPage(2));
    return requests;
  }
}
