package org.hotpapers.server;

/**
 * Every ranking weight, in one place. A paper's relevance score is the sum of:
 *
 * <ul>
 *   <li>BM25 over the text fields, each multiplied by its boost below (title above author above
 *       abstract above tweets), summed over the query's words;
 *   <li>the engagement feature {@code pop * MAX_ENGAGEMENT_WEIGHT * e / (e + ENGAGEMENT_PIVOT)}
 *       with {@code e = 1 + retweets + favorites}: bounded by the weight, so it orders papers of
 *       similar relevance by how much they were discussed, while a far better text match still
 *       wins;
 *   <li>for queries of several words, a bonus for matching all of them, just large enough that
 *       every paper matching all the words ranks above every paper matching only some.
 * </ul>
 *
 * Changing a value changes the pinned figures of the judged relevance test: that diff is the point.
 */
public final class RankingWeights {

  /** Title matches count most: known-item queries are mostly title words. */
  public static final float TITLE_BOOST = 3.0f;

  /** Author names. */
  public static final float AUTHOR_BOOST = 2.0f;

  /** Abstract text. */
  public static final float ABSTRACT_BOOST = 1.0f;

  /** Tweet text: informal and noisy, but it holds words no abstract has. */
  public static final float TWEET_BOOST = 0.5f;

  /** Names and handles of the people who tweeted. */
  public static final float TWEETER_BOOST = 0.5f;

  /** The most the engagement feature adds to a score at {@code pop=1}. */
  public static final float MAX_ENGAGEMENT_WEIGHT = 10.0f;

  /**
   * The default popularity knob: the engagement weight is {@code pop * MAX_ENGAGEMENT_WEIGHT}, so
   * 0.6 gives a weight of 6, the best of the values tried on the judged set.
   */
  public static final double DEFAULT_POP = 0.6;

  /** The engagement ({@code 1 + retweets + favorites}) that earns half of the weight. */
  public static final float ENGAGEMENT_PIVOT = 3000f;

  private RankingWeights() {}
}
