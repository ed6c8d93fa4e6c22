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
 *     10,000 papers counts its facets over a sample of about 10,000 of them
 * @param totalRelation whether {@code total} is exact ({@code eq}) or a lower bound ({@code gte}: a
 *     search sorted by date over more than 10,000 matches of a large index, which counts them in a
 *     sample, and a backend that stops counting)
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
