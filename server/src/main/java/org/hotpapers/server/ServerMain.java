package org.hotpapers.server;

import io.javalin.Javalin;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.hotpapers.indexer.BatchReindex;
import org.hotpapers.indexer.MiniLmEmbedder;
import org.hotpapers.indexer.PaperEmbedder;
import org.hotpapers.indexer.PaperVectors;
import org.hotpapers.indexer.PostAdder;
import org.hotpapers.indexer.PostParser;
import org.hotpapers.indexer.ReindexListener;
import org.hotpapers.indexer.ReindexSummary;
import org.hotpapers.indexer.SolrNodes;
import org.hotpapers.server.http.AdminRoutes;
import org.hotpapers.server.http.FairUse;
import org.hotpapers.server.http.HotpapersApp;
import org.hotpapers.server.lucene.DamagedIndexException;
import org.hotpapers.server.lucene.PostsWatcher;
import org.hotpapers.server.lucene.RankingWeights;
import org.hotpapers.server.lucene.ReindexJobs;
import org.hotpapers.server.lucene.SearchService;
import org.hotpapers.server.search.SearchEngine;
import org.hotpapers.server.solr.SolrSearchEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line: opens (or first builds) the index and serves it over HTTP. */
@Command(
    name = "hotpapers-server",
    mixinStandardHelpOptions = true,
    version = "hotpapers-server 0.1.0",
    description =
        "Serves search over a hotpapers index. When --index holds no index yet, it is built from"
            + " --posts first. A reindex committed to --index is picked up within seconds. Set"
            + " HOTPAPERS_ADMIN_TOKEN to enable POST /admin/reindex.")
public final class ServerMain implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);
  private static final long REFRESH_SECONDS = 1;
  private static final long WATCH_SECONDS = 2;
  private static final Duration GRACEFUL_STOP = Duration.ofSeconds(10);

  @Option(
      names = "--index",
      paramLabel = "DIR",
      defaultValue = "data/index",
      description = "Lucene index directory (default: ${DEFAULT-VALUE})")
  private Path index;

  @Option(
      names = "--posts",
      paramLabel = "DIR",
      defaultValue = "data/posts",
      description = "posts to build the index from (default: ${DEFAULT-VALUE})")
  private Path posts;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "7070",
      description = "HTTP port (default: ${DEFAULT-VALUE})")
  private int port;

  @Option(
      names = "--query-timeout-ms",
      paramLabel = "MS",
      defaultValue = "2000",
      description = "stop a search after this long and answer 503 (default: ${DEFAULT-VALUE})")
  private long queryTimeoutMs;

  @Option(
      names = "--max-running-searches",
      paramLabel = "N",
      description =
          "searches that may run at once; the rest wait 250 ms, then get 503 (default: two per"
              + " processor)")
  private Integer maxRunningSearches;

  @Option(
      names = "--client-rate",
      paramLabel = "PER_SECOND",
      defaultValue = "10",
      description =
          "searches a second one client address may keep up, in bursts of three times that;"
              + " more get 429 (default: ${DEFAULT-VALUE}; 0 turns the limit off)")
  private double clientRate;

  @Option(
      names = "--limit-local",
      description =
          "apply the per-client limits to this machine itself (127.0.0.1, ::1) too, as behind a"
              + " reverse proxy on the same machine; by default local scripts are not limited")
  private boolean limitLocal;

  @Option(
      names = "--embed",
      paramLabel = "on|off",
      defaultValue = "on",
      description =
          "search by meaning with the "
              + MiniLmEmbedder.MODEL
              + " model when the index has its vectors, and embed papers when building the index"
              + " (default: ${DEFAULT-VALUE}); off searches words only")
  private String embed;

  @Option(
      names = "--embedding-cache",
      paramLabel = "DIR",
      description =
          "folder of vectors already computed, for rebuilds (default: INDEX.embeddings beside the"
              + " index)")
  private Path embeddingCache;

  @Option(
      names = "--watch-posts",
      description =
          "add posts that appear in (or change under) --posts while the server runs to the index,"
              + " within seconds and without a rebuild; posts already there at start count as"
              + " indexed")
  private boolean watchPosts;

  @Option(
      names = "--backend",
      paramLabel = "lucene|solr",
      defaultValue = "lucene",
      description =
          "where the papers are searched: the Lucene index in --index, or the SolrCloud collection"
              + " --collection through the nodes --solr (default: ${DEFAULT-VALUE})")
  private String backend;

  @Option(
      names = "--solr",
      split = ",",
      paramLabel = "URL",
      description =
          "with --backend solr: nodes of the SolrCloud cluster (http://host:8983/solr,"
              + " comma-separated; any live one answers)")
  private List<String> solr;

  @Option(
      names = "--collection",
      paramLabel = "NAME",
      description =
          "with --backend solr: the alias (or collection) that the indexer's --solr rebuilds")
  private String collection;

  @Override
  public Integer call() throws Exception {
    if (!embed.equals("on") && !embed.equals("off")) {
      System.err.println("error: --embed must be on or off, not '" + embed + "'");
      return 2;
    }
    if (port < 0 || port > 65535) {
      System.err.println("error: --port " + port + ": must be between 0 and 65535");
      return 2;
    }
    if (clientRate < 0 || (maxRunningSearches != null && maxRunningSearches < 1)) {
      System.err.println(
          "error: --client-rate must be 0 or more, --max-running-searches 1 or more");
      return 2;
    }
    if (queryTimeoutMs < 1) {
      System.err.println("error: --query-timeout-ms must be at least 1");
      return 2;
    }
    if (!backend.equals("lucene") && !backend.equals("solr")) {
      System.err.println("error: --backend must be lucene or solr, not '" + backend + "'");
      return 2;
    }
    if (backend.equals("solr")) {
      return serveSolr();
    }
    if (solr != null || collection != null) {
      System.err.println("error: --solr and --collection need --backend solr");
      return 2;
    }
    PaperEmbedder embedder = embed.equals("on") ? new MiniLmEmbedder() : null;
    PaperVectors vectors =
        embedder == null ? null : PaperVectors.forIndex(embedder, index, embeddingCache);
    if (!hasIndex(index)) {
      if (!Files.isDirectory(posts)) {
        System.err.println(
            "error: no index in " + index + " and --posts " + posts + " is not a directory");
        return 2;
      }
      LOG.info("no index in {}: building it from {}", index, posts);
      ReindexSummary summary =
          new BatchReindex(
                  new PostParser(),
                  ReindexListener.printing(System.err, Duration.ofSeconds(2)),
                  Runtime.getRuntime().availableProcessors(),
                  vectors)
              .run(posts, index);
      System.err.print(summary.report());
    }
    SearchService search;
    try {
      search =
          SearchService.open(
              index, Duration.ofMillis(queryTimeoutMs), RankingWeights.DEFAULT, embedder);
    } catch (DamagedIndexException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
    if (search.semanticModel().isPresent()) {
      embedder.embedQuery("warm up the model before the first search");
    }
    ReindexJobs jobs = new ReindexJobs(posts, index, search, vectors);
    Optional<AdminRoutes> admin =
        Optional.ofNullable(System.getenv(AdminRoutes.TOKEN_VARIABLE))
            .filter(token -> !token.isBlank())
            .map(token -> new AdminRoutes(token, jobs));
    PostsWatcher watcher =
        watchPosts
            ? new PostsWatcher(
                posts,
                index,
                new PostAdder(
                    new PostParser(), search.semanticModel().isPresent() ? vectors : null),
                search)
            : null;
    if (watcher != null) {
      LOG.info("watching {} for new posts", posts);
    }
    serve(search, admin, watcher, jobs, index.toString());
    return null;
  }

  /** Serves the {@code --collection} of the {@code --solr} cluster. */
  private Integer serveSolr() throws IOException {
    if (solr == null || collection == null) {
      System.err.println("error: --backend solr needs --solr URL[,URL...] and --collection NAME");
      return 2;
    }
    if (watchPosts) {
      System.err.println(
          "error: --watch-posts updates a Lucene index; with --backend solr, rebuild the"
              + " collection with the indexer's --solr");
      return 2;
    }
    SolrNodes nodes;
    try {
      nodes = new SolrNodes(solr);
    } catch (IllegalArgumentException e) {
      System.err.println("error: --solr: " + e.getMessage());
      return 2;
    }
    PaperEmbedder embedder = embed.equals("on") ? new MiniLmEmbedder() : null;
    SolrSearchEngine search;
    try {
      search = new SolrSearchEngine(nodes, collection, Duration.ofMillis(queryTimeoutMs), embedder);
    } catch (IllegalStateException e) {
      nodes.close();
      System.err.println("error: " + e.getMessage());
      return 1;
    }
    if (search.semanticModel().isPresent()) {
      embedder.embedQuery("warm up the model before the first search");
    }
    if (System.getenv(AdminRoutes.TOKEN_VARIABLE) != null) {
      LOG.info("admin routes off with --backend solr: rebuild with the indexer's --solr");
    }
    serve(search, Optional.empty(), null, null, "Solr collection " + collection);
    return null;
  }

  /**
   * Serves {@code search} over HTTP until the JVM stops, refreshing it every second and scanning
   * for new posts with {@code watcher} (if not null).
   */
  private void serve(
      SearchEngine search,
      Optional<AdminRoutes> admin,
      PostsWatcher watcher,
      ReindexJobs jobs,
      String source) {
    FairUse.Limits defaults = FairUse.Limits.defaults();
    FairUse fairUse =
        new FairUse(
            new FairUse.Limits(
                maxRunningSearches == null ? defaults.maxRunning() : maxRunningSearches,
                defaults.maxWait(),
                clientRate,
                (int) Math.max(1, Math.ceil(3 * clientRate)),
                defaults.clientRunning(),
                limitLocal));
    Javalin app = HotpapersApp.create(search, admin, GRACEFUL_STOP, fairUse);
    ScheduledExecutorService refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "index-refresher");
              thread.setDaemon(true);
              return thread;
            });
    refresher.scheduleWithFixedDelay(
        () -> refresh(search), REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
    if (watcher != null) {
      refresher.scheduleWithFixedDelay(
          watcher::scan, WATCH_SECONDS, WATCH_SECONDS, TimeUnit.SECONDS);
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("stopping: finishing requests in flight");
                  app.stop();
                  refresher.shutdownNow();
                  if (watcher != null) {
                    closeQuietly(watcher);
                  }
                  if (jobs != null) {
                    jobs.close();
                  }
                  closeQuietly(search);
                  LOG.info("stopped; index closed");
                },
                "shutdown"));
    app.start(port);
    LOG.info(
        "serving {} papers from {} on http://localhost:{}/ (search by {}; admin routes {})",
        search.paperCount(),
        source,
        app.port(),
        search.semanticModel().map(model -> "words and meaning, " + model).orElse("words"),
        admin.isPresent() ? "on" : "off: set " + AdminRoutes.TOKEN_VARIABLE);
  }

  private static boolean hasIndex(Path index) throws IOException {
    if (!Files.isDirectory(index)) {
      return false;
    }
    try (FSDirectory dir = FSDirectory.open(index)) {
      return DirectoryReader.indexExists(dir);
    }
  }

  private static void refresh(SearchEngine search) {
    try {
      search.refresh();
    } catch (DamagedIndexException e) {
      LOG.error("{}; still serving the previous index", e.getMessage());
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not open the newest index commit; still serving the previous one", e);
    }
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      LOG.warn("closing {} failed", closeable, e);
    }
  }

  /** Starts the server; exits only on a start-up error. */
  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new ServerMain());
    int status = commandLine.execute(args);
    if (commandLine.getExecutionResult() == null && status != 0) {
      System.exit(status);
    }
  }
}
