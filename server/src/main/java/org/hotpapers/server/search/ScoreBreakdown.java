package org.hotpapers.server.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.hotpapers.server.lucene.RankingWeights;

/**
 * Why a hit scored what it did: text relevance per field, the engagement feature, the bonus for the
 * distinct query words matched, and a recency part; the parts add up to the hit's score.
 *
 * @param text BM25 per field that contributed: {@code title+abstract+tweet} (BM25F over the three
 *     as one), {@code title} (title-only matches of a query whose every word matched), {@code
 *     author}, {@code tweeter}, and {@code abstract} or {@code tweet} for phrases, {@code id},
 *     {@code cat}
 * @param allWords the distinct-word bonus: {@link RankingWeights#distinctWordBonus()} per query
 *     word the paper holds, plus, in hybrid search, the lead that a paper holding every word of a
 *     known-item query has over the papers found by meaning alone
 * @param semantic the similarity of the paper's embedding to the query's, weighted (0 when the
 *     search used words only)
 */
public record ScoreBreakdown(
    Map<String, Double> text,
    double engagement,
    @JsonProperty("all_words") double allWords,
    double semantic,
    double recency,
    double total) {}
