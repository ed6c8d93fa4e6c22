package org.hotpapers.server;

import java.util.List;

/** The body of {@code GET /papers/{id}/similar}: the source id and the similar papers. */
public record SimilarPapersResponse(String id, List<SearchHit> similar) {}
