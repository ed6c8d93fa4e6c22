package org.hotpapers.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Why a hit scored what it did: text relevance per field, the engagement feature, the bonus for
 * matching every word, and a recency part; the parts add up to the hit's score.
 *
 * @param text BM25 per field ({@code title}, {@code author}, {@code abstract}, {@code tweet},
 *     {@code tweeter}, {@code id}, {@code cat}) that contributed
 */
public record ScoreBreakdown(
    Map<String, Double> text,
    double engagement,
    @JsonProperty("all_words") double allWords,
    double recency,
    double total) {}
