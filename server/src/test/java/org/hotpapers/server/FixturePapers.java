package org.hotpapers.server;

import java.time.LocalDate;
import java.util.List;
import org.hotpapers.indexer.Paper;

/** Papers for small test indexes: one author, one category, one day, equal engagement. */
public final class FixturePapers {

  private FixturePapers() {}

  /** A cs.LG paper of 2021-06-01 with 10 retweets, 10 favorites and no tweets. */
  public static Paper paper(String id, String title, String author, String abstractText) {
    return new Paper(
        id,
        title,
        List.of(author),
        List.of("cs.LG"),
        abstractText,
        10,
        10,
        List.of(LocalDate.of(2021, 6, 1)),
        List.of());
  }
}
