package org.hotpapers.server.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.hotpapers.server.lucene.RankingWeights;
import org.hotpapers.server.search.MatchMode;
import org.hotpapers.server.search.SearchMode;
import org.hotpapers.server.search.SearchRequest;
import org.hotpapers.server.search.SortOrder;

/**
 * One benchmark query, with its form for the hotpapers service, for HTTP and for SQLite FTS5.
 *
 * @param queryClass the class it is reported under
 * @param words lower-case words as typed; empty matches every paper
 * @param phrase whether the words are typed as one quoted phrase
 * @param category a category filter, or an empty string
 * @param author an author filter, or an empty string
 * @param year a year the paper appeared in, or 0 for any
 * @param sort the order asked for
 */
public record BenchQuery(
    QueryClass queryClass,
    List<String> words,
    boolean phrase,
    String category,
    String author,
    int year,
    SortOrder sort) {

  /** A query of plain words, unfiltered. */
  static BenchQuery words(QueryClass queryClass, List<String> words, SortOrder sort) {
    return new BenchQuery(queryClass, words, false, "", "", 0, sort);
  }

  /** The query as a user types it in the search box. */
  public String userQuery() {
    return phrase ? '"' + String.join(" ", words) + '"' : String.join(" ", words);
  }

  /** The request the service runs: first page of ten, facets and highlighting as always. */
  public SearchRequest request() {
    return new SearchRequest(
        userQuery(),
        category.isEmpty() ? List.of() : List.of(category),
        author,
        "",
        year == 0 ? null : LocalDate.of(year, 1, 1),
        year == 0 ? null : LocalDate.of(year, 12, 31),
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
    if (!author.isEmpty()) {
      target.append("&author=").append(encode(author));
    }
    if (year != 0) {
      target.append("&from=").append(year).append("-01-01&to=").append(year).append("-12-31");
    }
    if (sort != SortOrder.RELEVANCE) {
      target.append("&sort=").append(sort.name().toLowerCase(Locale.ROOT));
    }
    return target.toString();
  }

  /** The FTS5 MATCH expression: every word (FTS5's own reading of plain words), or the phrase. */
  public String ftsMatch() {
    return phrase
        ? '"' + String.join(" ", words) + '"'
        : words.stream().map(word -> '"' + word + '"').collect(Collectors.joining(" AND "));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
