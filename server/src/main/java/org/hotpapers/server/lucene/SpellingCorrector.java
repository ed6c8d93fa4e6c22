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
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestWord;
import org.hotpapers.indexer.PaperSchema;

/**
 * Corrects the words of a query that no indexed text holds (no title, abstract, tweet, author name
 * or tweeter): for each such word, the most frequent title word within one edit, or two for a word
 * of six or more characters (a swap of two letters counts as one). A word found in a single
 * abstract or tweet is never rewritten, nor one typed in capitals (an acronym, such as "FDR"). The
 * papers are asked through a {@link SpellingIndex}, so one Lucene index and a Solr collection
 * correct alike.
 */
public final class SpellingCorrector {

  /** Words, their field prefixes, and operators; only bare words are corrected. */
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(:)?");

  private static final int MIN_WORD_CHARS = 3;

  /** The length from which a word may be corrected by two edits, as Elasticsearch's AUTO. */
  static final int TWO_EDITS_MIN_CHARS = 6;

  /** Corrections weighed per unknown word. */
  static final int MAX_CANDIDATES = 5;

  private final DirectSpellChecker oneEdit = checker(1);
  private final DirectSpellChecker twoEdits = checker(2);
  private final Analyzer analyzer;

  /** A corrector that analyzes words with {@code analyzer} to look them up in tweets. */
  SpellingCorrector(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  private static DirectSpellChecker checker(int maxEdits) {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMaxEdits(maxEdits);
    checker.setMinPrefix(0);
    checker.setMinQueryLength(MIN_WORD_CHARS);
    checker.setMaxInspections(10);
    checker.setAccuracy(0.5f);
    return checker;
  }

  /** The spelling questions answered by the index of {@code reader}. */
  SpellingIndex index(IndexReader reader) {
    return new ReaderSpellingIndex(reader, analyzer, oneEdit, twoEdits);
  }

  /**
   * The words of {@code q} that may be corrected, lower case: bare words of at least three
   * characters with a letter, not field prefixes, prefixed words, wildcards or words in capitals
   * (acronyms and operators).
   */
  static List<String> candidates(String q) {
    return spans(q).stream().filter(Span::candidate).map(Span::term).toList();
  }

  /** The words of {@code q} in order, with whether each may be corrected; none for an id or URL. */
  private static List<Span> spans(String q) {
    List<Span> spans = new ArrayList<>();
    if (isSyntax(q)) {
      return spans;
    }
    int last = 0;
    Matcher words = WORD.matcher(q);
    boolean afterPrefix = false;
    while (words.find()) {
      String word = words.group();
      boolean prefixed = afterPrefix && words.start() == last;
      last = words.end();
      afterPrefix = words.group(1) != null;
      String term = word.toLowerCase(Locale.ROOT);
      boolean candidate =
          words.group(1) == null
              && !prefixed
              && !isCapitals(word)
              && !isWildcarded(q, words.end())
              && term.length() >= MIN_WORD_CHARS
              && term.chars().anyMatch(Character::isLetter);
      spans.add(new Span(words.start(), words.end(), term, candidate));
    }
    return spans;
  }

  /**
   * The query with every unknown word replaced by its correction, or {@code null} when every word
   * is known or no correction was found. Among equally close corrections, the one that most titles
   * hold together with the query's other words wins ("seing visoin langauge" is "seeing vision
   * language", not "being vision language").
   */
  String correct(SpellingIndex index, String q) throws IOException {
    List<Span> spans = spans(q);
    Map<Span, SuggestWord[]> unknown = new LinkedHashMap<>();
    List<String> known = new ArrayList<>();
    for (Span span : spans) {
      if (!span.candidate()) {
        continue;
      }
      if (index.holds(span.term())) {
        known.add(span.term());
        continue;
      }
      SuggestWord[] suggestions = index.similar(span.term());
      if (suggestions.length > 0) {
        unknown.put(span, suggestions);
      }
    }
    if (unknown.isEmpty()) {
      return null;
    }
    StringBuilder corrected = new StringBuilder(q);
    List<Span> replaced = new ArrayList<>(unknown.keySet());
    for (int i = replaced.size() - 1; i >= 0; i--) {
      Span word = replaced.get(i);
      List<List<String>> context = new ArrayList<>();
      known.forEach(term -> context.add(List.of(term)));
      unknown.forEach(
          (other, suggestions) -> {
            if (other != word) {
              context.add(closest(suggestions));
            }
          });
      corrected.replace(
          word.start(), word.end(), closestInContext(index, unknown.get(word), context));
    }
    return corrected.toString();
  }

  /** A word of a query: where it is, lower case, and whether it may be corrected. */
  private record Span(int start, int end, String term, boolean candidate) {}

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
      SpellingIndex index, SuggestWord[] suggestions, List<List<String>> context)
      throws IOException {
    String best = suggestions[0].string;
    float bestTogether = 0;
    for (String candidate : closest(suggestions)) {
      float withContext = index.together(candidate, context);
      if (withContext > bestTogether) {
        best = candidate;
        bestTogether = withContext;
      }
    }
    return best;
  }

  /**
   * The titles holding {@code candidate}, each scored by how many groups of {@code context} it
   * holds a word of.
   */
  static Query together(String candidate, List<List<String>> context) {
    BooleanQuery.Builder together = new BooleanQuery.Builder();
    together.add(new TermQuery(new Term(PaperSchema.SPELL, candidate)), Occur.FILTER);
    for (List<String> group : context) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      group.forEach(
          term -> any.add(new TermQuery(new Term(PaperSchema.SPELL, term)), Occur.SHOULD));
      together.add(new ConstantScoreQuery(any.build()), Occur.SHOULD);
    }
    return together.build();
  }

  /** Ids and URLs are not words to correct. */
  private static boolean isSyntax(String q) {
    return PaperQueryParser.arxivId(q) != null || q.contains("://");
  }

  /**
   * A word whose letters are all capitals, but for a plural's "s", is an acronym as typed, such as
   * "FDR", "GAN2" or "GANs", or an operator ({@code AND}, {@code OR}, {@code NOT}, {@code TO}).
   */
  private static boolean isCapitals(String word) {
    int end = word.length();
    if (end > 1 && word.charAt(end - 1) == 's' && Character.isUpperCase(word.charAt(end - 2))) {
      end--;
    }
    return word.substring(0, end)
        .chars()
        .filter(Character::isLetter)
        .allMatch(Character::isUpperCase);
  }

  private static boolean isWildcarded(String q, int end) {
    return end < q.length()
        && (q.charAt(end) == '*' || q.charAt(end) == '?' || q.charAt(end) == '~');
  }
}
