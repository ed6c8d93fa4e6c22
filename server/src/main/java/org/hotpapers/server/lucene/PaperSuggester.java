package org.hotpapers.server.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.suggest.Lookup.LookupResult;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.hotpapers.indexer.Paper;
import org.hotpapers.indexer.PaperDocuments;
import org.hotpapers.indexer.PaperSchema;
import org.hotpapers.server.search.Suggestion;

/**
 * Autocomplete over one index reader: paper titles and the two- and three-word phrases that begin
 * at least {@value #MIN_PHRASE_TITLES} titles' words, each weighted by engagement and tagged with
 * its categories, matched by Lucene's infix suggester (any word of an entry may be completed).
 */
final class PaperSuggester implements Closeable {

  /** A phrase must occur in this many titles to be suggested. */
  static final int MIN_PHRASE_TITLES = 3;

  private static final String PHRASE = "phrase";
  private final AnalyzingInfixSuggester suggester;

  private PaperSuggester(AnalyzingInfixSuggester suggester) {
    this.suggester = suggester;
  }

  /** Builds the suggester from the titles stored in {@code reader}. */
  static PaperSuggester build(IndexReader reader, Analyzer analyzer) throws IOException {
    AnalyzingInfixSuggester suggester =
        new AnalyzingInfixSuggester(new ByteBuffersDirectory(), analyzer, analyzer, 1, true);
    Map<String, Long> phraseWeights = new HashMap<>();
    Map<String, Set<BytesRef>> phraseContexts = new HashMap<>();
    Map<String, Integer> phraseTitles = new HashMap<>();
    for (Paper paper : PaperDocuments.livePapers(reader)) {
      String title = paper.title();
      long engagement = paper.engagement();
      Set<BytesRef> contexts = new HashSet<>();
      for (String category : paper.categories()) {
        contexts.add(new BytesRef(PaperSchema.categoryTerm(category)));
      }
      suggester.add(new BytesRef(title), contexts, engagement, new BytesRef(paper.id()));
      for (String phrase : phrases(title)) {
        phraseWeights.merge(phrase, engagement, Long::sum);
        phraseTitles.merge(phrase, 1, Integer::sum);
        phraseContexts.computeIfAbsent(phrase, p -> new HashSet<>()).addAll(contexts);
      }
    }
    for (Map.Entry<String, Integer> phrase : phraseTitles.entrySet()) {
      if (phrase.getValue() >= MIN_PHRASE_TITLES) {
        suggester.add(
            new BytesRef(phrase.getKey()),
            phraseContexts.get(phrase.getKey()),
            phraseWeights.get(phrase.getKey()),
            new BytesRef(PHRASE));
      }
    }
    suggester.refresh();
    return new PaperSuggester(suggester);
  }

  /** Lower-cased 2- and 3-word runs of a title that neither start nor end with a stop word. */
  static List<String> phrases(String title) {
    String[] words = title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+");
    List<String> phrases = new ArrayList<>();
    for (int length = 2; length <= 3; length++) {
      for (int start = 0; start + length <= words.length; start++) {
        String first = words[start];
        String last = words[start + length - 1];
        if (first.isEmpty() || last.isEmpty() || isStopWord(first) || isStopWord(last)) {
          continue;
        }
        phrases.add(String.join(" ", Arrays.copyOfRange(words, start, start + length)));
      }
    }
    return phrases;
  }

  private static boolean isStopWord(String word) {
    return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word) || word.length() < 2;
  }

  /** Up to {@code size} completions of {@code prefix}, most discussed first. */
  List<Suggestion> suggest(String prefix, List<String> categories, int size) throws IOException {
    Set<BytesRef> contexts = null;
    if (!categories.isEmpty()) {
      contexts = new HashSet<>();
      for (String category : categories) {
        contexts.add(new BytesRef(PaperSchema.categoryTerm(category)));
      }
    }
    List<Suggestion> suggestions = new ArrayList<>();
    for (LookupResult result : suggester.lookup(prefix, contexts, size, true, false)) {
      String payload = result.payload.utf8ToString();
      suggestions.add(
          PHRASE.equals(payload)
              ? new Suggestion(result.key.toString(), PHRASE, null)
              : new Suggestion(result.key.toString(), "title", payload));
    }
    return suggestions;
  }

  @Override
  public void close() throws IOException {
    suggester.close();
  }
}
