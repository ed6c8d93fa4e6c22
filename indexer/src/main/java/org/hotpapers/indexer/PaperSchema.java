package org.hotpapers.indexer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.facet.FacetsConfig;
import org.hotpapers.indexer.AnalysisChain.Step;

/**
 * The layout of the paper index: every field name, the analyzers, and the facet dimensions. The
 * indexer, the server and the tests all take field names from here.
 */
public final class PaperSchema {

  /** arXiv id, exact; stored, sortable. */
  public static final String ID = "id";

  /** Title text; stored with offsets for highlighting. */
  public static final String TITLE = "title";

  /** One value per author name; analyzed without stemming, stored. */
  public static final String AUTHOR = "author";

  /** Abstract text; stored with offsets for highlighting. */
  public static final String ABSTRACT = "abstract";

  /** One value per tweet text; stored with offsets for highlighting. */
  public static final String TWEET = "tweet";

  /**
   * The fields analyzed by {@link #textAnalyzer()} (title, abstract, tweets): they share one
   * vocabulary of stemmed words.
   */
  public static final List<String> TEXT_FIELDS = List.of(TITLE, ABSTRACT, TWEET);

  /** Names and handles of the people who tweeted about the paper; searchable, not stored. */
  public static final String TWEETER = "tweeter";

  /** Handles of the people who tweeted, lower-cased exact terms for the tweeter filter. */
  public static final String TWEETER_HANDLE = "tweeter_handle";

  /**
   * Unstemmed words of titles: the vocabulary that spelling corrections come from (abstracts are
   * left out, as they would double the words to index for little gain in corrections).
   */
  public static final String SPELL = "spell";

  /** arXiv categories: lower-cased exact terms for filtering, original spelling stored. */
  public static final String CATEGORY = "cat";

  /** Digest dates: points (epoch day) for range filters, ISO strings stored. */
  public static final String DATE = "date";

  /**
   * Newest digest date as epoch day: a doc value for sorting by date, and a point with the same
   * value so the sort can skip papers that cannot make the page.
   */
  public static final String LATEST_DATE = "latest_date";

  /** Retweets, stored. */
  public static final String RETWEETS = "retweets";

  /** Favorites, stored. */
  public static final String FAVORITES = "favorites";

  /** Retweets plus favorites: a doc value for sorting by engagement, and a point to skip with. */
  public static final String ENGAGEMENT = "engagement";

  /** The {@code FeatureField} that holds ranking features. */
  public static final String FEATURES = "features";

  /**
   * The engagement feature in a Solr collection: a {@code RankField} of {@link
   * #engagementFeature(Paper)}, queried with {@code {!rank}} (Solr keeps every rank field in one
   * Lucene {@code FeatureField} of its own).
   */
  public static final String SOLR_ENGAGEMENT_RANK = "engagement_rank";

  /** The engagement feature inside {@link #FEATURES}: {@link #engagementFeature(Paper)}. */
  public static final String ENGAGEMENT_FEATURE = "engagement";

  /** Stored tweet author names, parallel to {@link #TWEET}. */
  public static final String TWEET_NAME = "tweet_name";

  /** Stored tweet handles, parallel to {@link #TWEET}. */
  public static final String TWEET_HANDLE = "tweet_handle";

  /** Stored tweet dates (ISO, or empty), parallel to {@link #TWEET}. */
  public static final String TWEET_DATE = "tweet_date";

  /** Stored tweet links, parallel to {@link #TWEET}. */
  public static final String TWEET_URL = "tweet_url";

  /**
   * The paper's sentence embedding ({@link PaperEmbedder}): a unit-length vector in an HNSW graph,
   * compared by dot product; absent from an index built without embeddings.
   */
  public static final String VECTOR = "vector";

  /** Commit data key naming the embedding model of {@link #VECTOR}; absent without embeddings. */
  public static final String EMBEDDING_MODEL = "embedding_model";

  /** Commit data key giving the length of the vectors in {@link #VECTOR}. */
  public static final String EMBEDDING_DIMENSIONS = "embedding_dimensions";

  /** Facet dimension of arXiv categories (multi-valued). */
  public static final String CATEGORY_FACET = "categories";

  /** Facet dimension of digest years (multi-valued). */
  public static final String YEAR_FACET = "years";

  /** Facet dimension of the handles that tweeted about a paper (multi-valued). */
  public static final String TWEETER_FACET = "tweeters";

  private PaperSchema() {}

  /**
   * The engagement feature value: {@code 1 + retweets + favorites}, always above zero as {@code
   * FeatureField} requires.
   */
  public static float engagementFeature(Paper paper) {
    return 1f + paper.engagement();
  }

  /** Words as the text and acronym chains see them: possessives removed, folded, lower case. */
  private static final AnalysisChain FOLDED_WORDS =
      AnalysisChain.of(
          Step.of("standard"),
          Step.of("englishPossessive"),
          Step.of("cjkWidth"),
          Step.of("lowercase"),
          Step.of("asciiFolding"));

  /** The stop words and stemming that end the text chains. */
  private static final Step[] STOP_AND_STEM = {Step.of("stop"), Step.of("kStem")};

  /**
   * The acronym rules of {@code acronyms.txt} in Solr's synonym format: with {@code expand}, every
   * form stands for every other; without, every form is replaced by the acronym that heads its
   * line. Rules are split into words as text is and matched in lower case.
   */
  private static Step acronyms(boolean expand) {
    return Step.of(
        "synonymGraph",
        "synonyms",
        ACRONYMS_FILE,
        "format",
        "solr",
        "expand",
        Boolean.toString(expand),
        "ignoreCase",
        "true",
        "tokenizerFactory",
        StandardTokenizerFactory.class.getName());
  }

  /** The acronym list, a resource beside this class (and a file of the Solr configset). */
  public static final String ACRONYMS_FILE = "acronyms.txt";

  /** The question words, a resource beside this class (and a file of the Solr configset). */
  public static final String QUESTION_WORDS_FILE = "question-words.txt";

  /**
   * Title, abstract and tweets as indexed: Unicode word splitting, lower case, accent folding, CJK
   * bigrams, English stop words and light (KStem) stemming.
   */
  public static final AnalysisChain TEXT_CHAIN =
      FOLDED_WORDS.then(Step.of("cjkBigram")).then(STOP_AND_STEM);

  /**
   * Title, abstract and tweets as searched: the text chain, with acronyms and their spelled-out
   * forms standing for each other after folding and before stop words and stemming (so rules match
   * words as typed and their output is stemmed as indexed text is), and question words ("how do
   * transformers handle long inputs") dropped: indexed, they would be words to require and would
   * count as matches.
   */
  public static final AnalysisChain TEXT_QUERY_CHAIN =
      FOLDED_WORDS
          .then(Step.of("cjkBigram"), acronyms(true), Step.of("stop", "words", QUESTION_WORDS_FILE))
          .then(STOP_AND_STEM);

  /**
   * Spelled-out forms of acronyms found in a query: each match is one token of type {@code SYNONYM}
   * holding the acronym, with the offsets of the words it replaces.
   */
  public static final AnalysisChain ACRONYM_CHAIN = FOLDED_WORDS.then(acronyms(false));

  /** Position gap between two names of one field, so a phrase never spans two people. */
  public static final int NAME_POSITION_GAP = 100;

  /** Author and tweeter names: words, lower case, accent folding, no stemming. */
  public static final AnalysisChain NAME_CHAIN =
      AnalysisChain.of(Step.of("standard"), Step.of("lowercase"), Step.of("asciiFolding"))
          .withPositionIncrementGap(NAME_POSITION_GAP);

  /** Exact fields (id, category): the whole value as one lower-cased term. */
  public static final AnalysisChain EXACT_CHAIN =
      AnalysisChain.of(Step.of("keyword"), Step.of("lowercase"));

  /** Analyzer for title, abstract and tweets: {@link #TEXT_CHAIN}. */
  public static Analyzer textAnalyzer() {
    return TEXT_CHAIN.build();
  }

  /** Analyzer that finds spelled-out forms of acronyms: {@link #ACRONYM_CHAIN}. */
  public static Analyzer acronymAnalyzer() {
    return ACRONYM_CHAIN.build();
  }

  /** Analyzer for author and tweeter names: {@link #NAME_CHAIN}. */
  public static Analyzer nameAnalyzer() {
    return NAME_CHAIN.build();
  }

  /** Analyzer for exact fields (id, category): {@link #EXACT_CHAIN}. */
  public static Analyzer exactAnalyzer() {
    return EXACT_CHAIN.build();
  }

  /** The analyzer for every field, for indexing. */
  public static Analyzer analyzer() {
    return perField(TEXT_CHAIN.build());
  }

  /**
   * The analyzer for queries: the indexing analyzer, with acronyms and their spelled-out forms
   * ({@code acronyms.txt}) standing for each other in title, abstract and tweets.
   */
  public static Analyzer queryAnalyzer() {
    return perField(TEXT_QUERY_CHAIN.build());
  }

  private static Analyzer perField(Analyzer text) {
    Analyzer names = NAME_CHAIN.build();
    Analyzer exact = EXACT_CHAIN.build();
    return new PerFieldAnalyzerWrapper(
        text,
        Map.of(
            AUTHOR, names,
            TWEETER, names,
            SPELL, names,
            CATEGORY, exact,
            TWEETER_HANDLE, exact,
            ID, exact));
  }

  /** Facet settings: both dimensions are multi-valued. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(CATEGORY_FACET, true);
    config.setMultiValued(YEAR_FACET, true);
    config.setMultiValued(TWEETER_FACET, true);
    return config;
  }

  /** The exact term a category is indexed under in {@link #CATEGORY}. */
  public static String categoryTerm(String category) {
    return category.toLowerCase(Locale.ROOT);
  }

  /** The exact term a handle is indexed under in {@link #TWEETER_HANDLE}, without any {@code @}. */
  public static String handleTerm(String handle) {
    return handle.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
  }
}
