package org.hotpapers.server.search;

import java.time.LocalDate;
import java.util.List;
import org.hotpapers.server.lucene.RankingWeights;

/**
 * A validated search.
 *
 * @param q the user's query; blank matches every paper
 * @param categories exact arXiv categories, any of which may match; empty for all
 * @param author an author filter, or an empty string
 * @param tweeter a handle that must have tweeted about the paper, or an empty string
 * @param from the earliest digest date, or {@code null}
 * @param to the latest digest date, or {@code null}
 * @param page 1-based page number
 * @param size hits per page
 * @param fuzzy whether misspelled words are corrected
 * @param pop how much engagement counts, from 0 (pure text relevance) to 1
 * @param explain whether each hit carries the parts of its score
 * @param halfLifeDays the half-life of engagement under {@link SortOrder#TRENDING}
 * @param match how many of the query's plain words a paper must hold
 * @param mode which evidence ranks: words, meaning, or both
 */
public record SearchRequest(
    String q,
    List<String> categories,
    String author,
    String tweeter,
    LocalDate from,
    LocalDate to,
    SortOrder sort,
    int page,
    int size,
    boolean fuzzy,
    double pop,
    boolean explain,
    double halfLifeDays,
    MatchMode match,
    SearchMode mode) {

  /** Most characters a query may have. */
  public static final int MAX_QUERY_CHARS = 1000;

  /** Most hits a page may have. */
  public static final int MAX_SIZE = 100;

  /** Deepest hit a request may reach ({@code page * size}). */
  public static final int MAX_WINDOW = 10_000;

  /** Half-life of engagement for trending, unless the request gives one. */
  public static final double DEFAULT_HALF_LIFE_DAYS = 30;

  /** Copies the category list. */
  public SearchRequest {
    categories = List.copyOf(categories);
  }

  /** A first page of ten hits for {@code q}, by relevance, with the default settings. */
  public static SearchRequest of(String q) {
    return new SearchRequest(
        q,
        List.of(),
        "",
        "",
        null,
        null,
        SortOrder.RELEVANCE,
        1,
        10,
        true,
        RankingWeights.DEFAULT_POP,
        false,
        DEFAULT_HALF_LIFE_DAYS,
        MatchMode.AUTO,
        SearchMode.HYBRID);
  }
}
