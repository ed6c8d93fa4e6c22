package org.hotpapers.server.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of search results.
 *
 * @param total papers matching the query and filters
 * @param tookMs server-side time spent on the search
 * @param suggestion the query with misspelled words corrected, or {@code null} when no word needed
 *     it
 * @param corrected whether the results are for {@code suggestion} instead of the query as typed
 * @param match how many of the query's plain words every hit holds, or {@code null} when the query
 *     has none (blank, an id, or only field-prefixed words)
 * @param facetsApproximate whether the facet counts are estimates: a search matching more than
 *     10,000 papers counts its facets over a sample of 10,000 of them (the total stays exact)
 * @param totalRelation whether {@code total} is exact ({@code eq}, always so for the Lucene
 *     backend, whose facet pass visits every match) or a lower bound ({@code gte})
 */
public record SearchResponse(
    long total,
    int page,
    int size,
    @JsonProperty("took_ms") double tookMs,
    List<SearchHit> hits,
    Facets facets,
    String suggestion,
    boolean corrected,
    WordMatch match,
    @JsonProperty("facets_approximate") boolean facetsApproximate,
    @JsonProperty("total_relation") TotalRelation totalRelation) {}
