/**
 * HTTP: {@link org.hotpapers.server.http.HotpapersApp} wires the routes into an unstarted Javalin
 * app; {@link org.hotpapers.server.http.SearchRoutes} maps parameters to a {@link
 * org.hotpapers.server.search.SearchRequest} and answers JSON (400 with a JSON body for bad input);
 * {@link org.hotpapers.server.http.FairUse} bounds what one client and all clients may run. The
 * routes talk to a {@link org.hotpapers.server.search.SearchEngine} and never know which backend
 * answers.
 */
package org.hotpapers.server.http;
