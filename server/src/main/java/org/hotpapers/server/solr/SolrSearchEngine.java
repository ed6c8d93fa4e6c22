package org.hotpapers.server.solr;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.hotpapers.indexer.Paper;
import org.hotpapers.indexer.PaperEmbedder;
import org.hotpapers.indexer.PaperSchema;
import org.hotpapers.indexer.SolrConfigset;
import org.hotpapers.indexer.SolrPapers;
import org.hotpapers.server.lucene.PageHits;
import org.hotpapers.server.lucene.PaperQueries;
import org.hotpapers.server.lucene.RankingWeights;
import org.hotpapers.server.lucene.UserQuery;
import org.hotpapers.server.search.BackendUnavailableException;
import org.hotpapers.server.search.InvalidQueryException;
import org.hotpapers.server.search.PaperCitation;
import org.hotpapers.server.search.PaperView;
import org.hotpapers.server.search.SearchEngine;
import org.hotpapers.server.search.SearchHit;
import org.hotpapers.server.search.SearchMode;
import org.hotpapers.server.search.SearchRequest;
import org.hotpapers.server.search.SearchResponse;
import org.hotpapers.server.search.SearchTimeoutException;
import org.hotpapers.server.search.SortOrder;
import org.hotpapers.server.search.Suggestion;
import org.hotpapers.server.search.TotalRelation;
import org.hotpapers.server.search.UnsupportedSearchException;
import org.hotpapers.server.search.WordMatch;

/**
 * The search backend over a SolrCloud collection (an alias that the indexer's {@code --solr}
 * rebuilds move): each shard ranks with hotpapers' own query parser ({@link PaperQParserPlugin}),
 * so the words match and rank as in the embedded index. How many words a paper must hold is planned
 * once over every shard first, the facets are Solr's JSON facets, and the page is highlighted here
 * by the embedded index's highlighter ({@link PageHits}).
 */
public final class SolrSearchEngine implements SearchEngine {

  private final SolrClient solr;
  private final String collection;
  private final Duration queryTimeout;
  private final PaperEmbedder embedder;
  private final PaperQueries queries = PaperQueries.forLucene(RankingWeights.DEFAULT);
  private final PageHits pageHits = new PageHits(queries);
  private final SolrSearchParams params;

  /** Runs the requests of one search that do not wait for each other. */
  private final ExecutorService requests =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "solr-request");
            thread.setDaemon(true);
            return thread;
          });

  private volatile Map<String, String> aliasProperties = Map.of();

  /**
   * Searches {@code collection} (an alias or a collection) through {@code solr}, stopping a search
   * after {@code queryTimeout} and embedding queries with {@code embedder} when the collection
   * holds that model's vectors ({@code null} for words only).
   *
   * @throws IllegalStateException if the collection cannot be reached, lacks hotpapers' query
   *     parser, or holds another model's vectors
   */
  public SolrSearchEngine(
      SolrClient solr, String collection, Duration queryTimeout, PaperEmbedder embedder) {
    this.solr = solr;
    this.collection = collection;
    this.queryTimeout = queryTimeout;
    this.embedder = embedder;
    this.params = new SolrSearchParams(queryTimeout);
    try {
      refresh();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Solr collection " + collection + " cannot be reached: " + e.getMessage(), e);
    }
    checkParser();
    String indexed = aliasProperties.get(PaperSchema.EMBEDDING_MODEL);
    if (indexed != null && embedder != null && !indexed.equals(embedder.model())) {
      throw new IllegalStateException(
          "the Solr collection "
              + collection
              + " holds vectors of the embedding model '"
              + indexed
              + "', but this server embeds queries with '"
              + embedder.model()
              + "': rebuild it with this version, or serve with --embed=off");
    }
  }

  /** Refuses a collection whose configset does not name hotpapers' query parser. */
  private void checkParser() {
    SolrQuery probe = new SolrQuery("{!" + SolrConfigset.QUERY_PARSER + " part=plan}probe");
    probe.setRows(0);
    try {
      solr.query(collection, probe);
    } catch (SolrServerException | IOException | SolrException e) {
      throw new IllegalStateException(
          "the Solr collection "
              + collection
              + " cannot be searched with hotpapers' query parser ("
              + firstLine(e.getMessage())
              + "): build it with the indexer's --solr (with --solr-plugin on) and put"
              + " hotpapers-solr-plugin.jar on every Solr node's classpath",
          e);
    }
  }

  @Override
  public SearchResponse search(SearchRequest request) {
    if (request.explain()) {
      throw new UnsupportedSearchException(
          "explain=true is not available from the Solr backend; the embedded index explains"
              + " scores");
    }
    long start = System.nanoTime();
    String typed = request.q();
    UserQuery typedWords = parse(typed);
    boolean byId = typedWords.words().isEmpty() && isPaperId(typed);
    List<String> filters = params.filters(request, queries);
    Future<String> correcting = background(() -> correct(typed));
    SearchMode mode = mode(request, typedWords);
    Evidence evidence = byId ? Evidence.NONE : evidence(typed, typedWords, request, mode, filters);
    String correction = await(correcting);
    boolean corrected = correction != null && request.fuzzy();
    String q = corrected ? correction : typed;
    UserQuery words = corrected ? parse(q) : typedWords;
    if (corrected) {
      mode = mode(request, words);
      evidence = evidence(q, words, request, mode, filters);
    }
    int most = evidence.most();
    WordMatch match = byId ? null : queries.plan(words, request.match(), most);
    ModifiableSolrParams search =
        byId
            ? params.byId(PaperQueries.arxivId(q), request, filters)
            : params.ranked(q, request, mode, most, filters, newestDate(request));
    if (mode != SearchMode.LEXICAL) {
      search.set(PaperQParserPlugin.NEAREST_PARAM, evidence.nearest());
    }
    QueryResponse response = query(search);
    SolrDocumentList docs = response.getResults();
    List<Paper> papers = new ArrayList<>(docs.size());
    float[] scores = new float[docs.size()];
    for (int i = 0; i < docs.size(); i++) {
      SolrDocument doc = docs.get(i);
      papers.add(SolrPapers.toPaper(doc));
      scores[i] = score(doc);
    }
    List<SearchHit> hits;
    try {
      hits = pageHits.of(papers, scores, byId ? "" : q, match, mode != SearchMode.LEXICAL);
    } catch (IOException e) {
      throw new IllegalStateException("highlighting the page failed", e);
    }
    double tookMs = Math.round((System.nanoTime() - start) / 1_000.0) / 1_000.0;
    return new SearchResponse(
        docs.getNumFound(),
        request.page(),
        request.size(),
        tookMs,
        hits,
        SolrFacets.of(response),
        correction,
        corrected,
        match,
        false,
        TotalRelation.EQ);
  }

  /**
   * {@code q} with its unknown words corrected as the embedded index corrects them, asking the
   * whole collection; {@code null} when no word needs it.
   */
  private String correct(String q) {
    List<String> words = PaperQueries.correctable(q);
    if (words.isEmpty()) {
      return null;
    }
    try {
      return queries.correct(new SolrSpellingIndex(query(params.spelling(words)), this::query), q);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What the shards need to know of the whole collection before they rank {@code q}: the most of
   * its words one paper holds (when the plan needs it) and the papers nearest its meaning (unless
   * {@code mode} is words only), asked side by side.
   */
  private Evidence evidence(
      String q, UserQuery words, SearchRequest request, SearchMode mode, List<String> filters) {
    Future<String> nearest =
        mode == SearchMode.LEXICAL ? null : background(() -> nearest(q, filters));
    int most = queries.needsCount(words, request.match()) ? mostWordsHeld(q, request, filters) : 0;
    return new Evidence(most, nearest == null ? null : await(nearest));
  }

  /**
   * The collection-wide evidence of one query.
   *
   * @param most the most of its words that one paper within the filters holds
   * @param nearest the papers nearest its meaning as {@code id score} pairs, or {@code null}
   */
  private record Evidence(int most, String nearest) {
    static final Evidence NONE = new Evidence(0, null);
  }

  private <T> Future<T> background(Callable<T> work) {
    return requests.submit(work);
  }

  private static <T> T await(Future<T> work) {
    try {
      return work.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking Solr", e);
    }
  }

  private UserQuery parse(String q) {
    try {
      return queries.parseWords(q);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code q} is the arXiv id of a paper in the collection. */
  private boolean isPaperId(String q) {
    String id = PaperQueries.arxivId(q);
    return id != null && paper(id).isPresent();
  }

  /**
   * The evidence that ranks: the request's mode, words only for a query without words or a
   * collection without this server's vectors.
   */
  private SearchMode mode(SearchRequest request, UserQuery query) {
    boolean meaning = semanticModel().isPresent();
    if (request.mode() == SearchMode.SEMANTIC && !meaning) {
      throw new InvalidQueryException(
          "mode=semantic needs an index built with embeddings; this one has words only");
    }
    if (request.mode() == SearchMode.LEXICAL || !meaning || query.words().isEmpty()) {
      return SearchMode.LEXICAL;
    }
    return request.mode();
  }

  /** The most words of {@code q} that one paper within the filters holds, over every shard. */
  private int mostWordsHeld(String q, SearchRequest request, List<String> filters) {
    SolrDocumentList best = query(params.plan(q, request, filters)).getResults();
    if (best.isEmpty()) {
      return 0;
    }
    return Math.round(score(best.get(0)));
  }

  /** The newest digest date of the collection, for trending; {@code null} when not needed. */
  private Long newestDate(SearchRequest request) {
    if (request.sort() != SortOrder.TRENDING) {
      return null;
    }
    return SolrFacets.newest(query(params.newest()));
  }

  /**
   * The papers nearest the meaning of {@code q} within the filters, over every shard, as {@code id
   * score} pairs for {@link PaperQParserPlugin#NEAREST_PARAM}.
   */
  private String nearest(String q, List<String> filters) {
    StringBuilder pairs = new StringBuilder();
    for (SolrDocument doc : query(params.knn(embedder.embedQuery(q), filters)).getResults()) {
      pairs
          .append(pairs.isEmpty() ? "" : ",")
          .append(doc.getFirstValue(PaperSchema.ID))
          .append(' ')
          .append(score(doc));
    }
    return pairs.toString();
  }

  private QueryResponse query(ModifiableSolrParams solrParams) {
    try {
      QueryResponse response = solr.query(collection, solrParams, SolrRequest.METHOD.POST);
      Object partial =
          response.getHeader() == null ? null : response.getHeader().get("partialResults");
      if (Boolean.TRUE.equals(partial)) {
        throw new SearchTimeoutException(queryTimeout.toMillis());
      }
      return response;
    } catch (SolrException e) {
      if (e.code() == SolrException.ErrorCode.BAD_REQUEST.code) {
        throw new InvalidQueryException("q is not a valid query: " + firstLine(e.getMessage()));
      }
      throw unavailable(e);
    } catch (SolrServerException | IOException e) {
      throw unavailable(e);
    }
  }

  /** The score Solr returned for {@code doc} ({@code fl=score}), or 0 for a sorted page. */
  static float score(SolrDocument doc) {
    return doc.getFirstValue(SolrSearchParams.SCORE) instanceof Number number
        ? number.floatValue()
        : 0f;
  }

  private BackendUnavailableException unavailable(Exception e) {
    return new BackendUnavailableException(
        "the Solr collection "
            + collection
            + " could not be searched: "
            + firstLine(e.getMessage()),
        e);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    String line = message.lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  @Override
  public Optional<PaperView> paper(String id) {
    return stored(id).map(PaperView::of);
  }

  @Override
  public Optional<String> citation(String id) {
    return stored(id).map(PaperCitation::bibtex);
  }

  private Optional<Paper> stored(String id) {
    SolrDocumentList docs = query(params.paper(id, false)).getResults();
    return docs.isEmpty() ? Optional.empty() : Optional.of(SolrPapers.toPaper(docs.get(0)));
  }

  /**
   * Papers like paper {@code id}: the nearest by meaning when the collection has this server's
   * vectors, Solr's MoreLikeThis over title, abstract and tweets (nudged towards the paper's own
   * categories) otherwise.
   */
  @Override
  public Optional<List<SearchHit>> similar(String id, int size) {
    boolean meaning = semanticModel().isPresent();
    SolrDocumentList source = query(params.paper(id, meaning)).getResults();
    if (source.isEmpty()) {
      return Optional.empty();
    }
    SolrDocument doc = source.get(0);
    Paper paper = SolrPapers.toPaper(doc);
    float[] vector = vector(doc);
    ModifiableSolrParams like =
        meaning && vector.length > 0
            ? params.nearest(paper, vector, size)
            : params.moreLikeThis(paper, size);
    SolrDocumentList docs = query(like).getResults();
    List<SearchHit> hits = new ArrayList<>();
    for (SolrDocument hit : docs) {
      hits.add(SearchHit.of(SolrPapers.toPaper(hit), score(hit), Map.of(), null, false));
    }
    return Optional.of(hits);
  }

  private static float[] vector(SolrDocument doc) {
    Collection<Object> values = doc.getFieldValues(PaperSchema.VECTOR);
    if (values == null) {
      return new float[0];
    }
    float[] vector = new float[values.size()];
    int i = 0;
    for (Object value : values) {
      vector[i++] = ((Number) value).floatValue();
    }
    return vector;
  }

  @Override
  public List<Suggestion> suggest(String prefix, List<String> categories, int size) {
    throw new UnsupportedSearchException(
        "completions (/suggest) are not available from the Solr backend; /search answers the"
            + " same words");
  }

  @Override
  public int paperCount() {
    return (int) query(params.count()).getResults().getNumFound();
  }

  @Override
  public Optional<String> semanticModel() {
    String model = aliasProperties.get(PaperSchema.EMBEDDING_MODEL);
    return embedder != null && embedder.model().equals(model)
        ? Optional.of(model)
        : Optional.empty();
  }

  @Override
  public Optional<String> damage() {
    return Optional.empty();
  }

  /** Reads the alias's properties again: a rebuild that moved the alias may change the model. */
  @Override
  public void refresh() throws IOException {
    try {
      Map<String, Map<String, String>> all =
          new CollectionAdminRequest.ListAliases().process(solr).getAliasProperties();
      aliasProperties = Map.copyOf(all.getOrDefault(collection, Map.of()));
    } catch (SolrServerException | SolrException e) {
      throw new IOException(
          "the aliases of the Solr cluster could not be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    requests.shutdown();
    solr.close();
  }
}
