package org.hotpapers.server.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.hotpapers.server.MatchMode;
import org.hotpapers.server.RankingWeights;
import org.hotpapers.server.SearchMode;
import org.hotpapers.server.SearchRequest;
import org.hotpapers.server.SortOrder;

/**
 * One benchmark query, with its form for the hotpapers service, for HTTP and for SQLite FTS5.
 *
 * @param queryClass the class it is reported under
 * @param words lower-case words from the corpus; empty matches every paper
 * @param shape how the words combine
 * @param category a category filter, or an empty string
 */
public record BenchQuery(
    QueryClass queryClass, List<String> words, Shape shape, String category, SortOrder sort) {

  /** How the words of a query combine. */
  public enum Shape {
    /** Every word must match. */
    ALL,
    /** The words must match as a phrase. */
    PHRASE
  }

  /** The query as a user would type it in the search box. */
  public String userQuery() {
    if (words.size() == 1) {
      return words.get(0);
    }
    return switch (shape) {
      case ALL -> words.stream().map(word -> "+" + word).collect(Collectors.joining(" "));
      case PHRASE -> '"' + String.join(" ", words) + '"';
    };
  }

  /** The request the service runs: first page of ten, facets and highlighting as always. */
  public SearchRequest request() {
    return new SearchRequest(
        userQuery(),
        category.isEmpty() ? List.of() : List.of(category),
        "",
        "",
        null,
        null,
        sort,
        1,
        10,
        true,
        RankingWeights.DEFAULT_POP,
        false,
        SearchRequest.DEFAULT_HALF_LIFE_DAYS,
        MatchMode.AUTO,
        SearchMode.HYBRID);
  }

  /** The path and query string of the same search over HTTP. */
  public String httpTarget() {
    StringBuilder target = new StringBuilder("/search?q=").append(encode(userQuery()));
    if (!category.isEmpty()) {
      target.append("&cat=").append(encode(category));
    }
    if (sort != SortOrder.RELEVANCE) {
      target.append("&sort=").append(sort.name().toLowerCase(java.util.Locale.ROOT));
    }
    return target.toString();
  }

  /** The FTS5 MATCH expression, or an empty string for match-all. */
  public String ftsMatch() {
    return switch (shape) {
      case ALL -> words.stream().map(word -> '"' + word + '"').collect(Collectors.joining(" AND "));
      case PHRASE -> '"' + String.join(" ", words) + '"';
    };
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
