package org.hotpapers.server.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.hotpapers.indexer.BatchReindex;
import org.hotpapers.indexer.MiniLmEmbedder;
import org.hotpapers.indexer.PaperEmbedder;
import org.hotpapers.indexer.PaperVectors;
import org.hotpapers.indexer.PostParser;
import org.hotpapers.indexer.SolrNodes;
import org.hotpapers.indexer.SolrReindex;
import org.hotpapers.server.Requests;
import org.hotpapers.server.bench.Latencies;
import org.hotpapers.server.lucene.RankingWeights;
import org.hotpapers.server.lucene.SearchService;
import org.hotpapers.server.search.SearchEngine;
import org.hotpapers.server.search.SearchHit;
import org.hotpapers.server.search.SearchMode;
import org.hotpapers.server.search.SearchRequest;
import org.hotpapers.server.search.SearchResponse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Puts one posts folder into the embedded Lucene index and into a SolrCloud collection (2 nodes in
 * a child JVM, 2 shards x 2 replicas), runs every query of the relevance kit's files through both
 * backends, and prints per kind how many top-10s are the same (in order, and as sets) with each
 * backend's median and p99 time. On demand, like the benchmarks; command in README.md.
 */
@Command(
    name = "backend-parity",
    mixinStandardHelpOptions = true,
    description = "Compares the top 10 hits of the Lucene and the Solr backends.")
public final class BackendParity implements Callable<Integer> {

  @Option(names = "--posts", required = true, paramLabel = "DIR", description = "posts folder")
  private Path posts;

  @Option(
      names = "--queries",
      required = true,
      split = ",",
      paramLabel = "FILE",
      description = "query files of the relevance kit (JSON lines with qid, kind and params)")
  private List<Path> queryFiles;

  @Option(
      names = "--embed",
      paramLabel = "on|off",
      defaultValue = "off",
      description = "compare hybrid search with MiniLM vectors (default: ${DEFAULT-VALUE})")
  private String embed;

  @Option(
      names = "--embedding-cache",
      paramLabel = "DIR",
      description = "vectors already computed for these posts, to skip embedding them again")
  private Path embeddingCache;

  @Override
  public Integer call() throws Exception {
    Path work = Files.createTempDirectory("hotpapers-parity");
    PaperEmbedder embedder = embed.equals("on") ? new MiniLmEmbedder() : null;
    PaperVectors vectors =
        embedder == null
            ? null
            : PaperVectors.open(
                embedder, embeddingCache == null ? work.resolve("embeddings") : embeddingCache);
    try (ChildSolrCluster cluster = ChildSolrCluster.start(2, work.resolve("cluster.log"));
        SolrNodes nodes = new SolrNodes(cluster.urls())) {
      long start = System.nanoTime();
      new SolrReindex(
              nodes,
              "papers",
              2,
              2,
              new BatchReindex(new PostParser(), progress -> {}, 2, vectors),
              vectors,
              true)
          .run(posts);
      System.out.printf("Solr collection built in %.1f s%n", (System.nanoTime() - start) / 1e9);
      new BatchReindex(new PostParser(), progress -> {}, 2, vectors)
          .run(posts, work.resolve("index"));
      try (SearchService lucene =
              SearchService.open(
                  work.resolve("index"), Duration.ofSeconds(10), RankingWeights.DEFAULT, embedder);
          SolrSearchEngine solr =
              new SolrSearchEngine(nodes, "papers", Duration.ofSeconds(10), embedder)) {
        compare(lucene, solr, embedder == null ? SearchMode.LEXICAL : SearchMode.HYBRID);
      }
    }
    return 0;
  }

  private void compare(SearchEngine lucene, SearchEngine solr, SearchMode mode) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<String, int[]> kinds = new TreeMap<>();
    Latencies luceneTimes = new Latencies();
    Latencies solrTimes = new Latencies();
    List<String> differences = new ArrayList<>();
    for (Path file : queryFiles) {
      for (String line : Files.readAllLines(file)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode query = json.readTree(line);
        JsonNode params = query.get("params");
        SearchRequest request = request(params, mode);
        long t0 = System.nanoTime();
        SearchResponse expected = lucene.search(request);
        long t1 = System.nanoTime();
        SearchResponse actual = solr.search(request);
        long t2 = System.nanoTime();
        luceneTimes.add((t1 - t0) / 1e6);
        solrTimes.add((t2 - t1) / 1e6);
        List<String> want = ids(expected.hits());
        List<String> got = ids(actual.hits());
        int[] counts = kinds.computeIfAbsent(query.get("kind").asText(), k -> new int[3]);
        counts[0]++;
        counts[1] += want.equals(got) ? 1 : 0;
        counts[2] += Set.copyOf(want).equals(Set.copyOf(got)) ? 1 : 0;
        if (!want.equals(got)) {
          differences.add(
              query.get("qid").asText()
                  + " '"
                  + request.q()
                  + "'\n  lucene "
                  + want
                  + "\n  solr   "
                  + got);
        }
      }
    }
    int[] all = new int[3];
    System.out.printf("%-14s %5s %11s %9s%n", "kind", "n", "same order", "same set");
    for (Map.Entry<String, int[]> kind : kinds.entrySet()) {
      int[] c = kind.getValue();
      System.out.printf("%-14s %5d %11d %9d%n", kind.getKey(), c[0], c[1], c[2]);
      for (int i = 0; i < 3; i++) {
        all[i] += c[i];
      }
    }
    System.out.printf("%-14s %5d %11d %9d%n", "ALL", all[0], all[1], all[2]);
    System.out.printf(
        "lucene in-process: median %.2f ms, p99 %.2f ms%n",
        luceneTimes.median(), luceneTimes.p99());
    System.out.printf(
        "solr, 2 nodes, 2 shards x 2 replicas: median %.2f ms, p99 %.2f ms%n",
        solrTimes.median(), solrTimes.p99());
    differences.forEach(System.out::println);
  }

  private static SearchRequest request(JsonNode params, SearchMode mode) {
    List<String> categories = params.has("cat") ? List.of(params.get("cat").asText()) : List.of();
    return Requests.inMode(Requests.filtered(params.get("q").asText(), categories, ""), mode);
  }

  private static List<String> ids(List<SearchHit> hits) {
    return hits.stream().map(SearchHit::id).toList();
  }

  /** Runs the comparison. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new BackendParity()).execute(args));
  }
}
