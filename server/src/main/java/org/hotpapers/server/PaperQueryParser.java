package org.hotpapers.server;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.hotpapers.indexer.PaperSchema;

/**
 * Turns the user's {@code q} into a Lucene query with Lucene's classic query parser: words,
 * "phrases", AND/OR/NOT, {@code +}/{@code -}, and the field prefixes {@code title:}, {@code
 * author:}, {@code abstract:}, {@code tweet:}, {@code tweeter:} and {@code cat:}. Words without a
 * prefix search every text field with the boosts of {@link RankingWeights}; a field-prefixed word
 * is required. An arXiv id or abs/pdf URL finds that paper.
 */
final class PaperQueryParser {

  private static final Map<String, String> FIELDS =
      Map.of(
          "title", PaperSchema.TITLE,
          "author", PaperSchema.AUTHOR,
          "abstract", PaperSchema.ABSTRACT,
          "tweet", PaperSchema.TWEET,
          "tweeter", PaperSchema.TWEETER,
          "cat", PaperSchema.CATEGORY,
          "category", PaperSchema.CATEGORY,
          "id", PaperSchema.ID);

  private static final Map<String, Float> DEFAULT_FIELDS =
      Map.of(
          PaperSchema.TITLE, RankingWeights.TITLE_BOOST,
          PaperSchema.AUTHOR, RankingWeights.AUTHOR_BOOST,
          PaperSchema.ABSTRACT, RankingWeights.ABSTRACT_BOOST,
          PaperSchema.TWEET, RankingWeights.TWEET_BOOST,
          PaperSchema.TWEETER, RankingWeights.TWEETER_BOOST);

  private static final Pattern ARXIV_ID =
      Pattern.compile(
          "(?:(?:https?://)?(?:www\\.)?arxiv\\.org/(?:abs|pdf)/)?(?:arxiv:)?"
              + "(\\d{4}\\.\\d{4,5}|[a-z-]+(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?(?:\\.pdf)?/?",
          Pattern.CASE_INSENSITIVE);

  private final Analyzer analyzer;

  PaperQueryParser(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** The arXiv id that {@code q} consists of, or {@code null}. */
  static String arxivId(String q) {
    Matcher m = ARXIV_ID.matcher(q.strip());
    return m.matches() ? m.group(1) : null;
  }

  /** The query for a paper id. */
  static UserQuery idQuery(String id) {
    return new UserQuery(
        new TermQuery(new Term(PaperSchema.ID, id.toLowerCase(Locale.ROOT))), null, null);
  }

  /**
   * Parses {@code q}.
   *
   * @throws BadRequestException when {@code q} is not a valid query (unbalanced quotes or
   *     parentheses, a leading wildcard, a dangling operator)
   */
  UserQuery parse(String q) {
    if (q.isBlank()) {
      return UserQuery.EVERYTHING;
    }
    checkBalanced(q);
    Set<Query> prefixed = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Query> words = Collections.newSetFromMap(new IdentityHashMap<>());
    Query parsed;
    try {
      parsed = new Parser(analyzer, prefixed, words).parse(q.replace("/", "\\/"));
    } catch (ParseException e) {
      throw new BadRequestException("q is not a valid query: " + firstLine(e.getMessage()));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("q is not a valid query: " + e.getMessage());
    }
    return structure(parsed, prefixed, words);
  }

  /**
   * Splits a parsed query into what must match and the all-words query ranked first; a single word
   * (one {@code BooleanQuery} over the default fields) has no all-words query.
   */
  private static UserQuery structure(Query parsed, Set<Query> prefixed, Set<Query> words) {
    if (!(parsed instanceof BooleanQuery bool) || words.contains(parsed)) {
      return new UserQuery(parsed, null, parsed);
    }
    BooleanQuery.Builder match = new BooleanQuery.Builder();
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    int optional = 0;
    boolean required = false;
    boolean positive = false;
    boolean prefixRequired = false;
    for (BooleanClause clause : bool.clauses()) {
      Occur occur = clause.getOccur();
      if (occur == Occur.SHOULD && prefixed.contains(clause.getQuery())) {
        occur = Occur.MUST;
        prefixRequired = true;
      }
      if (occur == Occur.SHOULD) {
        optional++;
        all.add(clause.getQuery(), Occur.MUST);
      } else {
        all.add(clause.getQuery(), occur);
        required |= occur == Occur.MUST || occur == Occur.FILTER;
      }
      positive |= occur != Occur.MUST_NOT;
      match.add(clause.getQuery(), occur);
    }
    if (prefixRequired && optional > 0) {
      match.setMinimumNumberShouldMatch(1);
    }
    if (!positive) {
      match.add(new MatchAllDocsQuery(), Occur.FILTER);
      all.add(new MatchAllDocsQuery(), Occur.FILTER);
    }
    Query matchQuery = match.build();
    boolean rankAllWordsFirst = optional >= 2 || (optional == 1 && required);
    return new UserQuery(matchQuery, rankAllWordsFirst ? all.build() : null, matchQuery);
  }

  private static void checkBalanced(String q) {
    int quotes = 0;
    int depth = 0;
    boolean escaped = false;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        quotes++;
      } else if (quotes % 2 == 0 && c == '(') {
        depth++;
      } else if (quotes % 2 == 0 && c == ')') {
        depth--;
        if (depth < 0) {
          throw new BadRequestException("q has a ')' without a matching '('");
        }
      }
    }
    if (quotes % 2 != 0) {
      throw new BadRequestException("q has unbalanced quotes: a '\"' is not closed");
    }
    if (depth != 0) {
      throw new BadRequestException("q has unbalanced parentheses: a '(' is not closed");
    }
  }

  private static String firstLine(String message) {
    String line = message == null ? "" : message.lines().findFirst().orElse("");
    int cut = line.indexOf(": Encountered");
    String reason = cut >= 0 ? line.substring(cut + 2) : line;
    return reason.replaceFirst("^Cannot parse '.*?': ", "").strip();
  }

  /** The classic parser with field aliases; unknown prefixes are read as plain words. */
  private static final class Parser extends MultiFieldQueryParser {
    private final Set<Query> prefixed;
    private final Set<Query> words;

    /**
     * A parser that adds queries for an explicit field to {@code prefixed}, and the expansion of
     * one word over the default fields to {@code words}.
     */
    Parser(Analyzer analyzer, Set<Query> prefixed, Set<Query> words) {
      super(DEFAULT_FIELDS.keySet().toArray(new String[0]), analyzer, DEFAULT_FIELDS);
      this.prefixed = prefixed;
      this.words = words;
      setDefaultOperator(QueryParser.Operator.OR);
      setSplitOnWhitespace(true);
      setAutoGeneratePhraseQueries(true);
      setAllowLeadingWildcard(false);
    }

    private static String resolve(String field) {
      return field == null ? null : FIELDS.get(field.toLowerCase(Locale.ROOT));
    }

    private Query mark(Query query) {
      if (query != null) {
        prefixed.add(query);
      }
      return query;
    }

    private Query word(Query query) {
      if (query != null) {
        words.add(query);
      }
      return query;
    }

    private Query unknownPrefix(String field, Query rest) throws ParseException {
      Query word = super.getFieldQuery(null, field, false);
      if (word == null) {
        return rest;
      }
      if (rest == null) {
        return word;
      }
      return new BooleanQuery.Builder().add(word, Occur.SHOULD).add(rest, Occur.SHOULD).build();
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted)
        throws ParseException {
      String resolved = resolve(field);
      if (field != null && resolved == null) {
        return unknownPrefix(field, super.getFieldQuery(null, queryText, quoted));
      }
      if (PaperSchema.AUTHOR.equals(resolved)) {
        return mark(NameQuery.of(getAnalyzer(), resolved, queryText));
      }
      Query query = super.getFieldQuery(resolved, queryText, quoted);
      return resolved == null ? word(query) : mark(query);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
      String resolved = resolve(field);
      if (field != null && resolved == null) {
        return unknownPrefix(field, super.getFieldQuery(null, queryText, slop));
      }
      if (PaperSchema.AUTHOR.equals(resolved)) {
        return mark(NameQuery.of(getAnalyzer(), resolved, queryText));
      }
      Query query = super.getFieldQuery(resolved, queryText, slop);
      return resolved == null ? word(query) : mark(query);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
      String resolved = resolve(field);
      Query query = super.getPrefixQuery(resolved, termStr);
      return resolved == null ? word(query) : mark(query);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      if (termStr.startsWith("*") || termStr.startsWith("?")) {
        throw new ParseException("a word may not start with * or ?");
      }
      String resolved = resolve(field);
      Query query = super.getWildcardQuery(resolved, termStr);
      return resolved == null ? word(query) : mark(query);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
        throws ParseException {
      String resolved = resolve(field);
      Query query = super.getFuzzyQuery(resolved, termStr, minSimilarity);
      return resolved == null ? word(query) : mark(query);
    }

    @Override
    protected Query getRangeQuery(
        String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
        throws ParseException {
      throw new ParseException("range queries are not supported; use the from and to parameters");
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
      throw new ParseException("regular expressions are not supported");
    }
  }
}
