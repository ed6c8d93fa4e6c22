package org.hotpapers.indexer;

import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where a rebuild writes its papers: a Lucene index ({@link PaperIndexer}) or a Solr collection
 * ({@link SolrCollectionWriter}). Nothing written is visible to searches until {@link #commit}.
 */
public interface PaperSink extends Closeable {

  /** Adds papers; safe to call from several threads at once. */
  void addAll(List<Paper> papers) throws IOException;

  /** Reads back papers added earlier (and not yet committed), by id; ids not added are left out. */
  Map<String, Paper> added(Collection<String> ids) throws IOException;

  /** Replaces a paper added earlier with a new version of it, as part of the same commit. */
  void replace(Paper paper) throws IOException;

  /** Makes everything added so far visible at once, recording {@code commitData}. */
  void commit(Map<String, String> commitData) throws IOException;

  /** Opens the sink of one rebuild. */
  @FunctionalInterface
  interface Opener {
    PaperSink open() throws IOException;
  }
}
