package org.hotpapers.server.http;

import java.util.List;
import org.hotpapers.server.search.Suggestion;

/** The body of {@code GET /suggest}: the prefix and its completions, most discussed first. */
public record SuggestResponse(String q, List<Suggestion> suggestions) {}
