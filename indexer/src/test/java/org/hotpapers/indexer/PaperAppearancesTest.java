package org.hotpapers.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Repeated papers merge in post order, whichever thread saw which appearance first. */
class PaperAppearancesTest {

  private static Paper appearance(String title, int day, int retweets, String handle) {
    return new Paper(
        "2101.00001",
        title,
        List.of("A. Author"),
        List.of("cs.LG"),
        "",
        retweets,
        retweets * 2,
        List.of(LocalDate.of(2021, 1, day)),
        List.of(new Tweet("about " + title, handle, handle, null, "https://t/" + handle)));
  }

  @Test
  void laterPostsWinWhicheverAppearanceWasIndexedFirst() {
    Paper first = appearance("Draft title", 4, 10, "ann");
    Paper second = appearance("Better title", 5, 30, "bob");
    Paper third = appearance("Final title", 6, 20, "cid");
    PaperAppearances appearances = new PaperAppearances();

    assertTrue(appearances.add(third, PaperAppearances.position(9, 0)));
    assertFalse(appearances.add(first, PaperAppearances.position(2, 3)));
    assertFalse(appearances.add(second, PaperAppearances.position(2, 7)));

    assertEquals(Set.of("2101.00001"), appearances.repeatedIds());
    assertEquals(2, appearances.repeatCount());
    Paper merged = appearances.merged(third);
    assertEquals(first.mergedWith(second).mergedWith(third), merged);
    assertEquals("Final title", merged.title());
    assertEquals(30, merged.retweets());
    assertEquals(
        List.of("ann", "bob", "cid"), merged.tweets().stream().map(Tweet::handle).toList());
  }

  @Test
  void positionsOrderPostsBeforePapersWithinAPost() {
    assertTrue(PaperAppearances.position(1, 999_999) < PaperAppearances.position(2, 0));
    assertTrue(PaperAppearances.position(3, 1) < PaperAppearances.position(3, 2));
  }
}
