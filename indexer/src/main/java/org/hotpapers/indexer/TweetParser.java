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
  private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f]+");
  private static final Pattern BLANK_LINES = Pattern.compile("\\s*\\n\\s*");

  /** Returns the tweet, or {@code null} when the embed has no text or no author handle. */
  Tweet parse(String html) {
    Element quote = Jsoup.parseBodyFragment(html).selectFirst("blockquote");
    if (quote == null) {
      return null;
    }
    Element paragraph = quote.selectFirst("p");
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
    for (Element br : paragraph.select("br")) {
      br.replaceWith(new TextNode("\n"));
    }
    String text = SPACES.matcher(paragraph.wholeText()).replaceAll(" ");
    return BLANK_LINES.matcher(text).replaceAll("\n").strip();
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.strip(), TWEET_DATE);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
