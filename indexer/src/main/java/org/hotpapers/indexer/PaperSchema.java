package org.hotpapers.indexer;

import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.facet.FacetsConfig;

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

  /**
   * Analyzer for title, abstract and tweets: Unicode word splitting, lower case, accent folding,
   * CJK bigrams, English stop words and light (KStem) stemming.
   */
  public static Analyzer textAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new CJKWidthFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new CJKBigramFilter(stream);
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new KStemFilter(stream);
        return new TokenStreamComponents(source, stream);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(new CJKWidthFilter(in)));
      }
    };
  }

  /** Position gap between two names of one field, so a phrase never spans two people. */
  public static final int NAME_POSITION_GAP = 100;

  /** Analyzer for author and tweeter names: words, lower case, accent folding, no stemming. */
  public static Analyzer nameAnalyzer() {
    return new Analyzer() {
      @Override
      public int getPositionIncrementGap(String fieldName) {
        return NAME_POSITION_GAP;
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        return new TokenStreamComponents(source, stream);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /** Analyzer for exact fields (id, category): the whole value as one lower-cased term. */
  public static Analyzer exactAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new KeywordTokenizer();
        return new TokenStreamComponents(source, new LowerCaseFilter(source));
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
      }
    };
  }

  /** The analyzer for every field, for indexing and for query parsing alike. */
  public static Analyzer analyzer() {
    Analyzer names = nameAnalyzer();
    Analyzer exact = exactAnalyzer();
    return new PerFieldAnalyzerWrapper(
        textAnalyzer(),
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
