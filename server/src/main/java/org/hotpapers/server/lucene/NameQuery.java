package org.hotpapers.server.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A person's name as people type it: every word must occur within one name, in any order, and a
 * single letter (with or without a dot) is an initial matching any word it starts. So "Y. Wen",
 * "Wen Y" and "yandong wen" all find "Yandong Wen"; case and accents do not matter.
 */
final class NameQuery {

  private NameQuery() {}

  /** The query for {@code name} in {@code field}, or {@code null} if it has no words. */
  static Query of(Analyzer analyzer, String field, String name) {
    List<String> words = words(analyzer, field, name);
    if (words.isEmpty()) {
      return null;
    }
    if (words.size() == 1 && words.get(0).length() > 1) {
      return new TermQuery(new Term(field, words.get(0)));
    }
    List<SpanQuery> clauses = new ArrayList<>();
    for (String word : words) {
      clauses.add(
          word.length() == 1
              ? new SpanMultiTermQueryWrapper<>(new PrefixQuery(new Term(field, word)))
              : new SpanTermQuery(new Term(field, word)));
    }
    if (clauses.size() == 1) {
      return clauses.get(0);
    }
    return new SpanNearQuery(clauses.toArray(new SpanQuery[0]), 2 * words.size(), false);
  }

  private static List<String> words(Analyzer analyzer, String field, String name) {
    List<String> words = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, name)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        words.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }
}
