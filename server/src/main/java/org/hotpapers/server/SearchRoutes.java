package org.hotpapers.server;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** HTTP handlers: read and check parameters, call {@link SearchService}, answer JSON. */
public final class SearchRoutes {

  private static final Pattern CATEGORY = Pattern.compile("[A-Za-z-]{1,20}(\\.[A-Za-z-]{1,20})?");
  private static final int MAX_CATEGORIES = 20;
  private static final int MAX_AUTHOR_CHARS = 200;

  private final SearchService search;

  /** Routes over {@code search}. */
  public SearchRoutes(SearchService search) {
    this.search = search;
  }

  /** {@code GET /health}: status and number of papers served. */
  public void health(Context ctx) {
    ctx.json(new Health("ok", search.paperCount()));
  }

  /** {@code GET /search}: ranked, filtered, paged hits with highlights and facets. */
  public void search(Context ctx) {
    ctx.json(search.search(request(ctx)));
  }

  /** {@code GET /papers/{id}}: one whole paper with its tweets. */
  public void paper(Context ctx) {
    String id = ctx.pathParam("id");
    PaperView paper =
        search.paper(id).orElseThrow(() -> new NotFoundResponse("no paper with id " + id));
    ctx.json(paper);
  }

  /** Reads and checks the search parameters; any bad value is a {@link BadRequestException}. */
  static SearchRequest request(Context ctx) {
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
    if (q.length() > SearchRequest.MAX_QUERY_CHARS) {
      throw new BadRequestException(
          "q is " + q.length() + " characters long; the limit is " + SearchRequest.MAX_QUERY_CHARS);
    }
    int page = intParam(ctx, "page", 1, 1, Integer.MAX_VALUE, "page must be 1 or more");
    int size =
        intParam(
            ctx,
            "size",
            10,
            1,
            SearchRequest.MAX_SIZE,
            "size must be between 1 and " + SearchRequest.MAX_SIZE);
    if ((long) page * size > SearchRequest.MAX_WINDOW) {
      throw new BadRequestException(
          "page * size must be at most "
              + SearchRequest.MAX_WINDOW
              + "; narrow the query instead of paging this deep");
    }
    LocalDate from = ctx.queryParamAsClass("from", LocalDate.class).getOrNull();
    LocalDate to = ctx.queryParamAsClass("to", LocalDate.class).getOrNull();
    if (from != null && to != null && from.isAfter(to)) {
      throw new BadRequestException("from (" + from + ") is after to (" + to + ")");
    }
    String sortParam = ctx.queryParam("sort") == null ? "relevance" : ctx.queryParam("sort");
    SortOrder sort =
        SortOrder.fromParameter(sortParam)
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "sort must be one of relevance, date, engagement (not '"
                            + abbreviate(sortParam)
                            + "')"));
    String author = ctx.queryParam("author") == null ? "" : ctx.queryParam("author").strip();
    if (author.length() > MAX_AUTHOR_CHARS) {
      throw new BadRequestException(
          "author is " + author.length() + " characters long; the limit is " + MAX_AUTHOR_CHARS);
    }
    return new SearchRequest(q, categories(ctx), author, from, to, sort, page, size);
  }

  private static int intParam(
      Context ctx, String name, int defaultValue, int min, int max, String message) {
    if (ctx.queryParam(name) == null) {
      return defaultValue;
    }
    return ctx.queryParamAsClass(name, Integer.class)
        .check(v -> v >= min && v <= max, message)
        .get();
  }

  private static List<String> categories(Context ctx) {
    List<String> categories = new ArrayList<>();
    for (String value : ctx.queryParams("cat")) {
      for (String category : value.split(",")) {
        String trimmed = category.strip();
        if (trimmed.isEmpty()) {
          continue;
        }
        if (!CATEGORY.matcher(trimmed).matches()) {
          throw new BadRequestException(
              "cat '" + abbreviate(trimmed) + "' is not an arXiv category such as cs.CV");
        }
        categories.add(trimmed);
      }
    }
    if (categories.size() > MAX_CATEGORIES) {
      throw new BadRequestException("at most " + MAX_CATEGORIES + " cat values are allowed");
    }
    return categories;
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
