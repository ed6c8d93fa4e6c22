package org.hotpapers.server.http;

/** The JSON body of every error response: what is wrong, for the person who sent the request. */
public record ErrorBody(String error) {}
