package org.hotpapers.indexer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads one {@code <blockquote class="twitter-tweet">} embed: the text inside {@code <p>} with
 * entities decoded, tags stripped and link text kept, then author name, handle, date and link.
 */
final class TweetParser {

  private static final Pattern BYLINE =
      Pattern.compile("^[\\s\\u2014-]*(.*?)\\s*\\(@(\\w{1,50})\\)\\s*$");
  private static final DateTimeFormatter TWEET_DATE =
      DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);

  /** Returns the tweet, or {@code null} when the embed has no text or no author handle. */
  Tweet parse(String html) {
    Element quote = Jsoup.parseBodyFragment(html).getElementsByTag("blockquote").first();
    if (quote == null) {
      return null;
    }
    Element paragraph = quote.getElementsByTag("p").first();
    String text = paragraph == null ? "" : text(paragraph);
    StringBuilder byline = new StringBuilder();
    Element dateLink = null;
    for (Node child : quote.childNodes()) {
      if (child instanceof TextNode textNode) {
        byline.append(textNode.text());
      } else if (child instanceof Element element && element.tagName().equals("a")) {
        dateLink = element;
      }
    }
    Matcher m = BYLINE.matcher(byline.toString().replace('\u00A0', ' '));
    if (text.isEmpty() || !m.matches()) {
      return null;
    }
    LocalDate date = dateLink == null ? null : date(dateLink.text());
    String url = dateLink == null ? "" : dateLink.attr("href");
    return new Tweet(text, PostParser.collapse(m.group(1)), m.group(2), date, url);
  }

  /** Text of the paragraph with each {@code <br>} kept as a line break. */
  private static String text(Element paragraph) {
    for (Element br : paragraph.getElementsByTag("br")) {
      br.replaceWith(new TextNode("\n"));
    }
    return collapseKeepingLineBreaks(paragraph.wholeText());
  }

  /**
   * {@code text} with each run of white space that holds a line break made one line break, other
   * runs of spaces, tabs and form feeds one space, and the ends stripped.
   */
  static String collapseKeepingLineBreaks(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (!PostParser.isSpace(c)) {
        out.append(c);
        i++;
        continue;
      }
      int run = i;
      boolean lineBreak = false;
      while (i < text.length() && PostParser.isSpace(text.charAt(i))) {
        lineBreak |= text.charAt(i) == '\n';
        i++;
      }
      if (lineBreak) {
        out.append('\n');
      } else {
        appendSpaces(out, text, run, i);
      }
    }
    return out.toString().strip();
  }

  /**
   * The run {@code text[from, to)}, without a line break: carriage returns kept, the rest one space
   * each stretch.
   */
  private static void appendSpaces(StringBuilder out, String text, int from, int to) {
    boolean inSpaces = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        out.append(c);
        inSpaces = false;
      } else if (!inSpaces) {
        out.append(' ');
        inSpaces = true;
      }
    }
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.strip(), TWEET_DATE);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
