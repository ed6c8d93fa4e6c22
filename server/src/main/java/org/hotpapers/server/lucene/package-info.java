/**
 * The embedded Lucene backend: {@link org.hotpapers.server.lucene.SearchService} searches the index
 * the indexer builds (query parsing, graded matching, BM25F with engagement, hybrid ranking with
 * the embedding model, facets, highlights), picks up new commits, and serves rebuilds and new posts
 * ({@link org.hotpapers.server.lucene.ReindexJobs}, {@link
 * org.hotpapers.server.lucene.PostsWatcher}). Ranking weights live in {@link
 * org.hotpapers.server.lucene.RankingWeights}.
 */
package org.hotpapers.server.lucene;
