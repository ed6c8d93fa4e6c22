package org.hotpapers.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code GET /health}.
 *
 * @param status {@code ok}, or {@code degraded} when the newest index commit is damaged and the
 *     previous one is still served
 * @param search {@code hybrid} when the index has vectors of this server's embedding model, {@code
 *     lexical} when it has words only
 * @param model the embedding model of searches by meaning, or {@code null}
 * @param reason why the server is degraded and how to rebuild; absent when ok
 */
public record Health(
    String status,
    int papers,
    String search,
    String model,
    @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {}
