package org.hotpapers.server.http;

import java.util.List;
import org.hotpapers.server.search.SearchHit;

/** The body of {@code GET /papers/{id}/similar}: the source id and the similar papers. */
public record SimilarPapersResponse(String id, List<SearchHit> similar) {}
