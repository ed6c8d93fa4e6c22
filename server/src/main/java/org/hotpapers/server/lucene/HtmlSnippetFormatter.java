package org.hotpapers.server.lucene;

import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;

/**
 * Formats highlighted passages as HTML: matched terms in {@code <mark>}, everything else escaped
 * ({@code & < > " '}), passages separated by {@link #SEPARATOR}.
 */
final class HtmlSnippetFormatter extends DefaultPassageFormatter {

  /** Separates a field's passages in the formatted output; never occurs in post text. */
  static final String SEPARATOR = "\u2029";

  HtmlSnippetFormatter() {
    super("<mark>", "</mark>", SEPARATOR, true);
  }

  @Override
  protected void append(StringBuilder dest, String content, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = content.charAt(i);
      switch (c) {
        case '&' -> dest.append("&amp;");
        case '<' -> dest.append("&lt;");
        case '>' -> dest.append("&gt;");
        case '"' -> dest.append("&quot;");
        case '\'' -> dest.append("&#39;");
        case '\u2029' -> dest.append(' ');
        default -> dest.append(c);
      }
    }
  }
}
