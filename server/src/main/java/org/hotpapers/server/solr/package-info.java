/**
 * The Solr backend: {@link org.hotpapers.server.solr.SolrSearchEngine} answers the routes from a
 * SolrCloud collection, and the query parser and spelling component that its shards run ({@link
 * org.hotpapers.server.solr.PaperQParserPlugin}, {@link
 * org.hotpapers.server.solr.PaperSpellingComponent}) ship to the Solr nodes in {@code
 * hotpapers-solr-plugin.jar}.
 */
package org.hotpapers.server.solr;
