package org.hotpapers.server.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop HTTP/1.1 load generator over loopback: {@code concurrency} keep-alive connections,
 * each sending its next request as soon as the previous answer is read in full, cycling through a
 * list of targets. Lean on purpose (raw sockets, no client library), so the client takes as little
 * of the machine's CPU as it can from the server it measures.
 */
public final class HttpLoad {

  private final int port;

  /** Load against {@code localhost:port}. */
  public HttpLoad(int port) {
    this.port = port;
  }

  /**
   * What one load run measured.
   *
   * @param errors responses other than 200, and connections that failed
   */
  public record Result(
      int concurrency, long requests, long errors, double seconds, Latencies latencies) {

    /** Requests answered per second. */
    public double requestsPerSecond() {
      return requests / seconds;
    }

    /** One line for the benchmark's report. */
    public String describe() {
      return String.format(
          Locale.ROOT,
          "c=%-3d %,9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  %,d requests, %d errors",
          concurrency,
          requestsPerSecond(),
          latencies.median(),
          latencies.p99(),
          requests,
          errors);
    }
  }

  /** Sends requests for {@code duration} on {@code concurrency} connections. */
  public Result run(List<String> targets, int concurrency, Duration duration)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    long deadline = System.nanoTime() + duration.toNanos();
    List<Worker> workers = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      Worker worker = new Worker(targets, next, deadline);
      workers.add(worker);
      Thread thread = new Thread(worker, "load-" + i);
      threads.add(thread);
    }
    long start = System.nanoTime();
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Latencies latencies = new Latencies();
    long errors = 0;
    for (Worker worker : workers) {
      latencies.addAll(worker.latencies);
      errors += worker.errors;
    }
    return new Result(concurrency, latencies.count(), errors, seconds, latencies);
  }

  /** Sends each of {@code targets} once, in order, on one keep-alive connection. */
  public Result once(List<String> targets) throws IOException {
    Latencies latencies = new Latencies();
    long errors = 0;
    long start = System.nanoTime();
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      for (String target : targets) {
        long sent = System.nanoTime();
        int status = get(out, in, target);
        latencies.add((System.nanoTime() - sent) / 1e6);
        if (status != 200) {
          errors++;
        }
      }
    }
    return new Result(1, latencies.count(), errors, (System.nanoTime() - start) / 1e9, latencies);
  }

  /** A keep-alive connection to the server, without Nagle's delay. */
  private Socket connect() throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress("127.0.0.1", port));
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** Sends a GET of {@code target} on a connection and reads the whole response; its status. */
  private static int get(OutputStream out, InputStream in, String target) throws IOException {
    out.write(
        ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return readResponse(in);
  }

  /** One connection's loop. */
  private final class Worker implements Runnable {
    private final List<String> targets;
    private final AtomicInteger next;
    private final long deadline;
    private final Latencies latencies = new Latencies();
    private long errors;

    Worker(List<String> targets, AtomicInteger next, long deadline) {
      this.targets = targets;
      this.next = next;
      this.deadline = deadline;
    }

    @Override
    public void run() {
      while (System.nanoTime() < deadline) {
        try (Socket socket = connect()) {
          OutputStream out = socket.getOutputStream();
          InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
          while (System.nanoTime() < deadline) {
            String target = targets.get(Math.floorMod(next.getAndIncrement(), targets.size()));
            long start = System.nanoTime();
            int status = get(out, in, target);
            latencies.add((System.nanoTime() - start) / 1e6);
            if (status != 200) {
              errors++;
            }
          }
        } catch (IOException e) {
          errors++;
        }
      }
    }
  }

  /** Reads one whole response (Content-Length or chunked) and returns its status code. */
  public static int readResponse(InputStream in) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    long length = -1;
    boolean chunked = false;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).strip());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(line(in).strip(), 16); size > 0; ) {
        skip(in, size);
        line(in);
        size = Long.parseLong(line(in).strip(), 16);
      }
      line(in);
    } else if (length > 0) {
      skip(in, length);
    }
    return status;
  }

  private static void skip(InputStream in, long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("connection closed mid-response");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed mid-response");
      }
      if (b != '\r') {
        bytes.write(b);
      }
    }
    return bytes.toString(StandardCharsets.US_ASCII);
  }
}
