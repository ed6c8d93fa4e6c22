package org.hotpapers.indexer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A paper as the digests show it: arXiv metadata, engagement, the digest dates it appeared on and
 * the tweets about it.
 *
 * @param id the arXiv id without version suffix, such as {@code 2108.01513}
 * @param abstractText the abstract; paragraphs are separated by a blank line; may be empty
 * @param dates the digest dates, oldest first, without duplicates
 */
public record Paper(
    String id,
    String title,
    List<String> authors,
    List<String> categories,
    String abstractText,
    int retweets,
    int favorites,
    List<LocalDate> dates,
    List<Tweet> tweets) {

  /** Copies the lists so a paper never changes after it is made. */
  public Paper {
    authors = List.copyOf(authors);
    categories = List.copyOf(categories);
    dates = List.copyOf(dates);
    tweets = List.copyOf(tweets);
  }

  /** Retweets plus favorites: the digests' own order within a day. */
  public long engagement() {
    return (long) retweets + favorites;
  }

  /** The arXiv abstract page. */
  public String url() {
    return "https://arxiv.org/abs/" + id;
  }

  /** The arXiv PDF. */
  public String pdfUrl() {
    return "https://arxiv.org/pdf/" + id;
  }

  /** The newest digest date. */
  public LocalDate latestDate() {
    return dates.get(dates.size() - 1);
  }

  /**
   * Merges two appearances of the same paper: all dates, the highest retweets and favorites, tweets
   * without duplicates; text comes from the newer appearance, falling back to the older one's
   * abstract when the newer one is empty.
   */
  public Paper mergedWith(Paper other) {
    if (!id.equals(other.id)) {
      throw new IllegalArgumentException("cannot merge " + id + " with " + other.id);
    }
    boolean otherIsNewer = other.latestDate().isAfter(latestDate());
    Paper newer = otherIsNewer ? other : this;
    Paper older = otherIsNewer ? this : other;
    TreeSet<LocalDate> allDates = new TreeSet<>(dates);
    allDates.addAll(other.dates);
    Map<String, Tweet> allTweets = new LinkedHashMap<>();
    for (Tweet tweet : older.tweets) {
      allTweets.putIfAbsent(tweet.identity(), tweet);
    }
    for (Tweet tweet : newer.tweets) {
      allTweets.putIfAbsent(tweet.identity(), tweet);
    }
    return new Paper(
        id,
        newer.title,
        newer.authors,
        newer.categories.isEmpty() ? older.categories : newer.categories,
        newer.abstractText.isEmpty() ? older.abstractText : newer.abstractText,
        Math.max(retweets, other.retweets),
        Math.max(favorites, other.favorites),
        new ArrayList<>(allDates),
        new ArrayList<>(allTweets.values()));
  }
}
