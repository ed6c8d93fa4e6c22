package org.hotpapers.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.javalin.Javalin;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotpapers.indexer.BatchReindex;
import org.hotpapers.indexer.PostParser;
import org.hotpapers.indexer.SharedCorpus;
import org.hotpapers.server.bench.HttpLoad;
import org.hotpapers.server.lucene.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One client (127.0.0.2) floods the real corpus with expensive searches over 64 connections while
 * another (127.0.0.3) types ten plain searches a second: the typist keeps a fast p99 and sees no
 * error, the flood sees only 200, 429 and 503. Loopback only, bounded in time.
 */
class FairUseFloodTest {

  private static final Duration FLOOD = Duration.ofSeconds(6);

  /**
   * Bounds on the typist's latency, loose enough for a busy 2-core machine (measured p50 9-16 ms,
   * p99 30-73 ms): a flood that got through would queue each typed search behind 64 expensive ones,
   * hundreds of milliseconds and more.
   */
  private static final double TYPIST_P50_MS = 40;

  private static final double TYPIST_P99_MS = 150;
  private static final int FLOOD_CONNECTIONS = 64;
  private static final List<String> EXPENSIVE =
      List.of("sel*", "con*", "pre*", "transformr~2", "tra* OR mod*", "dep* lea* net*");
  private static final List<String> TYPED =
      List.of(
          "diffusion models",
          "graph neural networks",
          "vision transformer",
          "reinforcement learning",
          "speech recognition",
          "contrastive learning",
          "language models",
          "image synthesis",
          "federated learning",
          "protein folding");

  @Test
  void aFloodFromOneAddressDoesNotSlowAnother(@TempDir Path tmp) throws Exception {
    Optional<Path> posts = SharedCorpus.posts();
    assumeTrue(posts.isPresent(), "FairUseFloodTest " + SharedCorpus.skipMessage());
    new BatchReindex(new PostParser(), progress -> {}).run(posts.get(), tmp.resolve("index"));
    try (SearchService search = SearchService.open(tmp.resolve("index"))) {
      Javalin app =
          HotpapersApp.create(
                  search, Optional.empty(), Duration.ZERO, new FairUse(FairUse.Limits.defaults()))
              .start(0);
      try {
        for (String q : TYPED) {
          get("127.0.0.1", app.port(), q);
        }
        Map<Integer, AtomicInteger> flood = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + FLOOD.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(FLOOD_CONNECTIONS);
        for (int c = 0; c < FLOOD_CONNECTIONS; c++) {
          int connection = c;
          pool.submit(() -> floodConnection(app.port(), connection, deadline, flood));
        }
        List<Long> typed = new ArrayList<>();
        int typistErrors = 0;
        Thread.sleep(500);
        try (Socket typist = socketFrom("127.0.0.3", app.port())) {
          OutputStream out = typist.getOutputStream();
          InputStream in = new BufferedInputStream(typist.getInputStream());
          for (int i = 0; System.nanoTime() < deadline - 200_000_000L; i++) {
            long start = System.nanoTime();
            out.write(request(TYPED.get(i % TYPED.size())));
            out.flush();
            int status = HttpLoad.readResponse(in);
            typed.add(System.nanoTime() - start);
            if (status != 200) {
              typistErrors++;
            }
            Thread.sleep(Math.max(0, 100 - (System.nanoTime() - start) / 1_000_000));
          }
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        List<Long> sorted = typed;
        Collections.sort(sorted);
        double p50 = sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1) / 1e6;
        Map<Integer, Integer> floodCounts = new TreeMap<>();
        flood.forEach((status, count) -> floodCounts.put(status, count.get()));
        System.out.printf(
            "FairUseFloodTest: flood over %d connections answered %s; typist %d searches,"
                + " %d errors, p50 %.1f ms, p99 %.1f ms%n",
            FLOOD_CONNECTIONS, floodCounts, sorted.size(), typistErrors, p50, p99);
        assertEquals(0, typistErrors);
        assertTrue(p50 < TYPIST_P50_MS, "typist p50 " + p50 + " ms");
        assertTrue(p99 < TYPIST_P99_MS, "typist p99 " + p99 + " ms");
        assertTrue(
            floodCounts.keySet().stream().allMatch(s -> s == 200 || s == 429 || s == 503),
            floodCounts.toString());
        assertTrue(floodCounts.getOrDefault(429, 0) > 0, "the flood was limited");
      } finally {
        app.stop();
      }
    }
  }

  private static void floodConnection(
      int port, int connection, long deadline, Map<Integer, AtomicInteger> statuses) {
    try (Socket socket = socketFrom("127.0.0.2", port)) {
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      for (int i = connection; System.nanoTime() < deadline; i++) {
        out.write(request(EXPENSIVE.get(i % EXPENSIVE.size())));
        out.flush();
        statuses
            .computeIfAbsent(HttpLoad.readResponse(in), s -> new AtomicInteger())
            .incrementAndGet();
      }
    } catch (IOException e) {
      statuses.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
    }
  }

  /** One GET of {@code /search?q=...} from {@code source} on a fresh connection; its status. */
  private static int get(String source, int port, String q) throws IOException {
    try (Socket socket = socketFrom(source, port)) {
      socket.getOutputStream().write(request(q));
      return HttpLoad.readResponse(new BufferedInputStream(socket.getInputStream()));
    }
  }

  private static Socket socketFrom(String source, int port) throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(source, 0));
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static byte[] request(String q) {
    String target =
        "/search?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8) + "&size=10";
    return ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
