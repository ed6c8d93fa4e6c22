package org.hotpapers.server.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.hotpapers.indexer.Paper;
import org.hotpapers.indexer.PaperEmbedder;
import org.hotpapers.indexer.PaperSchema;
import org.hotpapers.server.search.Facets;
import org.hotpapers.server.search.InvalidQueryException;
import org.hotpapers.server.search.PaperCitation;
import org.hotpapers.server.search.PaperView;
import org.hotpapers.server.search.ScoreBreakdown;
import org.hotpapers.server.search.SearchEngine;
import org.hotpapers.server.search.SearchHit;
import org.hotpapers.server.search.SearchMode;
import org.hotpapers.server.search.SearchRequest;
import org.hotpapers.server.search.SearchResponse;
import org.hotpapers.server.search.SearchTimeoutException;
import org.hotpapers.server.search.SortOrder;
import org.hotpapers.server.search.Suggestion;
import org.hotpapers.server.search.TotalRelation;
import org.hotpapers.server.search.WordMatch;

/**
 * Searches the paper index: parses the query, applies filters, ranks, pages, counts facets and
 * highlights. Returns records and holds no HTTP types. Thread-safe; {@link #refresh()} picks up a
 * newly committed index without disturbing searches in flight.
 */
public final class SearchService implements SearchEngine {

  private static final int CATEGORY_FACET_SIZE = 50;
  private static final int YEAR_FACET_SIZE = 100;
  private static final int TWEETER_FACET_SIZE = 20;

  private final Directory directory;
  private volatile SearcherManager searchers;
  private final Analyzer analyzer = PaperSchema.analyzer();
  private final Analyzer nameAnalyzer = PaperSchema.nameAnalyzer();
  private final PaperQueries queries;
  private final PaperEmbedder embedder;

  /** Days of digests a search by date looks at first. */
  private static final long NEWEST_DAYS = 7;

  /** How long a search may run before it is stopped, unless told otherwise. */
  public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(2);

  private final Duration queryTimeout;

  /** Searches the slices of an index's segments side by side, one thread per core. */
  private final ExecutorService segmentThreads =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          task -> {
            Thread thread = new Thread(task, "segment-search");
            thread.setDaemon(true);
            return thread;
          });

  private volatile String damage;
  private volatile long damagedGeneration = -1;

  private SearchService(
      Directory directory, Duration queryTimeout, RankingWeights weights, PaperEmbedder embedder)
      throws IOException {
    this.directory = directory;
    this.queryTimeout = queryTimeout;
    this.embedder = embedder;
    this.queries = PaperQueries.forLucene(weights);
    this.searchers = openSearchers(directory);
    checkModel();
  }

  private static SearcherManager openSearchers(Directory directory) throws IOException {
    try {
      return new SearcherManager(directory, new PaperSearcher.Factory());
    } catch (IOException | RuntimeException e) {
      throw damaged(directory, e);
    }
  }

  private static DamagedIndexException damaged(Directory directory, Exception cause) {
    return new DamagedIndexException(
        "the index in "
            + describe(directory)
            + " is damaged ("
            + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage()))
            + "); rebuild it with: java -jar indexer/target/hotpapers-indexer.jar --posts POSTS"
            + " --index "
            + describe(directory)
            + " (if the rebuild cannot read the damaged commit either, empty that folder first)",
        cause);
  }

  private static String describe(Directory directory) {
    return directory instanceof FSDirectory fs
        ? fs.getDirectory().toString()
        : directory.toString();
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    String line = end < 0 ? message : message.substring(0, end);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  /**
   * Refuses an index whose vectors another model made: their similarities to this server's query
   * vectors would be noise.
   */
  private void checkModel() throws IOException {
    PaperSearcher searcher = (PaperSearcher) searchers.acquire();
    try {
      String indexed = searcher.vectorModel();
      if (indexed != null && embedder != null && !indexed.equals(embedder.model())) {
        throw new IllegalStateException(
            "the index holds vectors of the embedding model '"
                + indexed
                + "', but this server embeds queries with '"
                + embedder.model()
                + "': rebuild the index with this version, or with --embed=off");
      }
    } finally {
      searchers.release(searcher);
    }
  }

  /** Opens the index in {@code indexDir} for searching; it must hold a committed index. */
  public static SearchService open(Path indexDir) throws IOException {
    return open(indexDir, DEFAULT_QUERY_TIMEOUT);
  }

  /** Opens the index in {@code indexDir}, stopping any search that runs past {@code timeout}. */
  public static SearchService open(Path indexDir, Duration queryTimeout) throws IOException {
    return open(indexDir, queryTimeout, RankingWeights.DEFAULT);
  }

  /** Opens the index in {@code indexDir}, ranking with {@code weights}. */
  public static SearchService open(Path indexDir, Duration queryTimeout, RankingWeights weights)
      throws IOException {
    return open(indexDir, queryTimeout, weights, null);
  }

  /**
   * Opens the index in {@code indexDir}, ranking with {@code weights} and embedding queries with
   * {@code embedder} (words only if {@code null} or if the index has no vectors).
   *
   * @throws IllegalStateException if the index's vectors come from another model
   */
  public static SearchService open(
      Path indexDir, Duration queryTimeout, RankingWeights weights, PaperEmbedder embedder)
      throws IOException {
    Directory directory = FSDirectory.open(indexDir);
    try {
      return new SearchService(directory, queryTimeout, weights, embedder);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /**
   * Switches to the newest commit, if there is one; searches in flight finish on the old one. A
   * commit whose new segments fail their checksums is not switched to: the previous index stays
   * served, {@link #damage()} says why, and the same commit is not tried again.
   *
   * @throws DamagedIndexException when the newest commit is damaged (once per commit)
   */
  @Override
  public void refresh() throws IOException {
    long newest = SegmentInfos.getLastCommitGeneration(directory);
    if (newest == damagedGeneration) {
      return;
    }
    try {
      if (damage == null) {
        searchers.maybeRefreshBlocking();
      } else {
        reopen();
      }
      damage = null;
    } catch (IOException | RuntimeException e) {
      damagedGeneration = newest;
      DamagedIndexException damaged = damaged(directory, e);
      damage = damaged.getMessage();
      throw damaged;
    }
  }

  /**
   * Opens the newest commit afresh after a damaged one: a rebuild that had to remove a damaged
   * commit point restarts the commit numbering, which a reopen would take for no change.
   */
  private synchronized void reopen() throws IOException {
    SearcherManager fresh = openSearchers(directory);
    SearcherManager old = searchers;
    searchers = fresh;
    old.close();
  }

  /** Why the newest commit is not served, or empty when the served index is the newest. */
  @Override
  public Optional<String> damage() {
    return Optional.ofNullable(damage);
  }

  /** Number of papers in the index being served. */
  @Override
  public int paperCount() {
    return withSearcher(searcher -> searcher.getIndexReader().numDocs());
  }

  /** The embedding model that searches by meaning use, if the index being served has vectors. */
  @Override
  public Optional<String> semanticModel() {
    return withSearcher(
        searcher -> Optional.ofNullable(hasMeaning(searcher) ? embedder.model() : null));
  }

  private boolean hasMeaning(PaperSearcher searcher) {
    return embedder != null && embedder.model().equals(searcher.vectorModel());
  }

  /** One whole paper, with its tweets. */
  @Override
  public Optional<PaperView> paper(String id) {
    return stored(id).map(PaperView::of);
  }

  /** The BibTeX entry of paper {@code id}, if the index has it. */
  @Override
  public Optional<String> citation(String id) {
    return stored(id).map(PaperCitation::bibtex);
  }

  /** The paper with arXiv id {@code id}, as stored, if the index has it. */
  private Optional<Paper> stored(String id) {
    return withSearcher(
        searcher -> {
          OptionalInt doc = searcher.docOf(id);
          return doc.isEmpty() ? Optional.empty() : Optional.of(searcher.paper(doc.getAsInt()));
        });
  }

  /** Runs a search, correcting misspelled words unless the request turns that off. */
  @Override
  public SearchResponse search(SearchRequest request) {
    long start = System.nanoTime();
    return withSearcher(
        shared -> {
          IndexSearcher searcher = shared.timed(queryTimeout, segmentThreads);
          String correction = queries.correct(searcher.getIndexReader(), request.q());
          boolean corrected = correction != null && request.fuzzy();
          UserQuery query = queries.parse(searcher, corrected ? correction : request.q());
          Query categories = categoryFilter(request.categories());
          Query author = request.author().isBlank() ? null : queries.author(request.author());
          Query tweeter = tweeterFilter(request.tweeter());
          Query dates = dateFilter(request);
          Query filter = filtered(new MatchAllDocsQuery(), categories, author, tweeter, dates);
          WordMatch match = queries.plan(searcher, query, filter, request.match());
          String typed = corrected ? correction : request.q();
          SearchMode mode = mode(shared, request, query);
          PaperQueries.Ranking ranking =
              queries.rank(
                  query,
                  match,
                  mode,
                  mode == SearchMode.LEXICAL ? null : nearest(searcher, typed, filter),
                  request.pop());
          Query matchOnly = ranking.matched();
          Query ranked = ranking.ranked();
          Query main = filtered(ranked, categories, author, tweeter, dates);

          int window = request.page() * request.size();
          boolean everything =
              query.matchesEverything()
                  && categories == null
                  && author == null
                  && tweeter == null
                  && dates == null;
          Sort sort = sort(searcher, request);
          TopDocs top;
          FacetSample all = null;
          if (request.sort() == SortOrder.DATE) {
            all =
                everything
                    ? null
                    : counted(searcher, filtered(matchOnly, categories, author, tweeter, dates));
            top = newest(searcher, main, sort, window);
            TopFieldCollector.populateScores(top.scoreDocs, searcher, main);
          } else if (everything) {
            top =
                sort == null
                    ? searcher.search(main, new TopScoreDocCollectorManager(window, null, window))
                    : searcher.search(main, window, sort, true);
          } else {
            Object[] collected =
                searcher.search(
                    main,
                    new MultiCollectorManager(
                        sort == null
                            ? new TopScoreDocCollectorManager(window, null, Integer.MAX_VALUE)
                            : new TopFieldCollectorManager(sort, window, null, Integer.MAX_VALUE),
                        new FacetsCollectorManager()));
            top = (TopDocs) collected[0];
            all = FacetSample.of((FacetsCollector) collected[1]);
            if (sort != null) {
              TopFieldCollector.populateScores(top.scoreDocs, searcher, main);
            }
          }
          FacetSample categoryBase =
              categories == null
                  ? all
                  : counted(searcher, filtered(matchOnly, null, author, tweeter, dates));
          FacetSample yearBase =
              dates == null
                  ? all
                  : counted(searcher, filtered(matchOnly, categories, author, tweeter, null));
          FacetSample tweeterBase =
              tweeter == null
                  ? all
                  : counted(searcher, filtered(matchOnly, categories, author, null, dates));
          FacetCounter counter = new FacetCounter(shared);
          Facets facets =
              new Facets(
                  byCount(
                      counter.top(categoryBase, PaperSchema.CATEGORY_FACET, CATEGORY_FACET_SIZE)),
                  counter.top(yearBase, PaperSchema.YEAR_FACET, YEAR_FACET_SIZE).stream()
                      .sorted(Comparator.comparing(Facets.FacetValue::value))
                      .toList(),
                  byCount(counter.top(tweeterBase, PaperSchema.TWEETER_FACET, TWEETER_FACET_SIZE)));

          if (searcher.timedOut()) {
            throw new SearchTimeoutException(queryTimeout.toMillis());
          }
          ScoreDoc[] page = pageOf(top.scoreDocs, request);
          List<SearchHit> hits =
              hits(
                  shared,
                  searcher,
                  page,
                  query.highlight(),
                  request.explain() ? ranked : null,
                  ranking.lexical() == ranking.matched() ? null : ranking.lexical());
          double tookMs = Math.round((System.nanoTime() - start) / 1_000.0) / 1_000.0;
          return new SearchResponse(
              everything ? searcher.getIndexReader().numDocs() : all.matched(),
              request.page(),
              request.size(),
              tookMs,
              hits,
              facets,
              correction,
              corrected,
              match,
              counter.approximate(),
              everything ? TotalRelation.EQ : all.relation());
        });
  }

  /**
   * Up to {@code size} papers like paper {@code id} (not itself), or empty for an unknown id: the
   * nearest by meaning when the index has vectors, by shared words otherwise.
   */
  @Override
  public Optional<List<SearchHit>> similar(String id, int size) {
    return withSearcher(
        searcher -> {
          OptionalInt source = searcher.docOf(id);
          if (source.isEmpty()) {
            return Optional.empty();
          }
          int doc = source.getAsInt();
          float[] vector = hasMeaning(searcher) ? searcher.vector(doc) : null;
          Query like =
              vector == null
                  ? SimilarPapers.query(searcher, analyzer, doc, searcher.paper(doc))
                  : SimilarPapers.nearest(vector, searcher.paper(doc), size);
          ScoreDoc[] top = searcher.search(like, size).scoreDocs;
          return Optional.of(hits(searcher, searcher, top, null, null, null));
        });
  }

  /** Up to {@code size} completions of {@code prefix}, most discussed first. */
  @Override
  public List<Suggestion> suggest(String prefix, List<String> categories, int size) {
    return withSearcher(
        searcher -> searcher.suggester(nameAnalyzer).suggest(prefix, categories, size));
  }

  /**
   * Which evidence ranks this search: the request's mode, with words only for a blank query, an id,
   * or an index without vectors of this server's model.
   *
   * @throws InvalidQueryException for {@code mode=semantic} on an index without vectors
   */
  private SearchMode mode(PaperSearcher searcher, SearchRequest request, UserQuery query) {
    if (request.mode() == SearchMode.SEMANTIC && !hasMeaning(searcher)) {
      throw new InvalidQueryException(
          "mode=semantic needs an index built with embeddings; this one has words only");
    }
    if (request.mode() == SearchMode.LEXICAL || !hasMeaning(searcher) || query.words().isEmpty()) {
      return SearchMode.LEXICAL;
    }
    return request.mode();
  }

  /**
   * The papers nearest the query's meaning, within the filters: the vector search runs once, here,
   * and the query it leaves scores those papers by similarity, on {@code searcher}'s reader. It
   * runs on the segments one after another, whatever executor {@code searcher} has: searched side
   * by side, segments share the best similarity found so far in whichever order they finish, and
   * the approximate nearest papers would vary from run to run.
   */
  private Query nearest(IndexSearcher searcher, String q, Query filter) throws IOException {
    return new IndexSearcher(searcher.getIndexReader())
        .rewrite(
            new NearestVectorsQuery(
                PaperSchema.VECTOR,
                embedder.embedQuery(q),
                PaperQueries.SEMANTIC_CANDIDATES,
                filter instanceof MatchAllDocsQuery ? null : filter));
  }

  private static Query filtered(Query query, Query... filters) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder().add(query, Occur.MUST);
    boolean any = false;
    for (Query filter : filters) {
      if (filter != null) {
        builder.add(filter, Occur.FILTER);
        any = true;
      }
    }
    return any ? builder.build() : query;
  }

  private static Query categoryFilter(List<String> categories) {
    if (categories.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String category : categories) {
      any.add(
          new TermQuery(new Term(PaperSchema.CATEGORY, PaperSchema.categoryTerm(category))),
          Occur.SHOULD);
    }
    return any.build();
  }

  private static Query tweeterFilter(String tweeter) {
    if (tweeter.isBlank()) {
      return null;
    }
    return new TermQuery(new Term(PaperSchema.TWEETER_HANDLE, PaperSchema.handleTerm(tweeter)));
  }

  private static Query dateFilter(SearchRequest request) {
    if (request.from() == null && request.to() == null) {
      return null;
    }
    long from = request.from() == null ? Long.MIN_VALUE : request.from().toEpochDay();
    long to = request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay();
    return LongPoint.newRangeQuery(PaperSchema.DATE, from, to);
  }

  /** The order of {@code request}, or {@code null} for relevance. */
  private static Sort sort(IndexSearcher searcher, SearchRequest request) throws IOException {
    return switch (request.sort()) {
      case RELEVANCE -> null;
      case DATE -> byDate();
      case ENGAGEMENT -> byEngagement();
      case TRENDING -> byTrending(searcher, request.halfLifeDays());
    };
  }

  /**
   * The first {@code window} matches of {@code main} by {@code byDate}, searched among the newest
   * papers first: a week of digests, then four times as many days until the window is full or every
   * date is in. Sorting every match of a broad query instead makes nearly each one a competitive
   * hit, since papers are indexed mostly oldest first, and each costs a look-up of its id. Any
   * paper left out is older than every paper searched, so the page is the one the whole sort would
   * give.
   */
  private static TopDocs newest(IndexSearcher searcher, Query main, Sort byDate, int window)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    byte[] max = PointValues.getMaxPackedValue(reader, PaperSchema.LATEST_DATE);
    byte[] min = PointValues.getMinPackedValue(reader, PaperSchema.LATEST_DATE);
    if (max == null) {
      return searcher.search(main, window, byDate);
    }
    long newest = LongPoint.decodeDimension(max, 0);
    long oldest = LongPoint.decodeDimension(min, 0);
    for (long days = NEWEST_DAYS; ; days *= 4) {
      long from = newest - days + 1;
      if (from <= oldest) {
        return searcher.search(main, window, byDate);
      }
      TopDocs top =
          searcher.search(
              filtered(main, LongPoint.newRangeQuery(PaperSchema.LATEST_DATE, from, newest)),
              window,
              byDate);
      if (top.scoreDocs.length >= window) {
        return top;
      }
    }
  }

  private static Sort byDate() {
    return new Sort(
        new SortField(PaperSchema.LATEST_DATE, SortField.Type.LONG, true),
        new SortField(PaperSchema.ENGAGEMENT, SortField.Type.LONG, true),
        new SortField(PaperSchema.ID, SortField.Type.STRING));
  }

  /** Trending value, then newest, relative to the newest digest date in the index. */
  private static Sort byTrending(IndexSearcher searcher, double halfLifeDays) throws IOException {
    byte[] newest = PointValues.getMaxPackedValue(searcher.getIndexReader(), PaperSchema.DATE);
    long newestDay = newest == null ? 0 : LongPoint.decodeDimension(newest, 0);
    return new Sort(
        new TrendingValues(newestDay, halfLifeDays).getSortField(true),
        new SortField(PaperSchema.LATEST_DATE, SortField.Type.LONG, true),
        new SortField(PaperSchema.ID, SortField.Type.STRING));
  }

  private static Sort byEngagement() {
    return new Sort(
        new SortField(PaperSchema.ENGAGEMENT, SortField.Type.LONG, true),
        new SortField(PaperSchema.LATEST_DATE, SortField.Type.LONG, true),
        new SortField(PaperSchema.ID, SortField.Type.STRING));
  }

  /**
   * The matches of {@code query} where only their number and facets are needed (a filtered
   * dimension's other values, a search by date whose page is taken apart), sampled without visiting
   * each of them when there are many.
   */
  private static FacetSample counted(IndexSearcher searcher, Query query) throws IOException {
    return FacetSample.collect(searcher, UnscoredMatch.of(query));
  }

  private static List<Facets.FacetValue> byCount(List<Facets.FacetValue> values) {
    return values.stream()
        .sorted(
            Comparator.comparingInt(Facets.FacetValue::count)
                .reversed()
                .thenComparing(Facets.FacetValue::value))
        .toList();
  }

  /**
   * Counts facets, once per sample since one pass covers every dimension; a {@code null} sample
   * stands for every paper, whose counts the searcher keeps.
   */
  private static final class FacetCounter {
    private final PaperSearcher searcher;
    private final Map<FacetSample, SortedSetDocValuesFacetCounts> counted = new IdentityHashMap<>();

    FacetCounter(PaperSearcher searcher) {
      this.searcher = searcher;
    }

    private SortedSetDocValuesFacetCounts counts(FacetSample sample) throws IOException {
      SortedSetDocValuesFacetCounts counts = counted.get(sample);
      if (counts == null) {
        counts = new SortedSetDocValuesFacetCounts(searcher.facetState(), sample.counted());
        counted.put(sample, counts);
      }
      return counts;
    }

    /** Whether any count so far is an estimate from a sample. */
    boolean approximate() {
      return counted.keySet().stream().anyMatch(FacetSample::approximate);
    }

    /** The top {@code size} values of {@code dimension} over {@code sample}. */
    List<Facets.FacetValue> top(FacetSample sample, String dimension, int size) throws IOException {
      if (searcher.facetState() == null || searcher.facetState().getOrdRange(dimension) == null) {
        return List.of();
      }
      FacetResult result =
          sample == null
              ? searcher.topOfAll(dimension, size)
              : counts(sample).getTopChildren(size, dimension);
      if (result == null) {
        return List.of();
      }
      List<Facets.FacetValue> values = new ArrayList<>();
      for (LabelAndValue value : result.labelValues) {
        int count = value.value.intValue();
        values.add(
            new Facets.FacetValue(value.label, sample == null ? count : sample.estimate(count)));
      }
      return values;
    }
  }

  private static ScoreDoc[] pageOf(ScoreDoc[] all, SearchRequest request) {
    int from = (request.page() - 1) * request.size();
    if (from >= all.length) {
      return new ScoreDoc[0];
    }
    ScoreDoc[] page = new ScoreDoc[Math.min(request.size(), all.length - from)];
    System.arraycopy(all, from, page, 0, page.length);
    return page;
  }

  /**
   * The hits of a page, loaded from {@code papers}, highlighted with {@code highlightQuery} and
   * explained by {@code explainQuery} if not null (both on {@code searcher}, the reader the page
   * was found on); a hit that {@code lexical} (if not null) does not match was found by meaning
   * alone.
   */
  private List<SearchHit> hits(
      PaperSearcher papersOf,
      IndexSearcher searcher,
      ScoreDoc[] page,
      Query highlightQuery,
      Query explainQuery,
      Query lexical)
      throws IOException {
    Weight words =
        lexical == null
            ? null
            : searcher.createWeight(searcher.rewrite(lexical), ScoreMode.COMPLETE_NO_SCORES, 1f);
    int[] docIds = new int[page.length];
    Map<Integer, Paper> papers = new HashMap<>();
    for (int i = 0; i < page.length; i++) {
      docIds[i] = page[i].doc;
      papers.put(page[i].doc, papersOf.paper(page[i].doc));
    }
    List<Map<String, List<String>>> highlights =
        PaperHighlighter.highlights(searcher, analyzer, papers, docIds, highlightQuery);
    List<SearchHit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Paper paper = papers.get(page[i].doc);
      Map<String, List<String>> highlight = highlights.get(i);
      ScoreBreakdown explain =
          explainQuery == null ? null : ScoreExplainer.explain(searcher, explainQuery, page[i].doc);
      boolean byMeaning =
          words != null && !PageHits.matches(searcher.getIndexReader(), words, page[i].doc);
      hits.add(SearchHit.of(paper, page[i].score, highlight, explain, byMeaning));
    }
    return hits;
  }

  private <T> T withSearcher(SearcherWork<T> work) {
    SearcherManager manager = searchers;
    PaperSearcher searcher;
    try {
      searcher = (PaperSearcher) manager.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return work.apply(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidQueryException("q expands to too many terms; make wildcards more specific");
    } finally {
      try {
        manager.release(searcher);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Work done with an acquired searcher. */
  @FunctionalInterface
  private interface SearcherWork<T> {
    T apply(PaperSearcher searcher) throws IOException;
  }

  @Override
  public void close() throws IOException {
    segmentThreads.shutdown();
    try {
      searchers.close();
    } finally {
      directory.close();
    }
  }
}
