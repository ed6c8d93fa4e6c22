package org.hotpapers.server.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.hotpapers.indexer.PaperSchema;
import org.hotpapers.server.search.InvalidQueryException;

/**
 * Turns the user's {@code q} into a {@link UserQuery} with Lucene's classic query parser: words,
 * "phrases", AND/OR/NOT, {@code +}/{@code -}, and the field prefixes {@code title:}, {@code
 * author:}, {@code abstract:}, {@code tweet:}, {@code tweeter:} and {@code cat:}. A word without a
 * prefix searches every text field with the boosts of {@link RankingWeights}, scored by its best
 * field; a field-prefixed word is required. Acronyms and their spelled-out forms stand for each
 * other ({@link PaperSchema#queryAnalyzer()}); so do the ways of writing a model's name ("gpt3",
 * "GPT-3", "gpt 3"). An arXiv id or abs/pdf URL finds that paper.
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

  private static final Pattern ARXIV_ID =
      Pattern.compile(
          "(?:(?:https?://)?(?:www\\.)?arxiv\\.org/(?:abs|pdf)/)?(?:arxiv:)?"
              + "(\\d{4}\\.\\d{4,5}|[a-z-]+(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?(?:\\.pdf)?/?",
          Pattern.CASE_INSENSITIVE);

  /** Fewest characters a wildcard word must have before its first {@code *} or {@code ?}. */
  static final int MIN_WILDCARD_STEM = 3;

  /** Text that a spelled-out acronym may be replaced in: plain words only. */
  private static final Pattern PLAIN_WORDS = Pattern.compile("[\\p{L}\\p{N}\\s'’-]+");

  /**
   * A plain word (not prefixed, quoted or an operand of {@code +}, {@code -}) and a version number
   * typed after it ({@code 2}, {@code v5}), neither part of a longer token.
   */
  private static final Pattern WORD_AND_VERSION =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}:\"+\\-\\\\])(\\p{L}[\\p{L}\\p{N}]*)\\s+(v?\\d{1,3})(?![\\p{L}\\p{N}.,:*?~^\\-])");

  /** The column a message of the classic parser points at. */
  private static final Pattern COLUMN = Pattern.compile("column (\\d+)");

  /** Words of letters and digits joined by hyphens. */
  private static final Pattern HYPHENATED = Pattern.compile("[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)+");

  /** A word of letters and digits only. */
  private static final Pattern LETTERS_AND_DIGITS = Pattern.compile("[\\p{L}\\p{N}]+");

  /** Where letters meet digits, or digits letters, inside a word. */
  private static final Pattern LETTERS_MEET_DIGITS =
      Pattern.compile("(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})");

  private final Analyzer analyzer;
  private final Analyzer acronyms;
  private final RankingWeights weights;

  /**
   * A parser that analyzes with {@code analyzer} (the schema's query analyzer), finds spelled-out
   * acronyms with {@code acronyms} and boosts fields by {@code weights}.
   */
  PaperQueryParser(Analyzer analyzer, Analyzer acronyms, RankingWeights weights) {
    this.analyzer = analyzer;
    this.acronyms = acronyms;
    this.weights = weights;
  }

  /** The arXiv id that {@code q} consists of, or {@code null}. */
  static String arxivId(String q) {
    Matcher m = ARXIV_ID.matcher(q.strip());
    return m.matches() ? m.group(1) : null;
  }

  /** The query for a paper id. */
  static UserQuery idQuery(String id) {
    Query byId = new TermQuery(new Term(PaperSchema.ID, id.toLowerCase(Locale.ROOT)));
    return new UserQuery(
        List.of(new BooleanClause(byId, Occur.MUST)), List.of(), false, null, List.of());
  }

  /**
   * Parses {@code q}, letting each word also match its other forms that {@code reader} holds.
   *
   * @throws InvalidQueryException when {@code q} is not a valid query (unbalanced quotes or
   *     parentheses, a leading wildcard, a dangling operator)
   */
  UserQuery parse(String q, IndexReader reader) {
    if (q.isBlank()) {
      return UserQuery.EVERYTHING;
    }
    checkBalanced(q);
    Set<Query> prefixed = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Query> words = Collections.newSetFromMap(new IdentityHashMap<>());
    WordForms forms = new WordForms(reader);
    Parser parser = new Parser(analyzer, weights, forms, prefixed, words);
    Query parsed;
    try {
      parsed = parser.parse(joinVersions(contractAcronyms(q), forms).replace("/", "\\/"));
    } catch (ParseException e) {
      throw new InvalidQueryException("q is not a valid query: " + reason(e.getMessage()));
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException("q is not a valid query: " + e.getMessage());
    }
    return structure(parsed, prefixed, words, parser.titles, hasOr(q));
  }

  /**
   * Splits a parsed query into plain words and constraints: a prefixed word is a required
   * constraint, {@code +}/{@code AND} and {@code -}/{@code NOT} clauses keep their meaning.
   */
  private static UserQuery structure(
      Query parsed,
      Set<Query> prefixed,
      Set<Query> words,
      Map<Query, Query> titles,
      boolean hasOr) {
    if (parsed == null) {
      return UserQuery.EVERYTHING;
    }
    if (words.contains(parsed)) {
      return new UserQuery(List.of(), List.of(parsed), hasOr, parsed, titleMatches(parsed, titles));
    }
    if (!(parsed instanceof BooleanQuery bool)) {
      return new UserQuery(
          List.of(new BooleanClause(parsed, Occur.MUST)), List.of(), hasOr, parsed, List.of());
    }
    List<BooleanClause> constraints = new ArrayList<>();
    List<Query> plain = new ArrayList<>();
    boolean operators = hasOr;
    for (BooleanClause clause : bool.clauses()) {
      Occur occur = clause.getOccur();
      if (occur == Occur.SHOULD && prefixed.contains(clause.getQuery())) {
        constraints.add(new BooleanClause(clause.getQuery(), Occur.MUST));
      } else if (occur == Occur.SHOULD) {
        plain.add(clause.getQuery());
      } else {
        operators |= occur == Occur.MUST || occur == Occur.FILTER;
        constraints.add(clause);
      }
    }
    List<Query> inTitles = new ArrayList<>();
    plain.forEach(word -> inTitles.addAll(titleMatches(word, titles)));
    return new UserQuery(constraints, plain, operators, parsed, inTitles);
  }

  private static List<Query> titleMatches(Query word, Map<Query, Query> titles) {
    Query title = titles.get(word);
    return title == null ? List.of() : List.of(title);
  }

  /**
   * Replaces each spelled-out acronym among the plain words of {@code q} by its acronym, which the
   * query analyzer expands back to every form: "generative adversarial networks" becomes "gan".
   */
  private String contractAcronyms(String q) {
    StringBuilder out = new StringBuilder(q);
    List<int[]> spans = new ArrayList<>();
    List<String> replacements = new ArrayList<>();
    try (TokenStream stream = acronyms.tokenStream("", q)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      TypeAttribute type = stream.addAttribute(TypeAttribute.class);
      stream.reset();
      int covered = -1;
      while (stream.incrementToken()) {
        int start = offset.startOffset();
        int end = offset.endOffset();
        if (SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())
            && start > covered
            && isPlainPhrase(q, start, end)) {
          spans.add(new int[] {start, end});
          replacements.add(term.toString());
          covered = end;
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = spans.size() - 1; i >= 0; i--) {
      out.replace(spans.get(i)[0], spans.get(i)[1], replacements.get(i));
    }
    return out.toString();
  }

  /**
   * Joins each plain word and the version number typed after it into the one word that papers write
   * for them, when some paper does: "stylegan 2" becomes "stylegan2", which also finds "StyleGAN 2"
   * and "StyleGAN-2" (its parts as a phrase), where the two words would find any paper holding
   * "StyleGAN" and a 2.
   */
  private static String joinVersions(String q, WordForms forms) {
    StringBuilder out = new StringBuilder();
    Matcher pair = WORD_AND_VERSION.matcher(q);
    int copied = 0;
    while (pair.find()) {
      String joined = pair.group(1) + pair.group(2);
      if (q.substring(0, pair.start()).chars().filter(c -> c == '"').count() % 2 == 0
          && forms.textDocs(Set.of(new BytesRef(joined.toLowerCase(Locale.ROOT)))) > 0) {
        out.append(q, copied, pair.start()).append(joined);
        copied = pair.end();
      }
    }
    return out.append(q.substring(copied)).toString();
  }

  /** Whether {@code q[start, end)} is several plain words, outside quotes and field prefixes. */
  private static boolean isPlainPhrase(String q, int start, int end) {
    String span = q.substring(start, end);
    if (!span.matches(".*[\\s-].*") || !PLAIN_WORDS.matcher(span).matches()) {
      return false;
    }
    if (start > 0 && q.charAt(start - 1) == ':') {
      return false;
    }
    long quotesBefore = q.substring(0, start).chars().filter(c -> c == '"').count();
    return quotesBefore % 2 == 0;
  }

  /** Whether {@code q} has an {@code OR} (or {@code ||}) operator outside quotes. */
  private static boolean hasOr(String q) {
    boolean quoted = false;
    int wordStart = 0;
    for (int i = 0; i <= q.length(); i++) {
      char c = i < q.length() ? q.charAt(i) : ' ';
      if (c == '"') {
        quoted = !quoted;
      }
      if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '"') {
        String word = q.substring(wordStart, i);
        if (!quoted && (word.equals("OR") || word.equals("||"))) {
          return true;
        }
        wordStart = i + 1;
      }
    }
    return false;
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
          throw new InvalidQueryException("q has a ')' without a matching '('");
        }
      }
    }
    if (quotes % 2 != 0) {
      throw new InvalidQueryException("q has unbalanced quotes: a '\"' is not closed");
    }
    if (depth != 0) {
      throw new InvalidQueryException("q has unbalanced parentheses: a '(' is not closed");
    }
  }

  /**
   * What the classic parser found wrong, in words where its message names grammar tokens: an
   * operator without its word, or a query that ends where a word should follow.
   */
  private static String reason(String message) {
    String line = message == null ? "" : message.lines().findFirst().orElse("");
    Matcher column = COLUMN.matcher(line);
    String at =
        column.find() ? " (at character " + (Integer.parseInt(column.group(1)) + 1) + ")" : "";
    if (line.contains("<AND>") || line.contains("<OR>") || line.contains("<NOT>")) {
      return "AND, OR and NOT need a word on each side" + at;
    }
    if (line.contains("<EOF>")) {
      return "a word is missing at the end, after an operator, a field prefix such as title: or a \\";
    }
    int cut = line.indexOf(": Encountered");
    String reason = cut >= 0 ? line.substring(cut + 2) : line;
    return reason.replaceFirst("^Cannot parse '.*?': ", "").strip();
  }

  /** The classic parser with field aliases; unknown prefixes are read as plain words. */
  private static final class Parser extends MultiFieldQueryParser {
    private final Map<String, Float> boosts;
    private final float tieBreaker;
    private final WordForms forms;
    private final Set<Query> prefixed;
    private final Set<Query> words;
    private final Map<Query, Query> titles = new IdentityHashMap<>();

    /**
     * A parser that adds queries for an explicit field to {@code prefixed}, and the expansion of
     * one word over the default fields to {@code words}; {@code forms} finds a word's other forms.
     */
    Parser(
        Analyzer analyzer,
        RankingWeights weights,
        WordForms forms,
        Set<Query> prefixed,
        Set<Query> words) {
      super(weights.fieldBoosts().keySet().toArray(new String[0]), analyzer, weights.fieldBoosts());
      this.boosts = weights.fieldBoosts();
      this.tieBreaker = weights.tieBreaker();
      this.forms = forms;
      this.prefixed = prefixed;
      this.words = words;
      setDefaultOperator(QueryParser.Operator.OR);
      setSplitOnWhitespace(true);
      setAutoGeneratePhraseQueries(true);
      setAutoGenerateMultiTermSynonymsPhraseQuery(true);
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

    /**
     * One word or phrase over every default field: BM25F over title, abstract and tweets (their
     * term frequencies weighted and summed, as one field) for a single term and its other forms,
     * per-field scores for a phrase; the best of that and the names, plus a share of the rest. A
     * stop word, which no text field indexes, is dropped even though names keep it.
     *
     * @param typed the word as typed, to find its other forms; {@code null} for a phrase
     */
    private Query overDefaultFields(String typed, FieldQuery perField) throws ParseException {
      List<Query> textQueries = new ArrayList<>();
      Map<String, Query> analyzed = new LinkedHashMap<>();
      List<Query> clauses = new ArrayList<>();
      Set<BytesRef> terms = new LinkedHashSet<>();
      boolean singleTerm = true;
      for (String field : fields) {
        Query query = perField.query(field);
        if (query == null) {
          continue;
        }
        if (PaperSchema.TEXT_FIELDS.contains(field)) {
          analyzed.put(field, query);
        }
        query = bestAlternative(query);
        if (PaperSchema.TEXT_FIELDS.contains(field)) {
          textQueries.add(new BoostQuery(query, boosts.get(field)));
          singleTerm &= addTerms(query, terms);
        } else {
          clauses.add(new BoostQuery(query, boosts.get(field)));
        }
      }
      if (textQueries.isEmpty()) {
        return null;
      }
      if (!singleTerm || terms.isEmpty()) {
        clauses.addAll(textQueries);
        clauses.addAll(joinedForms(typed, analyzed));
        return word(new DisjunctionMaxQuery(clauses, tieBreaker));
      }
      Set<BytesRef> allForms =
          typed != null && terms.size() == 1 ? forms.of(typed, terms.iterator().next()) : terms;
      int textDocs = forms.textDocs(allForms);
      capNames(clauses, textDocs);
      Map<String, Query> parts = partsPhrases(typed, textDocs);
      CombinedFieldQuery.Builder combined = new CombinedFieldQuery.Builder();
      SynonymQuery.Builder inTitle = new SynonymQuery.Builder(PaperSchema.TITLE);
      for (String field : fields) {
        if (PaperSchema.TEXT_FIELDS.contains(field)) {
          combined.addField(field, boosts.get(field));
        }
      }
      for (BytesRef form : allForms) {
        combined.addTerm(form);
        inTitle.addTerm(new Term(PaperSchema.TITLE, form));
      }
      clauses.add(combined.build());
      clauses.addAll(parts.values());
      Query word = word(new DisjunctionMaxQuery(clauses, tieBreaker));
      Query title = parts.get(PaperSchema.TITLE);
      titles.put(
          word,
          title == null
              ? inTitle.build()
              : new DisjunctionMaxQuery(List.of(inTitle.build(), title), 0f));
      return word;
    }

    /**
     * For a word of letters and digits ({@code gpt3}, {@code covid19}), its parts as a phrase in
     * each text field: the text indexes "GPT-3" and "GPT 3" as two words, which the word itself
     * would not find. Each phrase weighs as the word does ({@link WordForms#phraseShare}), so that
     * the rarer way of writing it does not rank first. Empty for any other word, or when a part is
     * a stop word (the phrase would lose it and match more than the word).
     *
     * @param wordDocs the most papers that hold the word in one text field
     */
    private Map<String, Query> partsPhrases(String typed, int wordDocs) throws ParseException {
      if (typed == null || !LETTERS_AND_DIGITS.matcher(typed).matches()) {
        return Map.of();
      }
      String[] parts = LETTERS_MEET_DIGITS.split(typed);
      if (parts.length < 2) {
        return Map.of();
      }
      Map<String, Query> phrases = new LinkedHashMap<>();
      for (String field : fields) {
        if (!PaperSchema.TEXT_FIELDS.contains(field)) {
          continue;
        }
        Query parsed = super.getFieldQuery(field, String.join(" ", parts), true);
        List<PhraseQuery> alternatives = parsed == null ? List.of() : phrases(parsed);
        if (!alternatives.isEmpty()
            && alternatives.stream().allMatch(p -> p.getTerms().length >= parts.length)) {
          List<Query> weighed = new ArrayList<>();
          for (PhraseQuery phrase : alternatives) {
            weighed.add(new BoostQuery(phrase, forms.phraseShare(wordDocs, phrase)));
          }
          phrases.put(
              field, weighed.size() == 1 ? weighed.get(0) : new DisjunctionMaxQuery(weighed, 0f));
        }
      }
      return phrases;
    }

    /**
     * For a hyphenated word ("pre-training", "GPT-3"), the word written joined ("pretraining",
     * "gpt3") in each text field where papers write it so: the text indexes the hyphenated word as
     * its parts, one after the other, which those papers do not hold. Each term weighs as the
     * phrase of the parts does ({@link WordForms#joinedShare}).
     *
     * @param analyzed the word's query in each text field, a phrase (or an acronym's alternatives)
     */
    private List<Query> joinedForms(String typed, Map<String, Query> analyzed)
        throws ParseException {
      if (typed == null || !HYPHENATED.matcher(typed).matches()) {
        return List.of();
      }
      String joined = typed.replace("-", "");
      List<Query> joinedTerms = new ArrayList<>();
      for (Map.Entry<String, Query> field : analyzed.entrySet()) {
        Optional<PhraseQuery> asTyped =
            phrases(field.getValue()).stream()
                .min(Comparator.comparingInt(phrase -> phrase.getTerms().length));
        if (asTyped.isPresent()
            && super.getFieldQuery(field.getKey(), joined, false) instanceof TermQuery term) {
          float share = forms.joinedShare(term.getTerm(), asTyped.get());
          if (share > 0) {
            joinedTerms.add(new BoostQuery(term, boosts.get(field.getKey()) * share));
          }
        }
      }
      return joinedTerms;
    }

    /**
     * The phrases of {@code query}: itself, or the alternatives an acronym among the parts expands
     * to ("gpt 3" and "generative pre-trained transformer 3"); none when one of them is no phrase.
     */
    private static List<PhraseQuery> phrases(Query query) {
      if (query instanceof PhraseQuery phrase) {
        return List.of(phrase);
      }
      List<PhraseQuery> phrases = new ArrayList<>();
      if (query instanceof BooleanQuery alternatives) {
        for (BooleanClause clause : alternatives.clauses()) {
          if (clause.getOccur() != Occur.SHOULD
              || !(clause.getQuery() instanceof PhraseQuery phrase)) {
            return List.of();
          }
          phrases.add(phrase);
        }
      }
      return phrases;
    }

    /**
     * Scales each single-term name clause (author, tweeter) of a word down by {@link
     * WordForms#nameShare}, so that a name match weighs no more than the word would in the text.
     */
    private void capNames(List<Query> clauses, int textDocs) {
      for (int i = 0; i < clauses.size(); i++) {
        if (clauses.get(i) instanceof BoostQuery boosted
            && boosted.getQuery() instanceof TermQuery name) {
          float share = forms.nameShare(name.getTerm(), textDocs);
          if (share < 1) {
            clauses.set(i, new BoostQuery(name, boosted.getBoost() * share));
          }
        }
      }
    }

    /**
     * A word's alternatives in one field (an acronym and its spelled-out forms) scored by the best
     * of them, not their sum: a paper that uses both forms is not worth more than one that uses
     * one.
     */
    private static Query bestAlternative(Query query) {
      if (query instanceof BooleanQuery alternatives
          && alternatives.clauses().stream().allMatch(c -> c.getOccur() == Occur.SHOULD)) {
        return new DisjunctionMaxQuery(
            alternatives.clauses().stream()
                .map(BooleanClause::getQuery)
                .map(Parser::perWord)
                .toList(),
            0f);
      }
      return query;
    }

    /**
     * A spelled-out alternative scored per word: a phrase's BM25 adds up the weights of all its
     * words, which would rank papers that spell an acronym out above papers that use it.
     */
    private static Query perWord(Query alternative) {
      return alternative instanceof PhraseQuery phrase && phrase.getTerms().length > 1
          ? new BoostQuery(phrase, 1f / phrase.getTerms().length)
          : alternative;
    }

    /** Adds the terms of a single-term query; {@code false} for any other query. */
    private static boolean addTerms(Query query, Set<BytesRef> terms) {
      if (query instanceof TermQuery term) {
        terms.add(term.getTerm().bytes());
        return true;
      }
      if (query instanceof SynonymQuery synonyms) {
        synonyms.getTerms().forEach(term -> terms.add(term.bytes()));
        return true;
      }
      return false;
    }

    private Query unknownPrefix(String field, Query rest) throws ParseException {
      Query word = getFieldQuery(null, field, false);
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
      if (field == null) {
        return overDefaultFields(queryText, f -> super.getFieldQuery(f, queryText, quoted));
      }
      String resolved = resolve(field);
      if (resolved == null) {
        return unknownPrefix(field, getFieldQuery(null, queryText, quoted));
      }
      if (PaperSchema.AUTHOR.equals(resolved)) {
        return mark(NameQuery.of(getAnalyzer(), resolved, queryText));
      }
      return mark(super.getFieldQuery(resolved, queryText, quoted));
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
      if (field == null) {
        return overDefaultFields(null, f -> super.getFieldQuery(f, queryText, slop));
      }
      String resolved = resolve(field);
      if (resolved == null) {
        return unknownPrefix(field, getFieldQuery(null, queryText, slop));
      }
      if (PaperSchema.AUTHOR.equals(resolved)) {
        return mark(NameQuery.of(getAnalyzer(), resolved, queryText));
      }
      return mark(super.getFieldQuery(resolved, queryText, slop));
    }

    @Override
    protected Query getMultiFieldQuery(List<Query> queries) {
      return queries.isEmpty() ? null : new DisjunctionMaxQuery(queries, tieBreaker);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
      checkWildcardStem(termStr + "*");
      String resolved = resolve(field);
      Query query = super.getPrefixQuery(resolved, termStr);
      return resolved == null ? word(query) : mark(query);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      if (termStr.startsWith("*") || termStr.startsWith("?")) {
        throw new ParseException("a word may not start with * or ?");
      }
      checkWildcardStem(termStr);
      String resolved = resolve(field);
      Query query = super.getWildcardQuery(resolved, termStr);
      return resolved == null ? word(query) : mark(query);
    }

    /**
     * Refuses a wildcard with fewer than {@link #MIN_WILDCARD_STEM} characters before it: {@code
     * a*} would walk a large part of the term dictionary of every field on each search.
     */
    private static void checkWildcardStem(String termStr) throws ParseException {
      int wildcard = 0;
      while (wildcard < termStr.length() && "*?".indexOf(termStr.charAt(wildcard)) < 0) {
        wildcard++;
      }
      if (wildcard < MIN_WILDCARD_STEM) {
        throw new ParseException(
            "a wildcard needs at least "
                + MIN_WILDCARD_STEM
                + " characters before * or ? (\""
                + termStr
                + "\")");
      }
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

  /** The query of one field for a word or phrase. */
  @FunctionalInterface
  private interface FieldQuery {
    Query query(String field) throws ParseException;
  }
}
