package org.hotpapers.server;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A started app on a free port and a plain HTTP client for it, for multi-threaded tests. */
public final class LiveServer implements AutoCloseable {

  private final Javalin app;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public LiveServer(Javalin app) {
    this.app = app.start(0);
  }

  /** GETs {@code path}; the response body is a string. */
  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
            .timeout(Duration.ofSeconds(30))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** A status code and body read from a raw socket. */
  public record RawResponse(int status, String body) {}

  /**
   * Sends {@code target} exactly as given (even with broken escapes that {@link java.net.URI}
   * refuses) as an HTTP/1.0 GET, so the server closes the connection after the answer.
   */
  public RawResponse rawGet(String target) throws IOException {
    try (Socket socket = new Socket("localhost", app.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + target + " HTTP/1.0\r\nHost: localhost\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(response.substring(9, 12));
      int bodyStart = response.indexOf("\r\n\r\n");
      return new RawResponse(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
