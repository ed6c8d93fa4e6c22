package org.hotpapers.server.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.hotpapers.indexer.Paper;
import org.hotpapers.indexer.Tweet;

/** A whole paper with its tweets, as {@code GET /papers/{id}} returns it. */
public record PaperView(
    String id,
    String title,
    List<String> authors,
    List<String> categories,
    @JsonProperty("abstract") String abstractText,
    int retweets,
    int favorites,
    List<String> dates,
    String url,
    @JsonProperty("pdf_url") String pdfUrl,
    List<TweetView> tweets) {

  /** One tweet: text, author name, handle, ISO date (or null) and link. */
  public record TweetView(String text, String name, String handle, String date, String url) {

    static TweetView of(Tweet tweet) {
      return new TweetView(
          tweet.text(),
          tweet.authorName(),
          tweet.handle(),
          tweet.date() == null ? null : tweet.date().toString(),
          tweet.url());
    }
  }

  public static PaperView of(Paper paper) {
    return new PaperView(
        paper.id(),
        paper.title(),
        paper.authors(),
        paper.categories(),
        paper.abstractText(),
        paper.retweets(),
        paper.favorites(),
        paper.dates().stream().map(Object::toString).toList(),
        paper.url(),
        paper.pdfUrl(),
        paper.tweets().stream().map(TweetView::of).toList());
  }
}
