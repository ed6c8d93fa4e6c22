package org.hotpapers.server;

import java.time.LocalDate;
import java.util.List;

/**
 * A validated search.
 *
 * @param q the user's query; blank matches every paper
 * @param categories exact arXiv categories, any of which may match; empty for all
 * @param author an author filter, or an empty string
 * @param from the earliest digest date, or {@code null}
 * @param to the latest digest date, or {@code null}
 * @param page 1-based page number
 * @param size hits per page
 */
public record SearchRequest(
    String q,
    List<String> categories,
    String author,
    LocalDate from,
    LocalDate to,
    SortOrder sort,
    int page,
    int size) {

  /** Most characters a query may have. */
  public static final int MAX_QUERY_CHARS = 1000;

  /** Most hits a page may have. */
  public static final int MAX_SIZE = 100;

  /** Deepest hit a request may reach ({@code page * size}). */
  public static final int MAX_WINDOW = 10_000;

  /** Copies the category list. */
  public SearchRequest {
    categories = List.copyOf(categories);
  }

  /** A first page of ten hits for {@code q}, by relevance, without filters. */
  public static SearchRequest of(String q) {
    return new SearchRequest(q, List.of(), "", null, null, SortOrder.RELEVANCE, 1, 10);
  }
}
