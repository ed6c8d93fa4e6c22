package org.hotpapers.server.lucene;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.hotpapers.indexer.PaperSchema;
import org.hotpapers.server.search.InvalidQueryException;
import org.hotpapers.server.search.MatchMode;
import org.hotpapers.server.search.SearchMode;
import org.hotpapers.server.search.WordMatch;

/**
 * The Lucene queries of one search: the user's words parsed against an index, how many of them a
 * paper must hold, and the query that ranks by words, meaning and engagement. The embedded index
 * and each Solr shard ({@code org.hotpapers.server.solr.PaperQParserPlugin}) build them here, so
 * both backends match and rank alike.
 */
public final class PaperQueries {

  /** Papers a search by meaning takes from the vector index. */
  public static final int SEMANTIC_CANDIDATES = 50;

  /** Corrections a spelling index offers per unknown word. */
  public static final int SPELLING_CANDIDATES = SpellingCorrector.MAX_CANDIDATES;

  private final RankingWeights weights;
  private final PaperQueryParser parser;
  private final Analyzer nameAnalyzer = PaperSchema.nameAnalyzer();
  private final SpellingCorrector corrector = new SpellingCorrector(PaperSchema.analyzer());
  private final String featureField;
  private final String featureName;

  /**
   * Queries ranked with {@code weights}, reading the engagement feature {@code featureName} of the
   * {@code FeatureField} {@code featureField}.
   */
  public PaperQueries(RankingWeights weights, String featureField, String featureName) {
    this.weights = weights;
    this.parser =
        new PaperQueryParser(PaperSchema.queryAnalyzer(), PaperSchema.acronymAnalyzer(), weights);
    this.featureField = featureField;
    this.featureName = featureName;
  }

  /** Queries over an index that {@code PaperIndexer} wrote. */
  public static PaperQueries forLucene(RankingWeights weights) {
    return new PaperQueries(weights, PaperSchema.FEATURES, PaperSchema.ENGAGEMENT_FEATURE);
  }

  /**
   * {@code q} with each word that no text of {@code reader}'s index holds replaced by its likeliest
   * correction, or {@code null} when every word is known or none has a correction.
   */
  public String correct(IndexReader reader, String q) throws IOException {
    return corrector.correct(spelling(reader), q);
  }

  /** {@code q} corrected as {@link #correct(IndexReader, String)} does, asking {@code index}. */
  public String correct(SpellingIndex index, String q) throws IOException {
    return corrector.correct(index, q);
  }

  /** The spelling questions answered by the index of {@code reader} alone. */
  public SpellingIndex spelling(IndexReader reader) {
    return corrector.index(reader);
  }

  /** The words of {@code q} that a correction may replace, lower case. */
  public static List<String> correctable(String q) {
    return SpellingCorrector.candidates(q);
  }

  /** The titles holding {@code candidate}, scored by the groups of {@code context} they hold. */
  public static Query together(String candidate, List<List<String>> context) {
    return SpellingCorrector.together(candidate, context);
  }

  /**
   * Parses {@code q} against the index of {@code searcher}: an arXiv id that it holds stands for
   * that paper; otherwise each word also matches its other forms in the index.
   *
   * @throws InvalidQueryException when {@code q} is not a valid query
   */
  public UserQuery parse(IndexSearcher searcher, String q) throws IOException {
    String id = PaperQueryParser.arxivId(q);
    if (id != null) {
      UserQuery byId = PaperQueryParser.idQuery(id);
      if (searcher.count(byId.match(0)) > 0) {
        return byId;
      }
    }
    return parser.parse(q, searcher.getIndexReader());
  }

  /** The arXiv id (or abs/pdf URL's id) that {@code q} consists of, or {@code null}. */
  public static String arxivId(String q) {
    return PaperQueryParser.arxivId(q);
  }

  /** Parses {@code q} as words alone, with no index to look their other forms up in. */
  public UserQuery parseWords(String q) throws IOException {
    try (IndexReader noPapers = new MultiReader()) {
      return parser.parse(q, noPapers);
    }
  }

  /**
   * The words {@code query} requires under {@code mode} among the papers that match {@code filter}
   * in {@code searcher}'s index; {@code null} when the query has no plain words.
   */
  public WordMatch plan(IndexSearcher searcher, UserQuery query, Query filter, MatchMode mode)
      throws IOException {
    return GradedMatcher.plan(searcher, query, filter, mode);
  }

  /**
   * The plan of {@code query} when at most {@code most} of its words are held by one paper (the
   * best score of {@link #wordsHeld}); {@code null} when the query has no plain words.
   */
  public WordMatch plan(UserQuery query, MatchMode mode, int most) {
    return GradedMatcher.plan(query, mode, most);
  }

  /** Whether the plan of {@code query} under {@code mode} needs the count of {@link #wordsHeld}. */
  public boolean needsCount(UserQuery query, MatchMode mode) {
    return GradedMatcher.needsCount(query, mode);
  }

  /**
   * The papers meeting the constraints of {@code query}, scored by how many of its words they hold.
   */
  public Query wordsHeld(UserQuery query) {
    return GradedMatcher.wordsHeld(query, new MatchAllDocsQuery());
  }

  /** The author filter: every word within one author's name, any order, initials allowed. */
  public Query author(String name) {
    Query query = NameQuery.of(nameAnalyzer, PaperSchema.AUTHOR, name);
    if (query == null) {
      throw new InvalidQueryException("author has no letters or digits to search for");
    }
    return query;
  }

  /**
   * The ranking of {@code query} when it requires {@code match} words, by the evidence of {@code
   * mode}, with {@code nearest} (the papers nearest the query's meaning; {@code null} for {@link
   * SearchMode#LEXICAL}) and engagement weighted by {@code pop}.
   */
  public Ranking rank(
      UserQuery query, WordMatch match, SearchMode mode, Query nearest, double pop) {
    Query lexicalMatch =
        query.matchesEverything()
            ? new MatchAllDocsQuery()
            : query.match(match == null ? 0 : match.required());
    Query text = textRelevance(query, lexicalMatch, match);
    HybridBlend blend =
        switch (mode) {
          case LEXICAL -> HybridBlend.lexical(text, lexicalMatch);
          case HYBRID -> HybridBlend.hybrid(text, lexicalMatch, nearest, match, weights);
          case SEMANTIC -> HybridBlend.semantic(nearest, lexicalMatch, weights);
        };
    return new Ranking(withEngagement(blend.scored(), pop), blend.matched(), blend.lexical());
  }

  /**
   * Text relevance of {@code match}, plus the distinct-word bonus for each of the query's words
   * that a paper holds, plus, when every word was required (a known-item query), the words' scores
   * in the title alone.
   */
  private Query textRelevance(UserQuery query, Query match, WordMatch words) {
    BooleanQuery.Builder ranked =
        new BooleanQuery.Builder()
            .add(match, query.matchesEverything() ? Occur.FILTER : Occur.MUST);
    if (weights.titleMatchBoost() > 0 && (words == null || !words.relaxed())) {
      for (Query inTitle : query.titleMatches()) {
        ranked.add(new BoostQuery(inTitle, weights.titleMatchBoost()), Occur.SHOULD);
      }
    }
    if (weights.distinctWordBonus() > 0 && query.words().size() > 1) {
      for (Query word : query.words()) {
        ranked.add(
            new BoostQuery(new ConstantScoreQuery(word), weights.distinctWordBonus()),
            Occur.SHOULD);
      }
    }
    return ranked.build();
  }

  /** {@code scored} plus the engagement feature weighted by {@code pop}. */
  private Query withEngagement(Query scored, double pop) {
    if (pop <= 0) {
      return scored;
    }
    Query engagement =
        FeatureField.newSaturationQuery(
            featureField,
            featureName,
            (float) (pop * weights.maxEngagementWeight()),
            weights.engagementPivot());
    return new BooleanQuery.Builder().add(scored, Occur.MUST).add(engagement, Occur.SHOULD).build();
  }

  /**
   * The queries of a ranked search.
   *
   * @param ranked the query that scores papers, engagement included
   * @param matched the papers the search answers with, for the total and the facets
   * @param lexical the papers the words alone match
   */
  public record Ranking(Query ranked, Query matched, Query lexical) {}
}
