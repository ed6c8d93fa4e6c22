package org.hotpapers.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.hotpapers.server.ServerFixture;
import org.hotpapers.server.ServerMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real server command in its own JVM, keeps searching, and sends SIGTERM: every answer
 * that arrives is complete, the process logs a clean stop, and the index opens afterwards.
 */
class GracefulShutdownTest {

  @Test
  void sigtermFinishesRequestsAndClosesTheIndex(@TempDir Path tmp) throws Exception {
    ServerFixture.openService(tmp).close();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = tmp.resolve("server.log");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process server =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ServerMain.class.getName(),
                "--index",
                tmp.resolve("index").toString(),
                "--posts",
                tmp.resolve("posts").toString(),
                "--port",
                Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    HttpClient client = HttpClient.newHttpClient();
    URI search = URI.create("http://localhost:" + port + "/search?q=diffusion+OR+graph");
    try {
      waitForHealth(client, port);
      List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
      List<String> incomplete = new ArrayList<>();
      Thread load =
          new Thread(
              () -> {
                for (int i = 0; i < 100_000; i++) {
                  try {
                    HttpResponse<String> response =
                        client.send(
                            HttpRequest.newBuilder(search).build(),
                            HttpResponse.BodyHandlers.ofString());
                    statuses.add(response.statusCode());
                    if (!response.body().startsWith("{\"total\":")
                        || !response.body().endsWith("}")) {
                      incomplete.add(response.body());
                    }
                  } catch (IOException e) {
                    return;
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                }
              });
      load.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (statuses.size() < 20 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      server.destroy();
      assertTrue(server.waitFor(20, TimeUnit.SECONDS), "server did not stop on SIGTERM");
      load.join(10_000);
      assertTrue(statuses.size() > 10, "too few requests before the stop: " + statuses.size());
      assertTrue(statuses.stream().allMatch(s -> s == 200), statuses.toString());
      assertEquals(List.of(), incomplete);
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertTrue(output.contains("stopped; index closed"), output);
      try (FSDirectory dir = FSDirectory.open(tmp.resolve("index"));
          DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(8, reader.numDocs());
      }
    } finally {
      server.destroyForcibly();
    }
  }

  private static void waitForHealth(HttpClient client, int port) throws Exception {
    URI health = URI.create("http://localhost:" + port + "/health");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (client
                .send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()
            == 200) {
          return;
        }
      } catch (ConnectException e) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("server did not start in 30 s");
  }
}
