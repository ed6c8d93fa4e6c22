package org.hotpapers.server.solr;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.params.CommonParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.hotpapers.indexer.Paper;
import org.hotpapers.indexer.PaperSchema;
import org.hotpapers.indexer.SolrConfigset;
import org.hotpapers.indexer.SolrPapers;
import org.hotpapers.server.lucene.PaperQueries;
import org.hotpapers.server.search.SearchMode;
import org.hotpapers.server.search.SearchRequest;

/**
 * The Solr requests of the Solr backend: the API's filters as tagged filter queries (so that each
 * facet leaves its own filter out, as the embedded index counts them), its sorts, facets and
 * paging, and the hotpapers query parser's local parameters.
 */
final class SolrSearchParams {

  /** The request parameter holding the user's words, which the parser reads as {@code $} text. */
  static final String TEXT_PARAM = "hotpapers.q";

  private static final String CATEGORY_TAG = "cat";
  private static final String AUTHOR_TAG = "author";
  private static final String TWEETER_TAG = "tweeter";
  private static final String DATE_TAG = "date";

  /** The pseudo-field of a hit's score. */
  static final String SCORE = "score";

  private static final String FIELDS = String.join(",", SolrPapers.PAPER_FIELDS) + "," + SCORE;
  private static final String FACETS =
      "{"
          + terms(PaperSchema.CATEGORY_FACET, PaperSchema.CATEGORY_FACET, 50, CATEGORY_TAG)
          + ","
          + terms(PaperSchema.YEAR_FACET, PaperSchema.YEAR_FACET, 100, DATE_TAG)
          + ","
          + terms(PaperSchema.TWEETER_FACET, PaperSchema.TWEETER_FACET, 20, TWEETER_TAG)
          + "}";
  private static final long DAY_MILLIS = 86_400_000L;

  private final Duration timeout;

  /** Requests that Solr stops after {@code timeout}. */
  SolrSearchParams(Duration timeout) {
    this.timeout = timeout;
  }

  private static String terms(String name, String field, int limit, String excludedTag) {
    return "\""
        + name
        + "\":{\"type\":\"terms\",\"field\":\""
        + field
        + "\",\"limit\":"
        + limit
        + ",\"domain\":{\"excludeTags\":\""
        + excludedTag
        + "\"}}";
  }

  /**
   * The filter queries of {@code request}, each tagged for the facet it leaves out.
   *
   * @throws org.hotpapers.server.search.InvalidQueryException for an author without letters
   */
  List<String> filters(SearchRequest request, PaperQueries queries) {
    List<String> filters = new ArrayList<>();
    if (!request.categories().isEmpty()) {
      filters.add(
          "{!terms f="
              + PaperSchema.CATEGORY
              + " tag="
              + CATEGORY_TAG
              + "}"
              + String.join(
                  ",", request.categories().stream().map(PaperSchema::categoryTerm).toList()));
    }
    if (!request.author().isBlank()) {
      queries.author(request.author());
      filters.add(
          "{!"
              + SolrConfigset.QUERY_PARSER
              + " part=author tag="
              + AUTHOR_TAG
              + " v="
              + quoted(request.author())
              + "}");
    }
    if (!request.tweeter().isBlank()) {
      filters.add(
          "{!term f="
              + PaperSchema.TWEETER_HANDLE
              + " tag="
              + TWEETER_TAG
              + "}"
              + PaperSchema.handleTerm(request.tweeter()));
    }
    if (request.from() != null || request.to() != null) {
      filters.add(
          "{!tag="
              + DATE_TAG
              + "}"
              + PaperSchema.DATE
              + ":["
              + day(request.from())
              + " TO "
              + day(request.to())
              + "]");
    }
    return filters;
  }

  private static String day(LocalDate date) {
    return date == null ? "*" : date + "T00:00:00Z";
  }

  /** A local parameter value in single quotes, with quotes and backslashes escaped. */
  private static String quoted(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** The request whose best score is the most words of {@code q} that one paper holds. */
  ModifiableSolrParams plan(String q, SearchRequest request, List<String> filters) {
    ModifiableSolrParams params = base(filters);
    params.set(CommonParams.Q, parser("plan", "match=" + request.match().parameter()));
    params.set(TEXT_PARAM, q);
    params.set(CommonParams.ROWS, 1);
    params.set(CommonParams.FL, SCORE);
    return params;
  }

  /**
   * The ranked page of {@code request}: words parsed and ranked in each shard, requiring the words
   * that {@code most} (from {@link #plan}) allows, with facets, sort and paging; {@code newestDay}
   * is the collection's newest digest date in milliseconds, for trending.
   */
  ModifiableSolrParams ranked(
      String q,
      SearchRequest request,
      SearchMode mode,
      int most,
      List<String> filters,
      Long newestMillis) {
    ModifiableSolrParams params = page(request, filters, newestMillis);
    params.set(
        CommonParams.Q,
        parser(
            "rank",
            "most="
                + most
                + " match="
                + request.match().parameter()
                + " mode="
                + mode.parameter()
                + " pop="
                + request.pop()));
    params.set(TEXT_PARAM, q);
    return params;
  }

  /** The page of {@code request} when its query is the id of a paper. */
  ModifiableSolrParams byId(String id, SearchRequest request, List<String> filters) {
    ModifiableSolrParams params = page(request, filters, null);
    params.set(CommonParams.Q, "{!term f=" + PaperSchema.ID + " v=$" + TEXT_PARAM + "}");
    params.set(TEXT_PARAM, id);
    return params;
  }

  private ModifiableSolrParams page(
      SearchRequest request, List<String> filters, Long newestMillis) {
    ModifiableSolrParams params = base(filters);
    params.set(CommonParams.START, (request.page() - 1) * request.size());
    params.set(CommonParams.ROWS, request.size());
    params.set(CommonParams.FL, FIELDS);
    params.set("json.facet", FACETS);
    String sort = sort(request, newestMillis);
    if (sort != null) {
      params.set(CommonParams.SORT, sort);
    }
    return params;
  }

  private ModifiableSolrParams base(List<String> filters) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    filters.forEach(filter -> params.add(CommonParams.FQ, filter));
    params.set(CommonParams.TIME_ALLOWED, Long.toString(timeout.toMillis()));
    return params;
  }

  private static String parser(String part, String localParams) {
    return "{!"
        + SolrConfigset.QUERY_PARSER
        + " part="
        + part
        + " "
        + localParams
        + " v=$"
        + TEXT_PARAM
        + "}";
  }

  /** The Solr sort of {@code request}, or {@code null} for relevance. */
  private static String sort(SearchRequest request, Long newestMillis) {
    String latest = PaperSchema.LATEST_DATE + " desc";
    String id = PaperSchema.ID + " asc";
    String engagement = PaperSchema.ENGAGEMENT + " desc";
    return switch (request.sort()) {
      case RELEVANCE -> null;
      case DATE -> String.join(",", latest, engagement, id);
      case ENGAGEMENT -> String.join(",", engagement, latest, id);
      case TRENDING ->
          String.join(
              ",",
              "product("
                  + PaperSchema.ENGAGEMENT
                  + ",pow(0.5,div(max(0,sub("
                  + (newestMillis == null ? 0 : newestMillis)
                  + ",ms("
                  + PaperSchema.LATEST_DATE
                  + "))),"
                  + (long) (request.halfLifeDays() * DAY_MILLIS)
                  + "))) desc",
              latest,
              id);
    };
  }

  /**
   * The papers nearest {@code vector} within {@code filters}, as many as a search by meaning takes.
   */
  ModifiableSolrParams knn(float[] vector, List<String> filters) {
    ModifiableSolrParams params = base(filters);
    params.set(
        CommonParams.Q,
        "{!knn f="
            + PaperSchema.VECTOR
            + " topK="
            + PaperQueries.SEMANTIC_CANDIDATES
            + "}"
            + literal(vector));
    params.set(CommonParams.ROWS, PaperQueries.SEMANTIC_CANDIDATES);
    params.set(CommonParams.FL, PaperSchema.ID + "," + SCORE);
    return params;
  }

  private static String literal(float[] vector) {
    StringBuilder values = new StringBuilder("[");
    for (int i = 0; i < vector.length; i++) {
      values.append(i == 0 ? "" : ",").append(vector[i]);
    }
    return values.append(']').toString();
  }

  /** The stored paper {@code id}, with its vector if {@code withVector}. */
  ModifiableSolrParams paper(String id, boolean withVector) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set(CommonParams.Q, "{!term f=" + PaperSchema.ID + " v=$" + TEXT_PARAM + "}");
    params.set(TEXT_PARAM, id);
    params.set(CommonParams.ROWS, 1);
    params.set(
        CommonParams.FL,
        String.join(",", SolrPapers.PAPER_FIELDS) + (withVector ? "," + PaperSchema.VECTOR : ""));
    return params;
  }

  /** The {@code size} papers nearest {@code vector}, the embedding of {@code paper}. */
  ModifiableSolrParams nearest(Paper paper, float[] vector, int size) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set(
        CommonParams.Q, "{!knn f=" + PaperSchema.VECTOR + " topK=" + size + "}" + literal(vector));
    params.add(CommonParams.FQ, notPaper(paper));
    params.set(CommonParams.ROWS, size);
    params.set(CommonParams.FL, FIELDS);
    return params;
  }

  /**
   * Solr's MoreLikeThis for {@code paper} over title, abstract and tweets, plus a nudge towards its
   * own categories, as the embedded index's lexical similar papers.
   */
  ModifiableSolrParams moreLikeThis(Paper paper, int size) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    StringBuilder query = new StringBuilder("{!bool must=$hotpapers.mlt");
    params.set(
        "hotpapers.mlt",
        "{!mlt qf="
            + String.join(",", PaperSchema.TEXT_FIELDS)
            + " mintf=1 mindf=2 maxqt=30 boost=true}"
            + paper.id());
    for (int i = 0; i < paper.categories().size(); i++) {
      String name = "hotpapers.cat" + i;
      query.append(" should=$").append(name);
      params.set(
          name,
          "{!boost b=2 v='{!term f="
              + PaperSchema.CATEGORY
              + "}"
              + PaperSchema.categoryTerm(paper.categories().get(i))
              + "'}");
    }
    params.set(CommonParams.Q, query.append('}').toString());
    params.add(CommonParams.FQ, notPaper(paper));
    params.set(CommonParams.ROWS, size);
    params.set(CommonParams.FL, FIELDS);
    return params;
  }

  /**
   * The spelling answers of the whole collection for {@code words} ({@link
   * PaperSpellingComponent}).
   */
  ModifiableSolrParams spelling(List<String> words) {
    ModifiableSolrParams params = count();
    params.set(PaperSpellingComponent.WORDS_PARAM, String.join(",", words));
    return params;
  }

  /** The filter that leaves {@code paper} itself out of its similar papers. */
  private static String notPaper(Paper paper) {
    return "-" + PaperSchema.ID + ":" + ClientUtils.escapeQueryChars(paper.id());
  }

  /** Counts every paper. */
  ModifiableSolrParams count() {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set(CommonParams.Q, "*:*");
    params.set(CommonParams.ROWS, 0);
    return params;
  }

  /** The newest digest date of the collection, as the facet {@code newest}. */
  ModifiableSolrParams newest() {
    ModifiableSolrParams params = count();
    params.set("json.facet", "{\"newest\":\"max(" + PaperSchema.LATEST_DATE + ")\"}");
    return params;
  }
}
