package org.hotpapers.server;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
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

  /** Fields holding words as typed (unstemmed). */
  private static final String[] NAME_FIELDS = {
    PaperSchema.SPELL, PaperSchema.AUTHOR, PaperSchema.TWEETER
  };

  /** Fields holding analyzed (stemmed) text. */
  private static final String[] TEXT_FIELDS = {
    PaperSchema.TITLE, PaperSchema.ABSTRACT, PaperSchema.TWEET
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
   * is known or no correction was found.
   */
  String correct(IndexReader reader, String q) throws IOException {
    if (isSyntax(q)) {
      return null;
    }
    StringBuilder corrected = new StringBuilder();
    boolean changed = false;
    int last = 0;
    Matcher words = WORD.matcher(q);
    boolean afterPrefix = false;
    while (words.find()) {
      String word = words.group();
      corrected.append(q, last, words.start());
      boolean prefixed = afterPrefix && words.start() == last;
      last = words.end();
      afterPrefix = words.group(1) != null;
      String replacement = word;
      if (words.group(1) == null
          && !prefixed
          && !isOperator(word)
          && !isWildcarded(q, words.end())) {
        String term = word.toLowerCase(Locale.ROOT);
        if (term.length() >= MIN_WORD_CHARS
            && term.chars().anyMatch(Character::isLetter)
            && !isKnown(reader, term)) {
          SuggestWord[] suggestions =
              checker.suggestSimilar(
                  new Term(PaperSchema.SPELL, term),
                  1,
                  reader,
                  SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
          if (suggestions.length > 0) {
            replacement = suggestions[0].string;
            changed = true;
          }
        }
      }
      corrected.append(replacement);
    }
    corrected.append(q.substring(last));
    return changed ? corrected.toString() : null;
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
        for (String field : TEXT_FIELDS) {
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
