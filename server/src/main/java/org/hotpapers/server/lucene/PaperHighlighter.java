package org.hotpapers.server.lucene;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.hotpapers.indexer.Paper;
import org.hotpapers.indexer.PaperSchema;
import org.hotpapers.indexer.Tweet;

/**
 * Lucene's unified highlighter set up for papers: the whole title and each whole tweet as one
 * passage, abstract passages of about {@value #ABSTRACT_PASSAGE_CHARS} characters cut at spaces,
 * HTML-escaped snippets, and field values taken from the papers already loaded for the hits instead
 * of reading stored fields a second time.
 */
final class PaperHighlighter extends UnifiedHighlighter {

  /** Separates the values of a multi-valued field, as Lucene's highlighter expects. */
  private static final String VALUE_SEPARATOR = String.valueOf(MULTIVAL_SEP_CHAR);

  private static final String[] FIELDS = {
    PaperSchema.TITLE, PaperSchema.ABSTRACT, PaperSchema.TWEET
  };
  private static final int[] PASSAGES = {1, 2, 2};

  /** Target length of an abstract snippet. */
  static final int ABSTRACT_PASSAGE_CHARS = 200;

  private final Map<Integer, Paper> papers;

  /** A highlighter over {@code papers}, keyed by document id. */
  PaperHighlighter(IndexSearcher searcher, Analyzer analyzer, Map<Integer, Paper> papers) {
    super(
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(new HtmlSnippetFormatter())
            .withScorer(new SnippetScorer())
            .withWeightMatches(false)
            .withMaxNoHighlightPassages(0)
            .withMaxLength(20_000));
    this.papers = papers;
  }

  /**
   * For each of {@code docIds}, the snippets of the fields where {@code query} matched: the title,
   * up to two abstract passages and up to two tweets, by field, matched terms in {@code <mark>}.
   */
  static List<Map<String, List<String>>> highlights(
      IndexSearcher searcher,
      Analyzer analyzer,
      Map<Integer, Paper> papers,
      int[] docIds,
      Query query)
      throws IOException {
    Map<String, String[]> snippets =
        query == null || docIds.length == 0
            ? Map.of()
            : new PaperHighlighter(searcher, analyzer, papers)
                .highlightFields(FIELDS, query, docIds, PASSAGES);
    List<Map<String, List<String>>> highlights = new ArrayList<>(docIds.length);
    for (int i = 0; i < docIds.length; i++) {
      Map<String, List<String>> highlight = new LinkedHashMap<>();
      for (String field : FIELDS) {
        String[] values = snippets.get(field);
        if (values != null && values[i] != null && values[i].contains("<mark>")) {
          highlight.put(field, List.of(values[i].split(HtmlSnippetFormatter.SEPARATOR)));
        }
      }
      highlights.add(highlight);
    }
    return highlights;
  }

  @Override
  protected BreakIterator getBreakIterator(String field) {
    return PaperSchema.ABSTRACT.equals(field)
        ? LengthGoalBreakIterator.createClosestToLength(
            new CustomSeparatorBreakIterator(' '), ABSTRACT_PASSAGE_CHARS, 0.5f)
        : new WholeBreakIterator();
  }

  @Override
  protected List<CharSequence[]> loadFieldValues(
      String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
    List<CharSequence[]> values = new ArrayList<>();
    for (int doc = docIter.nextDoc();
        doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = docIter.nextDoc()) {
      Paper paper = papers.get(doc);
      CharSequence[] docValues = new CharSequence[fields.length];
      for (int i = 0; i < fields.length; i++) {
        docValues[i] = value(paper, fields[i]);
      }
      values.add(docValues);
    }
    return values;
  }

  private static String value(Paper paper, String field) {
    return switch (field) {
      case PaperSchema.TITLE -> paper.title();
      case PaperSchema.ABSTRACT -> paper.abstractText();
      case PaperSchema.TWEET ->
          String.join(VALUE_SEPARATOR, paper.tweets().stream().map(Tweet::text).toList());
      default -> throw new IllegalArgumentException("not a highlighted field: " + field);
    };
  }
}
