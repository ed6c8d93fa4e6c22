package org.hotpapers.server.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hotpapers.indexer.BatchReindex;
import org.hotpapers.indexer.PostParser;
import org.hotpapers.indexer.SharedCorpus;
import org.hotpapers.server.LiveServer;
import org.hotpapers.server.ServerFixture;
import org.hotpapers.server.http.HotpapersApp;
import org.hotpapers.server.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches run from 8 threads while 3 batch reindexes replace the served index back to back (every
 * fourth post of the real corpus when it is beside the checkout, else the fixtures): every answer
 * is a 200 whose total is the old or the new index's count, and each new index is served within 5
 * seconds.
 */
class HotSwapTest {

  /** Reindexes under load: bigger, back, bigger again, so both directions swap while searched. */
  private static final int ROUNDS = 3;

  /** Every how many posts of the real corpus the test indexes: enough papers to swap under load. */
  private static final int POST_STRIDE = 4;

  private static final Pattern TOTAL = Pattern.compile("^\\{\"total\":(\\d+),");
  private static final List<String> QUERIES =
      List.of("", "attention", "diffusion models", "graph", "transformers", "\"image synthesis\"");

  @Test
  void searchesNeverFailOrMixIndexesDuringReindexes(@TempDir Path tmp) throws Exception {
    Path old = Files.createDirectories(tmp.resolve("old"));
    Optional<Path> corpus = SharedCorpus.posts();
    if (corpus.isPresent()) {
      try (Stream<Path> posts = Files.list(corpus.get())) {
        List<Path> sorted = posts.sorted().toList();
        for (int i = 0; i < sorted.size(); i += POST_STRIDE) {
          Files.copy(sorted.get(i), old.resolve(sorted.get(i).getFileName()));
        }
      }
    } else {
      System.out.println("HotSwapTest uses the fixtures: " + SharedCorpus.skipMessage());
    }
    Path index = tmp.resolve("index");
    try (SearchService search = ServerFixture.openService(tmp, old)) {
      Path bigger = Files.createDirectories(tmp.resolve("new"));
      try (Stream<Path> posts = Files.list(old)) {
        for (Path post : posts.toList()) {
          Files.copy(post, bigger.resolve(post.getFileName()));
        }
      }
      Files.writeString(bigger.resolve("2022-02-01---Hot-Papers.md"), extraPost());
      Map<String, Long> oldTotals = totals(search);
      int oldCount = search.paperCount();
      ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor();
      refresher.scheduleWithFixedDelay(
          () -> {
            try {
              search.refresh();
            } catch (IOException e) {
              throw new RuntimeException(e);
            }
          },
          1,
          1,
          TimeUnit.SECONDS);
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger requests = new AtomicInteger();
      List<String> failures = new ArrayList<>();
      Map<String, Set<Long>> seen = new ConcurrentHashMap<>();
      ExecutorService searchers = Executors.newFixedThreadPool(8);
      try (LiveServer server = new LiveServer(HotpapersApp.create(search))) {
        List<Future<?>> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          int thread = t;
          threads.add(
              searchers.submit(
                  () -> {
                    int i = thread;
                    while (running.get()) {
                      String q = QUERIES.get(i++ % QUERIES.size());
                      try {
                        HttpResponse<String> response =
                            server.get(ServerFixture.path("/search", "q", q, "size", "5"));
                        requests.incrementAndGet();
                        Matcher total = TOTAL.matcher(response.body());
                        if (response.statusCode() != 200 || !total.find()) {
                          synchronized (failures) {
                            failures.add(
                                q + " -> " + response.statusCode() + " " + response.body());
                          }
                        } else {
                          seen.computeIfAbsent(q, k -> ConcurrentHashMap.newKeySet())
                              .add(Long.parseLong(total.group(1)));
                        }
                      } catch (IOException | InterruptedException e) {
                        synchronized (failures) {
                          failures.add(q + " -> " + e);
                        }
                      }
                    }
                    return null;
                  }));
        }
        List<Long> swapMillis = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
          Path posts = round % 2 == 0 ? bigger : old; // ends on the bigger index
          int expected = round % 2 == 0 ? oldCount + 1 : oldCount;
          new BatchReindex(new PostParser(), progress -> {}).run(posts, index);
          long committed = System.nanoTime();
          while (search.paperCount() != expected) {
            assertTrue(
                System.nanoTime() - committed < Duration.ofSeconds(5).toNanos(),
                "round " + round + ": the new index was not served within 5 s");
            Thread.sleep(20);
          }
          swapMillis.add((System.nanoTime() - committed) / 1_000_000);
        }
        running.set(false);
        for (Future<?> thread : threads) {
          thread.get();
        }
        Map<String, Long> newTotals = totals(search);
        assertEquals(oldTotals.get("") + 1, newTotals.get(""), "the last reindex adds a paper");
        System.out.printf(
            "HotSwapTest: %d searches from 8 threads across %d reindexes of %d papers, swap"
                + " times %s ms, %d failures%n",
            requests.get(), ROUNDS, oldCount, swapMillis, failures.size());
        assertEquals(List.of(), failures);
        seen.forEach(
            (q, totals) ->
                assertTrue(
                    new HashSet<>(List.of(oldTotals.get(q), newTotals.get(q))).containsAll(totals),
                    "q='"
                        + q
                        + "' saw totals "
                        + totals
                        + ", expected only "
                        + oldTotals.get(q)
                        + " or "
                        + newTotals.get(q)));
      } finally {
        running.set(false);
        searchers.shutdownNow();
        refresher.shutdownNow();
      }
    }
  }

  private static Map<String, Long> totals(SearchService search) {
    Map<String, Long> totals = new ConcurrentHashMap<>();
    for (String q : QUERIES) {
      totals.put(q, search.search(SearchRequest.of(q)).total());
    }
    return totals;
  }

  private static String extraPost() {
    return "---\ntitle: Hot Papers 2022-02-01\n---\n\n# 1. Attention over Graph Edges\n\n"
        + "Zed Extra\n\n- retweets: 1, favorites: 1\n"
        + "- links: [abs](https://arxiv.org/abs/2202.99999)\n"
        + "- [cs.LG](https://arxiv.org/list/cs.LG/recent)\n\nA paper added by the reindex.\n";
  }
}
