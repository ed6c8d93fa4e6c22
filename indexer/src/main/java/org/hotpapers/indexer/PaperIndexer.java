package org.hotpapers.indexer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds a fresh index in a directory. Nothing it writes is visible until {@link #commit}: readers
 * keep the previous commit until then, and closing without a commit (or a crash) leaves the
 * previous index exactly as it was.
 */
public final class PaperIndexer implements AutoCloseable {

  private final Directory directory;
  private final IndexWriter writer;
  private final FacetsConfig facetsConfig = PaperSchema.facetsConfig();

  /** Opens a writer that will replace whatever index {@code indexDir} holds once committed. */
  public PaperIndexer(Path indexDir) throws IOException {
    Files.createDirectories(indexDir);
    directory = FSDirectory.open(indexDir);
    IndexWriterConfig config =
        new IndexWriterConfig(PaperSchema.analyzer())
            .setOpenMode(OpenMode.CREATE)
            .setCommitOnClose(false)
            .setRAMBufferSizeMB(256);
    try {
      writer = new IndexWriter(directory, config);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** Adds one paper to the pending index. */
  public void add(Paper paper) throws IOException {
    writer.addDocument(facetsConfig.build(PaperDocuments.toDocument(paper)));
  }

  /** Atomically replaces the previous index with everything added so far. */
  public void commit(Map<String, String> commitData) throws IOException {
    writer.setLiveCommitData(commitData.entrySet());
    writer.commit();
  }

  /** Closes the writer; anything not committed is discarded. */
  @Override
  public void close() throws IOException {
    try {
      writer.close();
    } finally {
      directory.close();
    }
  }
}
