package org.hotpapers.server.search;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One autocomplete entry.
 *
 * @param kind {@code title} (a paper, whose {@code id} is given) or {@code phrase} (words that
 *     start several titles' phrases)
 * @param id the paper's arXiv id for a title, else {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Suggestion(String text, String kind, String id) {}
