package org.hotpapers.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Admission control for the routes that search, so that one client's flood does not become
 * everyone's wait: each client (by remote address) may send {@code clientRate} requests a second
 * with bursts of {@code clientBurst} (429 beyond) and run {@code clientRunning} searches at once,
 * and at most {@code maxRunning} searches run in all; a search waits up to {@code maxWait} for its
 * turn (503 after). Both answers carry {@code Retry-After}. Cheap routes (health, static files, the
 * API description) are not guarded.
 */
public final class FairUse {

  /** The addresses of this machine itself. */
  private static final Set<String> LOCAL = Set.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");

  /** How long a refused request waits for its 429. */
  private static final long REFUSAL_PAUSE_MS = 500;

  /** Clients remembered before idle ones are forgotten. */
  private static final int MAX_CLIENTS = 10_000;

  /**
   * The limits.
   *
   * @param maxRunning searches that may run at once
   * @param maxWait how long a search waits for its turn before a 503
   * @param clientRate requests per second a client may keep up, or 0 for no per-client limit
   * @param clientBurst requests a client may send at once
   * @param clientRunning searches one client may run at once, so that expensive ones from one
   *     address cannot take every processor
   * @param limitLocal whether the per-client limits also hold for this machine itself (127.0.0.1,
   *     ::1): off by default, so local scripts, scorers and benchmarks run freely; on behind a
   *     reverse proxy on the same machine
   */
  public record Limits(
      int maxRunning,
      Duration maxWait,
      double clientRate,
      int clientBurst,
      int clientRunning,
      boolean limitLocal) {

    /**
     * Limits for a public server on this machine: two searches per processor, half of the
     * processors for one client, a quarter second of waiting, and 10 requests a second per client
     * with bursts of 30 (a person typing sends a request per keystroke).
     */
    public static Limits defaults() {
      int processors = Runtime.getRuntime().availableProcessors();
      return new Limits(
          2 * processors, Duration.ofMillis(250), 10, 30, Math.max(1, processors / 2), false);
    }

    /** No limits. */
    public static Limits none() {
      return new Limits(Integer.MAX_VALUE, Duration.ZERO, 0, 0, Integer.MAX_VALUE, false);
    }
  }

  private final Limits limits;
  private final Semaphore running;
  private final Map<String, Bucket> clients = new ConcurrentHashMap<>();

  /** Admission control with {@code limits}. */
  public FairUse(Limits limits) {
    this.limits = limits;
    this.running = new Semaphore(limits.maxRunning(), true);
  }

  /** {@code handler}, run only when the client is within its rate and a search slot is free. */
  public Handler guard(Handler handler) {
    return ctx -> {
      Semaphore client;
      try {
        client = admitClient(ctx);
      } catch (TooManyRequestsException e) {
        answerLater(ctx, e);
        return;
      }
      long wait = limits.maxWait().toNanos();
      long start = System.nanoTime();
      if (client != null && !client.tryAcquire(wait, TimeUnit.NANOSECONDS)) {
        throw new ServerBusyException(1);
      }
      try {
        long left = Math.max(0, wait - (System.nanoTime() - start));
        if (!running.tryAcquire(left, TimeUnit.NANOSECONDS)) {
          throw new ServerBusyException(1);
        }
        try {
          handler.handle(ctx);
        } finally {
          running.release();
        }
      } finally {
        if (client != null) {
          client.release();
        }
      }
    };
  }

  /**
   * Answers {@code refusal} after a pause without holding a thread: a client that ignores 429 and
   * retries at once would otherwise spend the processors on refusals.
   */
  private static void answerLater(Context ctx, TooManyRequestsException refusal) {
    ctx.future(
        () ->
            CompletableFuture.runAsync(
                    () -> {},
                    CompletableFuture.delayedExecutor(REFUSAL_PAUSE_MS, TimeUnit.MILLISECONDS))
                .thenRun(
                    () -> {
                      throw refusal;
                    }));
  }

  /**
   * Takes a token from the client's bucket, or throws {@link TooManyRequestsException}; the
   * client's search slots, or {@code null} without per-client limits.
   */
  private Semaphore admitClient(Context ctx) {
    String address = ctx.req().getRemoteAddr();
    if (limits.clientRate() <= 0 || (!limits.limitLocal() && LOCAL.contains(address))) {
      return null;
    }
    if (clients.size() > MAX_CLIENTS) {
      long now = System.nanoTime();
      clients.values().removeIf(bucket -> bucket.isFullAt(now));
    }
    Bucket bucket =
        clients.computeIfAbsent(
            address, key -> new Bucket(limits.clientBurst(), limits.clientRunning()));
    long waitNanos = bucket.take(limits.clientRate(), limits.clientBurst(), System.nanoTime());
    if (waitNanos > 0) {
      throw new TooManyRequestsException((int) Math.max(1, Math.ceil(waitNanos / 1_000_000_000.0)));
    }
    return bucket.running;
  }

  /**
   * A client's token bucket (one token per request, refilled at the client rate up to the burst)
   * and search slots.
   */
  private static final class Bucket {
    private final Semaphore running;
    private double tokens;
    private long updated = System.nanoTime();

    Bucket(int burst, int slots) {
      this.tokens = burst;
      this.running = new Semaphore(slots, true);
    }

    /** Takes a token and answers 0, or answers how long until one is there. */
    synchronized long take(double rate, int burst, long now) {
      tokens = Math.min(burst, tokens + (now - updated) / 1e9 * rate);
      updated = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) ((1 - tokens) / rate * 1e9);
    }

    /** Whether the client has been quiet for a minute, with no search running. */
    synchronized boolean isFullAt(long now) {
      return now - updated > TimeUnit.MINUTES.toNanos(1) && !running.hasQueuedThreads();
    }
  }
}
