package org.hotpapers.server;

/**
 * The body of {@code GET /health}.
 *
 * @param search {@code hybrid} when the index has vectors of this server's embedding model, {@code
 *     lexical} when it has words only
 * @param model the embedding model of searches by meaning, or {@code null}
 */
public record Health(String status, int papers, String search, String model) {}
