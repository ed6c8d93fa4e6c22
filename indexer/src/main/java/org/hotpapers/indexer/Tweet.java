package org.hotpapers.indexer;

import java.time.LocalDate;

/**
 * One embedded tweet about a paper: plain text (entities decoded, tags stripped), author and date.
 *
 * @param date the tweet's date, or {@code null} when the embed did not give a readable one
 * @param url the tweet's status link, or an empty string when the embed had none
 */
public record Tweet(String text, String authorName, String handle, LocalDate date, String url) {

  /** The identity used to drop the same tweet seen on two days: its link, else handle and text. */
  public String identity() {
    return url.isEmpty() ? handle + '\n' + text : url;
  }
}
