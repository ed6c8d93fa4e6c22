/**
 * The hotpapers HTTP server: {@link org.hotpapers.server.SearchService} searches the index and
 * returns records; {@link org.hotpapers.server.SearchRoutes} maps HTTP parameters to a {@link
 * org.hotpapers.server.SearchRequest} and results to JSON; {@link
 * org.hotpapers.server.HotpapersApp} wires them into an unstarted Javalin app; {@link
 * org.hotpapers.server.ServerMain} parses the command line and starts it. Ranking weights live in
 * {@link org.hotpapers.server.RankingWeights}.
 */
package org.hotpapers.server;
