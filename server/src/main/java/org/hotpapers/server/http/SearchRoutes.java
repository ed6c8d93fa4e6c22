package org.hotpapers.server.http;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.hotpapers.server.lucene.RankingWeights;
import org.hotpapers.server.search.MatchMode;
import org.hotpapers.server.search.PaperView;
import org.hotpapers.server.search.SearchEngine;
import org.hotpapers.server.search.SearchMode;
import org.hotpapers.server.search.SearchRequest;
import org.hotpapers.server.search.SortOrder;
import org.hotpapers.server.search.Suggestion;

/** HTTP handlers: read and check parameters, call {@link SearchEngine}, answer JSON. */
public final class SearchRoutes {

  private static final Pattern HANDLE = Pattern.compile("@?\\w{1,50}");
  private static final Pattern CATEGORY = Pattern.compile("[A-Za-z-]{1,20}(\\.[A-Za-z-]{1,20})?");
  private static final int MAX_CATEGORIES = 20;
  private static final int MAX_AUTHOR_CHARS = 200;
  private static final int MAX_SIMILAR = 50;
  private static final int MAX_SUGGESTIONS = 10;
  private static final int MAX_SUGGEST_CHARS = 200;
  private static final double MAX_HALF_LIFE_DAYS = 3650;
  private static final String BIBTEX_SUFFIX = ".bib";

  private final SearchEngine search;
  private final byte[] openApi;

  /** Routes over {@code search}. */
  public SearchRoutes(SearchEngine search) {
    this.search = search;
    try (InputStream in = SearchRoutes.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the server jar");
      }
      this.openApi = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code GET /openapi.json}: the OpenAPI 3.1 description of every route. */
  public void openApi(Context ctx) {
    ctx.contentType("application/json").result(openApi);
  }

  /** {@code GET /health}: status, number of papers served, and the search that runs. */
  public void health(Context ctx) {
    Optional<String> model = search.semanticModel();
    Optional<String> damage = search.damage();
    ctx.json(
        new Health(
            damage.isPresent() ? "degraded" : "ok",
            search.paperCount(),
            model.isPresent() ? "hybrid" : "lexical",
            model.orElse(null),
            damage.orElse(null)));
  }

  /** {@code GET /search}: ranked, filtered, paged hits with highlights and facets. */
  public void search(Context ctx) {
    ctx.json(search.search(request(ctx)));
  }

  /** {@code GET /search.atom}: the same search as an Atom feed, newest digest first. */
  public void atom(Context ctx) {
    SearchRequest request = request(ctx, SortOrder.DATE);
    String query = ctx.queryString() == null ? "" : ctx.queryString();
    String page = "/" + (query.isEmpty() ? "" : "?" + query);
    String title =
        request.q().isBlank() ? "hotpapers: newest hot papers" : "hotpapers: " + request.q();
    ctx.contentType("application/atom+xml; charset=utf-8")
        .result(
            AtomFeed.write(
                search.search(request),
                "urn:hotpapers:search:" + query,
                title,
                ctx.fullUrl(),
                ctx.scheme() + "://" + ctx.host() + page));
  }

  /** {@code GET /papers/{id}/similar}: papers like this one, most similar first. */
  public void similar(Context ctx) {
    String id = ctx.pathParam("id");
    int size =
        intParam(ctx, "size", 10, 1, MAX_SIMILAR, "size must be between 1 and " + MAX_SIMILAR);
    ctx.json(
        new SimilarPapersResponse(
            id,
            search
                .similar(id, size)
                .orElseThrow(() -> new NotFoundResponse("no paper with id " + id))));
  }

  /** {@code GET /suggest}: completions of what is being typed, most discussed first. */
  public void suggest(Context ctx) {
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
    if (q.length() > MAX_SUGGEST_CHARS) {
      throw new BadRequestException(
          "q is "
              + q.length()
              + " characters long; the limit for suggestions is "
              + MAX_SUGGEST_CHARS);
    }
    int size =
        intParam(
            ctx, "size", 10, 1, MAX_SUGGESTIONS, "size must be between 1 and " + MAX_SUGGESTIONS);
    List<Suggestion> suggestions =
        q.isEmpty() ? List.of() : search.suggest(q, categories(ctx), size);
    ctx.json(new SuggestResponse(q, suggestions));
  }

  /**
   * {@code GET /papers/{id}}: one whole paper with its tweets; {@code GET /papers/{id}.bib}: its
   * BibTeX entry.
   */
  public void paper(Context ctx) {
    String id = ctx.pathParam("id");
    if (id.endsWith(BIBTEX_SUFFIX)) {
      String paperId = id.substring(0, id.length() - BIBTEX_SUFFIX.length());
      ctx.contentType("application/x-bibtex; charset=utf-8")
          .result(
              search
                  .citation(paperId)
                  .orElseThrow(() -> new NotFoundResponse("no paper with id " + paperId)));
      return;
    }
    PaperView paper =
        search.paper(id).orElseThrow(() -> new NotFoundResponse("no paper with id " + id));
    ctx.json(paper);
  }

  /** Reads and checks the search parameters; any bad value is a {@link BadRequestException}. */
  static SearchRequest request(Context ctx) {
    return request(ctx, null);
  }

  /**
   * The search parameters, sorted by {@code sort} if not {@code null} whatever the request says.
   */
  private static SearchRequest request(Context ctx, SortOrder sort) {
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
    SortOrder order =
        sort != null
            ? sort
            : choiceParam(
                ctx,
                "sort",
                SortOrder.RELEVANCE.parameter(),
                SortOrder::fromParameter,
                "relevance, date, engagement, trending");
    String author = ctx.queryParam("author") == null ? "" : ctx.queryParam("author").strip();
    if (author.length() > MAX_AUTHOR_CHARS) {
      throw new BadRequestException(
          "author is " + author.length() + " characters long; the limit is " + MAX_AUTHOR_CHARS);
    }
    String tweeter = ctx.queryParam("tweeter") == null ? "" : ctx.queryParam("tweeter").strip();
    if (!tweeter.isEmpty() && !HANDLE.matcher(tweeter).matches()) {
      throw new BadRequestException(
          "tweeter '" + abbreviate(tweeter) + "' is not a Twitter handle such as @karpathy");
    }
    MatchMode match =
        choiceParam(
            ctx, "match", MatchMode.AUTO.parameter(), MatchMode::fromParameter, "auto, all, any");
    SearchMode mode =
        choiceParam(
            ctx,
            "mode",
            SearchMode.HYBRID.parameter(),
            SearchMode::fromParameter,
            "hybrid, lexical, semantic");
    boolean fuzzy = switchParam(ctx, "fuzzy", true);
    boolean explain = switchParam(ctx, "explain", false);
    double pop =
        doubleParam(
            ctx, "pop", RankingWeights.DEFAULT_POP, 0, 1, "pop must be a number from 0 to 1");
    double halfLife =
        doubleParam(
            ctx,
            "half_life_days",
            SearchRequest.DEFAULT_HALF_LIFE_DAYS,
            Double.MIN_VALUE,
            MAX_HALF_LIFE_DAYS,
            "half_life_days must be a number of days above 0 and at most "
                + (int) MAX_HALF_LIFE_DAYS);
    return new SearchRequest(
        q,
        categories(ctx),
        author,
        tweeter,
        from,
        to,
        order,
        page,
        size,
        fuzzy,
        pop,
        explain,
        halfLife,
        match,
        mode);
  }

  /** The value of parameter {@code name}, one of {@code allowed}, looked up by {@code lookup}. */
  private static <T> T choiceParam(
      Context ctx,
      String name,
      String defaultValue,
      Function<String, Optional<T>> lookup,
      String allowed) {
    String value = ctx.queryParam(name) == null ? defaultValue : ctx.queryParam(name);
    return lookup
        .apply(value)
        .orElseThrow(
            () ->
                new BadRequestException(
                    name + " must be one of " + allowed + " (not '" + abbreviate(value) + "')"));
  }

  private static boolean switchParam(Context ctx, String name, boolean defaultValue) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return defaultValue;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "on", "true", "1", "yes" -> true;
      case "off", "false", "0", "no" -> false;
      default ->
          throw new BadRequestException(
              name + " must be on or off (not '" + abbreviate(value) + "')");
    };
  }

  private static double doubleParam(
      Context ctx, String name, double defaultValue, double min, double max, String message) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return defaultValue;
    }
    double parsed;
    try {
      parsed = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new BadRequestException(message + " (not '" + abbreviate(value) + "')");
    }
    if (!(parsed >= min && parsed <= max)) {
      throw new BadRequestException(message + " (not '" + abbreviate(value) + "')");
    }
    return parsed;
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
