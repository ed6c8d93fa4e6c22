/**
 * The hotpapers server, in three layers: {@link org.hotpapers.server.http} (the Javalin app and its
 * routes), {@link org.hotpapers.server.search} (the engine-neutral search API the routes call:
 * {@link org.hotpapers.server.search.SearchEngine} and its request and response records) and one
 * package per backend ({@link org.hotpapers.server.lucene}, the embedded Lucene index). {@link
 * org.hotpapers.server.ServerMain} parses the command line, opens the backend and starts the app.
 */
package org.hotpapers.server;
