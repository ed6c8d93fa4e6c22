package org.hotpapers.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotpapers.indexer.BatchReindex;
import org.hotpapers.indexer.PostParser;
import org.hotpapers.server.lucene.SearchService;

/** Builds an index of the server's fixture posts and reads JSON answers in tests. */
public final class ServerFixture {

  public static final List<String> POSTS =
      List.of(
          "2021-12-30---Hot-Papers.md", "2022-01-03---Hot-Papers.md", "2022-01-04---Hot-Papers.md");

  private static final ObjectMapper JSON = new ObjectMapper();

  private ServerFixture() {}

  /** Indexes the fixture posts into {@code dir/index} and opens a search service on it. */
  public static SearchService openService(Path dir) throws IOException {
    return openService(dir, Files.createDirectories(dir.resolve("posts")));
  }

  /** Adds the fixture posts to {@code posts}, indexes that folder and opens a search service. */
  public static SearchService openService(Path dir, Path posts) throws IOException {
    for (String name : POSTS) {
      try (InputStream in = ServerFixture.class.getResourceAsStream("/posts/" + name)) {
        Files.write(posts.resolve(name), in.readAllBytes());
      }
    }
    Path index = dir.resolve("index");
    new BatchReindex(new PostParser(), progress -> {}).run(posts, index);
    return SearchService.open(index);
  }

  /** A GET path with URL-encoded query parameters given as name, value pairs. */
  public static String path(String route, String... params) {
    StringBuilder out = new StringBuilder(route);
    for (int i = 0; i < params.length; i += 2) {
      out.append(i == 0 ? '?' : '&')
          .append(params[i])
          .append('=')
          .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  /** The parsed JSON body of a response. */
  public static JsonNode json(Response response) {
    try {
      return JSON.readTree(response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GETs a path and returns the JSON body. */
  public static JsonNode getJson(HttpClient client, String path) {
    return json(client.get(path));
  }

  /** The ids of a search response's hits, in order. */
  public static List<String> ids(JsonNode searchResponse) {
    List<String> ids = new ArrayList<>();
    searchResponse.get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
    return ids;
  }
}
