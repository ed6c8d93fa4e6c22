/**
 * Turns daily "Hot Papers" digest posts into a Lucene index.
 *
 * <p>The pipeline is: {@link org.hotpapers.indexer.PostParser} reads one markdown post into a
 * {@link org.hotpapers.indexer.Post} of {@link org.hotpapers.indexer.Paper} records; {@link
 * org.hotpapers.indexer.PaperAppearances} merges papers that appear on several days; {@link
 * org.hotpapers.indexer.PaperDocuments} converts them to Lucene documents laid out by {@link
 * org.hotpapers.indexer.PaperSchema}; {@link org.hotpapers.indexer.PaperIndexer} writes them; and
 * {@link org.hotpapers.indexer.BatchReindex} drives a whole rebuild that becomes visible in one
 * atomic Lucene commit.
 */
package org.hotpapers.indexer;
