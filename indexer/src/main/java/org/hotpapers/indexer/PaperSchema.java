package org.hotpapers.indexer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
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
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
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

  /**
   * Analyzer for title, abstract and tweets: Unicode word splitting, lower case, accent folding,
   * CJK bigrams, English stop words and light (KStem) stemming.
   */
  public static Analyzer textAnalyzer() {
    return textAnalyzer(null);
  }

  /**
   * The text analyzer, with {@code synonyms} (if not {@code null}) applied after folding and before
   * stop words and stemming, so that rules match words as typed and their output is stemmed as
   * indexed text is.
   */
  private static Analyzer textAnalyzer(SynonymMap synonyms) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = foldedWords(source);
        stream = new CJKBigramFilter(stream);
        if (synonyms != null) {
          stream = new SynonymGraphFilter(stream, synonyms, true);
          stream = new StopFilter(stream, QUESTION_WORDS);
        }
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

  private static TokenStream foldedWords(Tokenizer source) {
    TokenStream stream = new EnglishPossessiveFilter(source);
    stream = new CJKWidthFilter(stream);
    stream = new LowerCaseFilter(stream);
    return new ASCIIFoldingFilter(stream);
  }

  /** Words lower-cased and accent-folded as the text analyzer does before its synonyms. */
  private static Analyzer foldingAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, foldedWords(source));
      }
    };
  }

  /**
   * The acronym rules of {@code acronyms.txt}: with {@code expand}, every form stands for every
   * other; without, every form is replaced by the acronym that heads its line.
   */
  private static SynonymMap acronyms(boolean expand) {
    try (InputStream in = PaperSchema.class.getResourceAsStream("acronyms.txt");
        Analyzer folding = foldingAnalyzer()) {
      if (in == null) {
        throw new IllegalStateException("acronyms.txt is missing from the indexer jar");
      }
      SolrSynonymParser parser = new SolrSynonymParser(true, expand, folding);
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        parser.parse(reader);
      }
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("acronyms.txt line " + e.getErrorOffset() + ": " + e, e);
    }
  }

  /**
   * Analyzer that finds spelled-out forms of acronyms: each match is one token of type {@code
   * SYNONYM} holding the acronym, with the offsets of the words it replaces.
   */
  public static Analyzer acronymAnalyzer() {
    SynonymMap contract = acronyms(false);
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(
            source, new SynonymGraphFilter(foldedWords(source), contract, true));
      }
    };
  }

  /**
   * Words that ask rather than describe ("how do transformers handle long inputs"): indexed, but
   * dropped from queries, where they would be words to require and would count as matches.
   */
  public static final CharArraySet QUESTION_WORDS =
      CharArraySet.unmodifiableSet(
          new CharArraySet(
              List.of(
                  "how", "what", "which", "who", "whom", "whose", "why", "when", "where", "does",
                  "do", "did", "can", "could", "should", "would", "about", "any", "there"),
              false));

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

  /** The analyzer for every field, for indexing. */
  public static Analyzer analyzer() {
    return perField(textAnalyzer());
  }

  /**
   * The analyzer for queries: the indexing analyzer, with acronyms and their spelled-out forms
   * ({@code acronyms.txt}) standing for each other in title, abstract and tweets.
   */
  public static Analyzer queryAnalyzer() {
    return perField(textAnalyzer(acronyms(true)));
  }

  private static Analyzer perField(Analyzer text) {
    Analyzer names = nameAnalyzer();
    Analyzer exact = exactAnalyzer();
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
