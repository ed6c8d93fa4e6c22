package org.hotpapers.server;

import java.util.List;
import org.hotpapers.server.search.SearchMode;
import org.hotpapers.server.search.SearchRequest;
import org.hotpapers.server.search.SortOrder;

/**
 * Search requests for tests and benchmarks: the defaults of {@link SearchRequest#of} and a change.
 */
public final class Requests {

  private Requests() {}

  /** {@code q} within {@code categories} and by {@code author} (empty for any). */
  public static SearchRequest filtered(String q, List<String> categories, String author) {
    SearchRequest d = SearchRequest.of(q);
    return new SearchRequest(
        q,
        categories,
        author,
        d.tweeter(),
        d.from(),
        d.to(),
        d.sort(),
        d.page(),
        d.size(),
        d.fuzzy(),
        d.pop(),
        d.explain(),
        d.halfLifeDays(),
        d.match(),
        d.mode());
  }

  /**
   * {@code q} within {@code categories}, ranked in {@code mode}, spelled as typed and explained.
   */
  public static SearchRequest explained(String q, List<String> categories, SearchMode mode) {
    SearchRequest d = filtered(q, categories, "");
    return new SearchRequest(
        q,
        d.categories(),
        d.author(),
        d.tweeter(),
        d.from(),
        d.to(),
        d.sort(),
        d.page(),
        d.size(),
        false,
        d.pop(),
        true,
        d.halfLifeDays(),
        d.match(),
        mode);
  }

  /** {@code request} sorted by {@code sort}, at {@code page}, with or without explanations. */
  public static SearchRequest with(
      SearchRequest request, SortOrder sort, int page, boolean explain) {
    SearchRequest r = request;
    return new SearchRequest(
        r.q(),
        r.categories(),
        r.author(),
        r.tweeter(),
        r.from(),
        r.to(),
        sort,
        page,
        r.size(),
        r.fuzzy(),
        r.pop(),
        explain,
        r.halfLifeDays(),
        r.match(),
        r.mode());
  }

  /** {@code request} ranked in {@code mode}. */
  public static SearchRequest inMode(SearchRequest request, SearchMode mode) {
    SearchRequest r = request;
    return new SearchRequest(
        r.q(),
        r.categories(),
        r.author(),
        r.tweeter(),
        r.from(),
        r.to(),
        r.sort(),
        r.page(),
        r.size(),
        r.fuzzy(),
        r.pop(),
        r.explain(),
        r.halfLifeDays(),
        r.match(),
        mode);
  }
}
