package org.hotpapers.server.lucene;

import java.util.Map;
import org.hotpapers.indexer.PaperSchema;

/**
 * Every ranking weight, in one place. A paper's relevance score is the sum of:
 *
 * <ul>
 *   <li>for each word of the query, BM25F over title, abstract and tweets (term frequencies
 *       weighted by the field boosts and summed, one saturation and one document length per paper,
 *       as Lucene's {@code CombinedFieldQuery} does), or its author or tweeter match if that is
 *       higher (a name match weighed down to the word's idf in the text when that is lower), plus
 *       {@code tieBreaker} times the others; a phrase is scored field by field;
 *   <li>{@code distinctWordBonus} for each word the paper holds, so that distinct words count
 *       before repetitions of one word and papers holding more of a relaxed query's words come
 *       first;
 *   <li>when the paper holds every word (a known-item query), {@code titleMatchBoost} times each
 *       word's BM25 in the title alone;
 *   <li>the engagement feature {@code pop * maxEngagementWeight * e / (e + engagementPivot)} with
 *       {@code e = 1 + retweets + favorites}: bounded by the weight, so it orders papers of similar
 *       relevance by how much they were discussed, while a far better text match still wins.
 * </ul>
 *
 * <p>{@link #DEFAULT} holds the values chosen on the judged set ({@code
 * server/src/test/resources/relevance}, 70 queries) and the relevance kit's development split (539
 * queries, 12 kinds) together, by kind averages: {@code RelevanceTuning} prints both sets' figures
 * for other values. Changing one changes the pinned figures of the relevance tests: that diff is
 * the point.
 *
 * @param titleBoost title weight in BM25F (at least 1, as {@code CombinedFieldQuery} requires)
 * @param abstractBoost abstract weight in BM25F (at least 1)
 * @param tweetBoost tweet weight in BM25F (at least 1): tweets hold words no abstract has
 * @param authorBoost author names
 * @param tweeterBoost names and handles of the people who tweeted
 * @param tieBreaker the share of a word's other matches added to its best match
 * @param titleMatchBoost weight of a word's title-only score when every word matched
 * @param distinctWordBonus added once per query word the paper holds
 * @param maxEngagementWeight the most the engagement feature adds to a score at {@code pop=1}
 * @param engagementPivot the engagement ({@code 1 + retweets + favorites}) that earns half of the
 *     weight
 * @param knownItemMeaningWeight in hybrid search, the weight of the query's embedding similarity
 *     ({@code (1 + cos) / 2}) when every word matched: it reorders the word matches, and ranks the
 *     nearest papers that follow them
 * @param descriptionMeaningWeight in hybrid search, the weight of the similarity when no paper held
 *     every word (a description in other words): it ranks, and adds the nearest papers
 */
public record RankingWeights(
    float titleBoost,
    float abstractBoost,
    float tweetBoost,
    float authorBoost,
    float tweeterBoost,
    float tieBreaker,
    float titleMatchBoost,
    float distinctWordBonus,
    float maxEngagementWeight,
    float engagementPivot,
    float knownItemMeaningWeight,
    float descriptionMeaningWeight) {

  /**
   * The weights the server ranks with. Measured on the real corpus, words only: development split
   * MRR@10 title_ki 0.992, title_morph 0.992, abstract_ki 1.000, tweet_ki 0.931, author_ki 1.000,
   * typo 1.000, cat_filter 1.000, popular 1.000, nl_describe 0.755, acronym 1.000, typo_hard 1.000,
   * tweet_phrase 0.825; judged set 0.976. Hybrid (meaning weights 3 and 20, tried from 0 to 150):
   * nl_describe 0.771-0.783, tweet_phrase 0.767-0.792, title_ki and title_morph 1.000.
   */
  public static final RankingWeights DEFAULT =
      new RankingWeights(3.0f, 1.0f, 1.0f, 2.0f, 1.0f, 0.1f, 1.0f, 12.0f, 3.0f, 3000f, 3f, 20f);

  /**
   * The default popularity knob: the engagement weight is {@code pop * maxEngagementWeight}, so 0.6
   * gives a weight of 1.8.
   */
  public static final double DEFAULT_POP = 0.6;

  /** The boost of each field that a word without a prefix searches. */
  Map<String, Float> fieldBoosts() {
    return Map.of(
        PaperSchema.TITLE, titleBoost,
        PaperSchema.AUTHOR, authorBoost,
        PaperSchema.ABSTRACT, abstractBoost,
        PaperSchema.TWEET, tweetBoost,
        PaperSchema.TWEETER, tweeterBoost);
  }
}
