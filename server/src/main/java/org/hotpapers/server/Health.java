package org.hotpapers.server;

/** The body of {@code GET /health}. */
public record Health(String status, int papers) {}
