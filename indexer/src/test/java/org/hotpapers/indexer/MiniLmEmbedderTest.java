package org.hotpapers.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The in-process model: unit vectors, the window respected, links and handles left out. */
class MiniLmEmbedderTest {

  private static MiniLmEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = new MiniLmEmbedder();
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  private static Paper paper(String abstractText, List<Tweet> tweets) {
    return new Paper(
        "2101.00001",
        "Speech Recognition with Attention",
        List.of("Ada Lovelace"),
        List.of("cs.CL"),
        abstractText,
        1,
        2,
        List.of(LocalDate.of(2021, 1, 1)),
        tweets);
  }

  @Test
  void vectorsHaveUnitLengthAndSimilarTextsLieCloser() {
    List<float[]> vectors =
        embedder.embed(
            List.of(
                "transcribing spoken audio to text",
                "speech recognition with neural networks",
                "a recipe for chocolate cake"));
    assertEquals(384, vectors.get(0).length);
    assertEquals(1.0, dot(vectors.get(0), vectors.get(0)), 1e-3);
    assertTrue(dot(vectors.get(0), vectors.get(1)) > dot(vectors.get(0), vectors.get(2)));
  }

  @Test
  void aLongPaperIsCutToTheWindowWithRoomForTweets() {
    String longAbstract = "attention ".repeat(2000).strip();
    Tweet tweet =
        new Tweet(
            "Great paper by @someone https://t.co/abc on speech",
            "Someone",
            "@someone",
            LocalDate.of(2021, 1, 1),
            "https://twitter.com/someone/status/1");
    String passage = embedder.passage(paper(longAbstract, List.of(tweet)));
    long words = passage.split(" ").length;
    assertTrue(words > 200 && words <= 256, "cut to the 256-token window: " + words + " words");
    assertTrue(passage.endsWith("Great paper by on speech"), passage);
    assertFalse(passage.contains("https://"));
    assertFalse(passage.contains("@someone"));
  }

  @Test
  void aShortPaperIsKeptWhole() {
    String passage = embedder.passage(paper("Self-attention replaces recurrence.", List.of()));
    assertEquals("Speech Recognition with Attention. Self-attention replaces recurrence.", passage);
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
