package org.hotpapers.server.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.schema.RankField;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.apache.solr.search.SyntaxError;
import org.hotpapers.indexer.PaperSchema;
import org.hotpapers.server.lucene.PaperQueries;
import org.hotpapers.server.lucene.RankingWeights;
import org.hotpapers.server.lucene.UserQuery;
import org.hotpapers.server.search.InvalidQueryException;
import org.hotpapers.server.search.MatchMode;
import org.hotpapers.server.search.SearchMode;
import org.hotpapers.server.search.WordMatch;

/**
 * The query parser {@code {!hotpapers}} that Solr runs for the Solr backend: in each shard it
 * builds, from the user's words, the same Lucene queries that the embedded index ranks with ({@link
 * PaperQueries}). Solr loads it from the plugin jar ({@code solrconfig.xml} names it); the server
 * never runs it. Local parameters:
 *
 * <ul>
 *   <li>{@code part}: {@code rank} (the default: the ranked query), {@code plan} (papers scored by
 *       how many of the words they hold), {@code lexical} (the papers the words alone match),
 *       {@code highlight} (the terms to highlight), {@code author} (the text is a name) or {@code
 *       together} (the text is a spelling correction, scored by how many {@code groups} of the
 *       query's other words, {@code |}-separated, a title holds with it);
 *   <li>{@code most}: the most words one paper holds within the filters, the best score of {@code
 *       part=plan} over every shard, so that every shard requires as many words as one index would;
 *   <li>{@code match}, {@code mode}: as the API's parameters; {@code pop}: the engagement weight.
 * </ul>
 *
 * Misspelled words come corrected: the backend corrects them once for the whole collection ({@link
 * PaperSpellingComponent}).
 *
 * <p>The query's embedding, for {@code mode=hybrid} or {@code semantic}, is the request parameter
 * {@value #VECTOR_PARAM}: comma-separated floats.
 */
public final class PaperQParserPlugin extends QParserPlugin {

  /** The name {@code solrconfig.xml} gives the parser. */
  public static final String NAME = "hotpapers";

  /** The request parameter naming the papers nearest the query's meaning, with their scores. */
  public static final String NEAREST_PARAM = "hotpapers.nearest";

  private final PaperQueries queries =
      new PaperQueries(
          RankingWeights.DEFAULT,
          RankField.INTERNAL_RANK_FIELD_NAME,
          PaperSchema.SOLR_ENGAGEMENT_RANK);

  @Override
  public QParser createParser(
      String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
    return new QParser(qstr, localParams, params, req) {
      @Override
      public Query parse() throws SyntaxError {
        try {
          return build(qstr == null ? "" : qstr, localParams, req);
        } catch (InvalidQueryException e) {
          throw new SyntaxError(e.getMessage());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  private Query build(String text, SolrParams local, SolrQueryRequest req)
      throws IOException, SyntaxError {
    String part = local.get("part", "rank");
    if (part.equals("author")) {
      return queries.author(text);
    }
    if (part.equals("together")) {
      return PaperQueries.together(text, SolrSpellingIndex.groups(local.get("groups", "")));
    }
    IndexSearcher searcher = req.getSearcher();
    UserQuery query = queries.parse(searcher, text);
    switch (part) {
      case "plan":
        return query.words().isEmpty() ? new MatchNoDocsQuery() : queries.wordsHeld(query);
      case "highlight":
        return query.highlight() == null ? new MatchNoDocsQuery() : query.highlight();
      case "rank":
      case "lexical":
        break;
      default:
        throw new SyntaxError(
            "unknown part '" + part + "' (rank, plan, lexical, highlight, author)");
    }
    MatchMode match = enumParam(local, "match", MatchMode.AUTO);
    SearchMode mode =
        query.words().isEmpty() ? SearchMode.LEXICAL : enumParam(local, "mode", SearchMode.LEXICAL);
    WordMatch words = queries.plan(query, match, local.getInt("most", 0));
    Query nearest = mode == SearchMode.LEXICAL ? null : nearest(req);
    PaperQueries.Ranking ranking =
        queries.rank(query, words, mode, nearest, local.getDouble("pop", 0));
    return part.equals("rank") ? ranking.ranked() : ranking.lexical();
  }

  /**
   * The papers nearest the query's meaning, as the backend found them over the whole collection
   * (the request parameter {@value #NEAREST_PARAM}: {@code id score} pairs, comma-separated), each
   * scored by its similarity, as a rewritten kNN query scores them.
   */
  private static Query nearest(SolrQueryRequest req) throws SyntaxError {
    String nearest = req.getParams().get(NEAREST_PARAM);
    if (nearest == null) {
      throw new SyntaxError(NEAREST_PARAM + " is needed for a search by meaning");
    }
    BooleanQuery.Builder papers = new BooleanQuery.Builder();
    for (String pair : nearest.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] idAndScore = pair.strip().split(" ");
      try {
        papers.add(
            new BoostQuery(
                new ConstantScoreQuery(new TermQuery(new Term(PaperSchema.ID, idAndScore[0]))),
                Float.parseFloat(idAndScore[1])),
            Occur.SHOULD);
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
        throw new SyntaxError(NEAREST_PARAM + " must be 'id score' pairs, comma-separated");
      }
    }
    return papers.build();
  }

  private static <E extends Enum<E>> E enumParam(SolrParams local, String name, E fallback) {
    String value = local.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(fallback.getDeclaringClass(), value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SolrException(
          SolrException.ErrorCode.BAD_REQUEST, "unknown " + name + " '" + value + "'");
    }
  }
}
