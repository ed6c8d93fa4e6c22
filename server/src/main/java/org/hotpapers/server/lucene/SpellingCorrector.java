package org.hotpapers.server.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.hotpapers.indexer.PaperSchema;

/**
 * Corrects the words of a query that no indexed text holds (no title, abstract, tweet, author name
 * or tweeter): for each such word, the most frequent title word within two edits (a swap of two
 * letters counts as one). A word found in a single abstract or tweet is never rewritten.
 */
final class SpellingCorrector {

  /** Words, their field prefixes, and operators; only bare words are corrected. */
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(:)?");

  private static final int MIN_WORD_CHARS = 3;

  /** Corrections weighed per unknown word. */
  private static final int MAX_CANDIDATES = 5;

  /** Fields holding words as typed (unstemmed). */
  private static final String[] NAME_FIELDS = {
    PaperSchema.SPELL, PaperSchema.AUTHOR, PaperSchema.TWEETER
  };

  private final DirectSpellChecker checker = new DirectSpellChecker();
  private final Analyzer analyzer;

  /** A corrector that analyzes words with {@code analyzer} to look them up in tweets. */
  SpellingCorrector(Analyzer analyzer) {
    this.analyzer = analyzer;
    checker.setMaxEdits(2);
    checker.setMinPrefix(0);
    checker.setMinQueryLength(MIN_WORD_CHARS);
    checker.setMaxInspections(10);
    checker.setAccuracy(0.5f);
  }

  /**
   * The query with every unknown word replaced by its correction, or {@code null} when every word
   * is known or no correction was found. Among equally close corrections, the one that most titles
   * hold together with the query's other words wins ("seing visoin langauge" is "seeing vision
   * language", not "being vision language").
   */
  String correct(IndexReader reader, String q) throws IOException {
    if (isSyntax(q)) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    Map<Integer, SuggestWord[]> unknown = new LinkedHashMap<>();
    List<String> known = new ArrayList<>();
    int last = 0;
    Matcher words = WORD.matcher(q);
    boolean afterPrefix = false;
    while (words.find()) {
      String word = words.group();
      parts.add(q.substring(last, words.start()));
      boolean prefixed = afterPrefix && words.start() == last;
      last = words.end();
      afterPrefix = words.group(1) != null;
      parts.add(word);
      if (words.group(1) != null || prefixed || isOperator(word) || isWildcarded(q, words.end())) {
        continue;
      }
      String term = word.toLowerCase(Locale.ROOT);
      if (term.length() < MIN_WORD_CHARS || term.chars().noneMatch(Character::isLetter)) {
        continue;
      }
      if (isKnown(reader, term)) {
        known.add(term);
        continue;
      }
      SuggestWord[] suggestions =
          checker.suggestSimilar(
              new Term(PaperSchema.SPELL, term),
              MAX_CANDIDATES,
              reader,
              SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      if (suggestions.length > 0) {
        unknown.put(parts.size() - 1, suggestions);
      }
    }
    parts.add(q.substring(last));
    if (unknown.isEmpty()) {
      return null;
    }
    IndexSearcher searcher = new IndexSearcher(reader);
    for (Map.Entry<Integer, SuggestWord[]> word : unknown.entrySet()) {
      List<List<String>> context = new ArrayList<>();
      known.forEach(term -> context.add(List.of(term)));
      unknown.forEach(
          (position, others) -> {
            if (!position.equals(word.getKey())) {
              context.add(closest(others));
            }
          });
      parts.set(word.getKey(), closestInContext(searcher, word.getValue(), context));
    }
    return String.join("", parts);
  }

  /** The corrections as close as the best one, most frequent first. */
  private static List<String> closest(SuggestWord[] suggestions) {
    List<String> closest = new ArrayList<>();
    for (SuggestWord suggestion : suggestions) {
      if (suggestion.score < suggestions[0].score) {
        break;
      }
      closest.add(suggestion.string);
    }
    return closest;
  }

  /**
   * Of the corrections as close as the best, the one that one title holds with the most of the
   * {@code context} words (each a word of the query, or the alternative corrections of one); the
   * most frequent one when that does not tell them apart.
   */
  private static String closestInContext(
      IndexSearcher searcher, SuggestWord[] suggestions, List<List<String>> context)
      throws IOException {
    String best = suggestions[0].string;
    float bestTogether = 0;
    for (String candidate : closest(suggestions)) {
      BooleanQuery.Builder together = new BooleanQuery.Builder();
      together.add(new TermQuery(new Term(PaperSchema.SPELL, candidate)), Occur.FILTER);
      for (List<String> group : context) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        group.forEach(
            term -> any.add(new TermQuery(new Term(PaperSchema.SPELL, term)), Occur.SHOULD));
        together.add(new ConstantScoreQuery(any.build()), Occur.SHOULD);
      }
      ScoreDoc[] top = searcher.search(together.build(), 1).scoreDocs;
      float withContext = top.length == 0 ? 0 : top[0].score;
      if (withContext > bestTogether) {
        best = candidate;
        bestTogether = withContext;
      }
    }
    return best;
  }

  /** A word of a title, abstract, tweet, author name or tweeter is not misspelled. */
  private boolean isKnown(IndexReader reader, String term) throws IOException {
    for (String field : NAME_FIELDS) {
      if (reader.docFreq(new Term(field, term)) > 0) {
        return true;
      }
    }
    try (TokenStream stream = analyzer.tokenStream(PaperSchema.ABSTRACT, term)) {
      CharTermAttribute token = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      boolean known = false;
      while (stream.incrementToken()) {
        for (String field : PaperSchema.TEXT_FIELDS) {
          known |= reader.docFreq(new Term(field, token.toString())) > 0;
        }
      }
      stream.end();
      return known;
    }
  }

  /** Ids and URLs are not words to correct. */
  private static boolean isSyntax(String q) {
    return PaperQueryParser.arxivId(q) != null || q.contains("://");
  }

  private static boolean isOperator(String word) {
    return word.equals("AND") || word.equals("OR") || word.equals("NOT") || word.equals("TO");
  }

  private static boolean isWildcarded(String q, int end) {
    return end < q.length()
        && (q.charAt(end) == '*' || q.charAt(end) == '?' || q.charAt(end) == '~');
  }
}
