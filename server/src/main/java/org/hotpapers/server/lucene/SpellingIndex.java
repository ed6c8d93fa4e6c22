package org.hotpapers.server.lucene;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * What {@link SpellingCorrector} asks of the papers: whether any of them holds a word, the title
 * words close to a word no paper holds, and how well a correction fits the query's other words. A
 * Lucene index answers directly ({@link ReaderSpellingIndex}); a Solr collection in a few requests.
 */
public interface SpellingIndex {

  /** Whether a title, abstract, tweet, author name or tweeter holds {@code word} (lower case). */
  boolean holds(String word) throws IOException;

  /**
   * Up to {@link SpellingCorrector#MAX_CANDIDATES} title words one edit from {@code word}, or two
   * edits when none is one edit away, closest first, then most frequent; none when some title holds
   * {@code word}.
   */
  SuggestWord[] similar(String word) throws IOException;

  /**
   * The most of {@code context} (groups of words, any of which counts for its group) that one title
   * holds together with {@code candidate}: the best score of {@link SpellingCorrector#together}.
   */
  float together(String candidate, List<List<String>> context) throws IOException;
}
