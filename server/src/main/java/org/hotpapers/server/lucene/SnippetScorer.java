package org.hotpapers.server.lucene;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's default passage scoring (BM25-like per distinct term), computed without allocating a
 * hash table per passage: passages hold a handful of matches, so a linear scan is cheaper.
 */
final class SnippetScorer extends PassageScorer {

  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    BytesRef[] terms = passage.getMatchTerms();
    int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
    float score = 0;
    for (int i = 0; i < matches; i++) {
      if (seenBefore(terms, i)) {
        continue;
      }
      int freqInPassage = 1;
      for (int j = i + 1; j < matches; j++) {
        if (terms[j].bytesEquals(terms[i])) {
          freqInPassage++;
        }
      }
      score += tf(freqInPassage, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
    }
    return score * norm(passage.getStartOffset());
  }

  private static boolean seenBefore(BytesRef[] terms, int index) {
    for (int j = 0; j < index; j++) {
      if (terms[j].bytesEquals(terms[index])) {
        return true;
      }
    }
    return false;
  }
}
