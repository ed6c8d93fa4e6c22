package org.hotpapers.server.lucene;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.hotpapers.indexer.PaperSchema;

/** The spelling questions answered by one Lucene index: the embedded one, or a Solr shard's. */
public final class ReaderSpellingIndex implements SpellingIndex {

  /** Fields holding words as typed (unstemmed). */
  private static final String[] NAME_FIELDS = {
    PaperSchema.SPELL, PaperSchema.AUTHOR, PaperSchema.TWEETER
  };

  private final IndexReader reader;
  private final Analyzer analyzer;
  private final DirectSpellChecker oneEdit;
  private final DirectSpellChecker twoEdits;

  /**
   * The index of {@code reader}, whose text fields {@code analyzer} (the schema's text analyzer)
   * wrote, searched for corrections by {@code oneEdit}, then by {@code twoEdits} when it finds
   * none.
   */
  ReaderSpellingIndex(
      IndexReader reader,
      Analyzer analyzer,
      DirectSpellChecker oneEdit,
      DirectSpellChecker twoEdits) {
    this.reader = reader;
    this.analyzer = analyzer;
    this.oneEdit = oneEdit;
    this.twoEdits = twoEdits;
  }

  @Override
  public boolean holds(String word) throws IOException {
    for (String field : NAME_FIELDS) {
      if (reader.docFreq(new Term(field, word)) > 0) {
        return true;
      }
    }
    try (TokenStream stream = analyzer.tokenStream(PaperSchema.ABSTRACT, word)) {
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

  /**
   * Words one edit away are looked for first, and those two edits away only if there are none: a
   * word of three or more letters one edit away always scores above any two edits away, so the
   * closest corrections are the same, without building the costly two-edit automaton (about a
   * millisecond a word). A word shorter than {@link SpellingCorrector#TWO_EDITS_MIN_CHARS} gets one
   * edit only: two would change too much of it ("steal" is not a misspelling of "speak").
   */
  @Override
  public SuggestWord[] similar(String word) throws IOException {
    SuggestWord[] close = similar(oneEdit, word);
    return close.length > 0 || word.length() < SpellingCorrector.TWO_EDITS_MIN_CHARS
        ? close
        : similar(twoEdits, word);
  }

  private SuggestWord[] similar(DirectSpellChecker checker, String word) throws IOException {
    return checker.suggestSimilar(
        new Term(PaperSchema.SPELL, word),
        SpellingCorrector.MAX_CANDIDATES,
        reader,
        SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
  }

  @Override
  public float together(String candidate, List<List<String>> context) throws IOException {
    ScoreDoc[] top =
        new IndexSearcher(reader)
            .search(SpellingCorrector.together(candidate, context), 1)
            .scoreDocs;
    return top.length == 0 ? 0 : top[0].score;
  }
}
