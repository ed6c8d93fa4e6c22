package org.hotpapers.server.bench;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.hotpapers.indexer.IndexingBenchmark;
import org.hotpapers.server.http.FairUse;
import org.hotpapers.server.http.HotpapersApp;
import org.hotpapers.server.lucene.SearchService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The scale benchmark of one corpus, all in one run: indexing against bare Lucene, server start-up,
 * in-process latency per query class against SQLite FTS5 over the same papers, and HTTP throughput
 * against a constant-JSON Javalin endpoint. Prints a report and appends its figures to a TSV that
 * {@link BenchmarkChart} draws. Command in BENCHMARKS.md.
 */
@Command(
    name = "scale-benchmark",
    mixinStandardHelpOptions = true,
    description = "Benchmarks hotpapers on one posts folder against bare Lucene, FTS5 and Javalin.")
public final class ScaleBenchmark implements Callable<Integer> {

  private static final Duration HTTP_WARM_UP = Duration.ofSeconds(3);
  private static final int[] CONCURRENCY = {1, 8, 64};
  private static final int MIN_REQUESTS_PER_CLASS = 100;
  private static final int WARM_UP_QUERIES = 1000;

  @Option(names = "--posts", required = true, paramLabel = "DIR", description = "posts folder")
  private Path posts;

  @Option(
      names = "--work",
      required = true,
      paramLabel = "DIR",
      description = "where the index and the FTS5 database go (reused when already there)")
  private Path work;

  @Option(names = "--label", defaultValue = "", description = "the corpus name in the results")
  private String label;

  @Option(
      names = "--queries",
      defaultValue = "1000",
      description = "timed queries per class (default: ${DEFAULT-VALUE})")
  private int queriesPerClass;

  @Option(
      names = "--http-seconds",
      defaultValue = "10",
      description = "seconds of load per endpoint and concurrency (default: ${DEFAULT-VALUE})")
  private int httpSeconds;

  @Option(names = "--threads", description = "indexing threads (default: every processor)")
  private int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--server-jar",
      defaultValue = "server/target/hotpapers-server.jar",
      description = "the server jar whose start-up is timed (default: ${DEFAULT-VALUE})")
  private Path serverJar;

  @Option(
      names = "--fts5-queries",
      defaultValue = "1000",
      description =
          "timed FTS5 queries per class, the first of the same set (default: ${DEFAULT-VALUE})")
  private int fts5Queries;

  @Option(names = "--no-fts5", description = "leave out the SQLite FTS5 baseline")
  private boolean noFts5;

  @Option(names = "--no-http", description = "leave out the HTTP load")
  private boolean noHttp;

  @Option(
      names = "--results",
      paramLabel = "FILE",
      description = "append the figures to this TSV (label, papers, metric, engine, class, value)")
  private Path results;

  private final List<String> rows = new ArrayList<>();
  private final Map<List<Object>, Double> averageTotals = new HashMap<>();
  private final PrintStream out = System.out;
  private int papers;

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(work);
    Path index = work.resolve("index");
    if (DirectoryReader.indexExists(FSDirectory.open(index))) {
      out.println("indexing: skipped, reusing " + index);
    } else {
      IndexingBenchmark.Figures indexing = IndexingBenchmark.measure(posts, index, work, threads);
      out.print(indexing.report());
      papers = indexing.papers();
      record("index_papers_per_s", "hotpapers", "", indexing.papersPerSecond());
      record("index_papers_per_s", "bare-lucene", "", indexing.barePapersPerSecond());
      record(
          "index_papers_per_s",
          "bare-lucene-text-analyzer",
          "",
          papers / indexing.bareTextAnalyzerSeconds());
      record("index_papers_per_s", "parse-only", "", papers / indexing.parseSeconds());
      record("index_mb_per_s", "hotpapers", "", indexing.megabytesPerSecond());
      record("index_peak_heap_mb", "hotpapers", "", indexing.peakHeapBytes() / 1048576.0);
      record("index_size_mb", "hotpapers", "", indexing.indexBytes() / 1e6);
    }
    startUp(index);
    try (SearchService search = SearchService.open(index, Duration.ofSeconds(60));
        DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      papers = reader.numDocs();
      List<BenchQuery> queries = new BenchQueries(reader, 42).draw(queriesPerClass);
      Collections.shuffle(queries, new Random(42));
      out.printf(
          Locale.ROOT,
          "%n%,d papers; %,d queries, %d per class%n",
          papers,
          queries.size(),
          queriesPerClass);
      Map<QueryClass, Latencies> hotpapers =
          inProcess("hotpapers", queries, query -> search.search(query.request()).total());
      Map<QueryClass, Latencies> fts5 = noFts5 ? Map.of() : fts5(reader, queries);
      latencyReport(hotpapers, fts5);
      if (!noHttp) {
        http(search, queries, new BenchQueries(reader, 43).draw(queriesPerClass), hotpapers, fts5);
      }
    }
    if (results != null) {
      Files.write(
          results,
          rows,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      out.println("\nappended " + rows.size() + " figures to " + results);
    }
    return 0;
  }

  /** Builds the FTS5 database unless {@code --work} has it, then times the queries on it. */
  private Map<QueryClass, Latencies> fts5(DirectoryReader reader, List<BenchQuery> queries)
      throws Exception {
    Path db = work.resolve("fts5.db");
    if (!Files.exists(db)) {
      long start = System.nanoTime();
      Fts5Baseline.build(reader, db);
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf(
          Locale.ROOT,
          "FTS5 database built in %.1f s (%,.0f papers/s), %.1f MB%n",
          seconds,
          papers / seconds,
          Files.size(db) / 1e6);
      record("index_papers_per_s", "fts5", "", papers / seconds);
      record("index_size_mb", "fts5", "", Files.size(db) / 1e6);
    }
    Map<QueryClass, Integer> taken = new EnumMap<>(QueryClass.class);
    List<BenchQuery> subset =
        queries.stream()
            .filter(query -> query.queryClass().fts5())
            .filter(query -> taken.merge(query.queryClass(), 1, Integer::sum) <= fts5Queries)
            .toList();
    try (Fts5Baseline baseline = Fts5Baseline.open(db)) {
      return inProcess("fts5", subset, baseline::search);
    }
  }

  /** A search that returns its total, so no engine can skip the work. */
  @FunctionalInterface
  private interface Engine {
    long search(BenchQuery query) throws Exception;
  }

  /**
   * Warms up on the first fifth of the queries (a mix of every class, at most {@link
   * #WARM_UP_QUERIES}), then times each query; latencies by class.
   */
  private Map<QueryClass, Latencies> inProcess(String name, List<BenchQuery> queries, Engine engine)
      throws Exception {
    Map<QueryClass, Latencies> byClass = new EnumMap<>(QueryClass.class);
    Map<QueryClass, long[]> totals = new EnumMap<>(QueryClass.class);
    int warmUp = Math.min(WARM_UP_QUERIES, queries.size() / 5);
    for (BenchQuery query : queries.subList(0, warmUp)) {
      engine.search(query);
    }
    for (BenchQuery query : queries) {
      long start = System.nanoTime();
      long total = engine.search(query);
      double millis = (System.nanoTime() - start) / 1e6;
      byClass.computeIfAbsent(query.queryClass(), c -> new Latencies()).add(millis);
      totals.computeIfAbsent(query.queryClass(), c -> new long[1])[0] += total;
    }
    totals.forEach(
        (queryClass, sum) ->
            averageTotals.put(
                List.of(name, queryClass), sum[0] / (double) byClass.get(queryClass).count()));
    return byClass;
  }

  private void latencyReport(
      Map<QueryClass, Latencies> hotpapers, Map<QueryClass, Latencies> fts5) {
    out.printf(
        Locale.ROOT,
        "%nin-process latency, ms (first page of 10 with highlights, total, facets)%n"
            + "%-24s %8s %8s %10s | %8s %8s %10s | %9s %9s%n",
        "class",
        "median",
        "p99",
        "avg total",
        "FTS5 med",
        "FTS5 p99",
        "avg total",
        "FTS5/hp50",
        "FTS5/hp99");
    for (QueryClass queryClass : QueryClass.values()) {
      Latencies ours = hotpapers.get(queryClass);
      Latencies theirs = fts5.get(queryClass);
      if (theirs == null) {
        out.printf(
            Locale.ROOT,
            "%-24s %8.2f %8.2f %,10.0f | %8s %8s %10s |%n",
            queryClass.label(),
            ours.median(),
            ours.p99(),
            averageTotals.getOrDefault(List.of("hotpapers", queryClass), 0.0),
            "-",
            "-",
            "-");
        record("query_median_ms", "hotpapers", queryClass.name(), ours.median());
        record("query_p99_ms", "hotpapers", queryClass.name(), ours.p99());
        continue;
      }
      out.printf(
          Locale.ROOT,
          "%-24s %8.2f %8.2f %,10.0f | %8.2f %8.2f %,10.0f | %8.1fx %8.1fx%n",
          queryClass.label(),
          ours.median(),
          ours.p99(),
          averageTotals.getOrDefault(List.of("hotpapers", queryClass), 0.0),
          theirs.median(),
          theirs.p99(),
          averageTotals.getOrDefault(List.of("fts5", queryClass), 0.0),
          theirs.median() / ours.median(),
          theirs.p99() / ours.p99());
      record("query_median_ms", "hotpapers", queryClass.name(), ours.median());
      record("query_p99_ms", "hotpapers", queryClass.name(), ours.p99());
      record("query_median_ms", "fts5", queryClass.name(), theirs.median());
      record("query_p99_ms", "fts5", queryClass.name(), theirs.p99());
    }
  }

  private void http(
      SearchService search,
      List<BenchQuery> queries,
      List<BenchQuery> unseen,
      Map<QueryClass, Latencies> inProcess,
      Map<QueryClass, Latencies> fts5)
      throws Exception {
    List<String> targets =
        new ArrayList<>(new LinkedHashSet<>(queries.stream().map(BenchQuery::httpTarget).toList()));
    Javalin app =
        HotpapersApp.create(
                search, Optional.empty(), Duration.ZERO, new FairUse(FairUse.Limits.none()))
            .start(0);
    Javalin constant =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.routes.get(
                      "/constant", ctx -> ctx.json(Map.of("status", "ok", "papers", papers)));
                })
            .start(0);
    try {
      out.printf(
          Locale.ROOT,
          "%nHTTP over loopback, %d s per run, %,d distinct /search targets%n",
          httpSeconds,
          targets.size());
      for (int concurrency : CONCURRENCY) {
        HttpLoad.Result ceiling = load(constant.port(), List.of("/constant"), concurrency);
        HttpLoad.Result ours = load(app.port(), targets, concurrency);
        out.println("  constant JSON " + ceiling.describe());
        out.println("  /search       " + ours.describe());
        out.printf(
            Locale.ROOT,
            "  /search / constant: %.1f%%%n",
            100 * ours.requestsPerSecond() / ceiling.requestsPerSecond());
        String level = "c" + concurrency;
        record("http_rps", "hotpapers", level, ours.requestsPerSecond());
        record("http_p50_ms", "hotpapers", level, ours.latencies().median());
        record("http_p99_ms", "hotpapers", level, ours.latencies().p99());
        record("http_errors", "hotpapers", level, ours.errors());
        record("http_rps", "constant", level, ceiling.requestsPerSecond());
        record("http_p50_ms", "constant", level, ceiling.latencies().median());
        record("http_p99_ms", "constant", level, ceiling.latencies().p99());
      }
      httpByClass(app.port(), unseen, inProcess, fts5);
    } finally {
      app.stop();
      constant.stop();
    }
  }

  /**
   * Each class on its own over one keep-alive connection: {@code unseen} queries (drawn with
   * another seed, so none is answered from a warm cache of the load runs), each sent once, the
   * first tenth of each class as warm-up; what a person typing that kind of query waits for, beside
   * the class in-process and in FTS5 in-process.
   */
  private void httpByClass(
      int port,
      List<BenchQuery> unseen,
      Map<QueryClass, Latencies> inProcess,
      Map<QueryClass, Latencies> fts5)
      throws IOException {
    out.printf(
        Locale.ROOT,
        "%nHTTP per class, one connection, each query once, ms%n%-24s %8s %8s | %11s | %9s%n",
        "class",
        "median",
        "p99",
        "in-process",
        "FTS5 med");
    HttpLoad load = new HttpLoad(port);
    for (QueryClass queryClass : QueryClass.values()) {
      List<String> targets =
          unseen.stream()
              .filter(query -> query.queryClass() == queryClass)
              .map(BenchQuery::httpTarget)
              .distinct()
              .toList();
      List<String> sent = new ArrayList<>(targets);
      while (sent.size() < MIN_REQUESTS_PER_CLASS) {
        sent.addAll(targets);
      }
      int warmUp = sent.size() / 10;
      load.once(sent.subList(0, warmUp));
      HttpLoad.Result result = load.once(sent.subList(warmUp, sent.size()));
      Latencies theirs = fts5.get(queryClass);
      out.printf(
          Locale.ROOT,
          "%-24s %8.2f %8.2f | %11.2f | %9s%s%n",
          queryClass.label(),
          result.latencies().median(),
          result.latencies().p99(),
          inProcess.get(queryClass).median(),
          theirs == null ? "-" : String.format(Locale.ROOT, "%.2f", theirs.median()),
          result.errors() == 0 ? "" : "  " + result.errors() + " errors");
      record("http_class_median_ms", "hotpapers", queryClass.name(), result.latencies().median());
      record("http_class_p99_ms", "hotpapers", queryClass.name(), result.latencies().p99());
    }
  }

  private HttpLoad.Result load(int port, List<String> targets, int concurrency)
      throws InterruptedException {
    HttpLoad load = new HttpLoad(port);
    load.run(targets, concurrency, HTTP_WARM_UP);
    return load.run(targets, concurrency, Duration.ofSeconds(httpSeconds));
  }

  /** Starts the server jar on the index and times it until /health answers 200. */
  private void startUp(Path index) throws IOException, InterruptedException {
    if (!Files.isRegularFile(serverJar)) {
      out.println("start-up: skipped, no server jar at " + serverJar + " (mvn package first)");
      return;
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
    long start = System.nanoTime();
    Process server =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                serverJar.toString(),
                "--index",
                index.toString(),
                "--port",
                Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("startup.log").toFile())
            .start();
    try {
      while (server.isAlive()) {
        try {
          if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            double millis = (System.nanoTime() - start) / 1e6;
            out.printf(
                Locale.ROOT,
                "server start-up (JVM start to first 200 from /health): %.0f ms%n",
                millis);
            record("startup_ms", "hotpapers", "", millis);
            return;
          }
        } catch (IOException notYet) {
          Thread.sleep(10);
        }
      }
      out.println("start-up: the server exited, see " + work.resolve("startup.log"));
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  private void record(String metric, String engine, String queryClass, double value) {
    rows.add(
        String.join(
            "\t",
            label,
            Integer.toString(papers),
            metric,
            engine,
            queryClass,
            String.format(Locale.ROOT, "%.4f", value)));
  }

  /** Runs the benchmark. */
  public static void main(String[] args) {
    int status = new CommandLine(new ScaleBenchmark()).execute(args);
    if (status != 0) {
      System.exit(status);
    }
  }
}
