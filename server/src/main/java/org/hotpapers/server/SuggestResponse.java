package org.hotpapers.server;

import java.util.List;

/** The body of {@code GET /suggest}: the prefix and its completions, most discussed first. */
public record SuggestResponse(String q, List<Suggestion> suggestions) {}
