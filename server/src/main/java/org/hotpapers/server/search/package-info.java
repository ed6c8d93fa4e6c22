/**
 * The engine-neutral search API: {@link org.hotpapers.server.search.SearchEngine}, what it is asked
 * ({@link org.hotpapers.server.search.SearchRequest}) and what it answers ({@link
 * org.hotpapers.server.search.SearchResponse}, hits, facets, papers), as records without engine
 * types.
 */
package org.hotpapers.server.search;
