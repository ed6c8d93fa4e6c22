package org.hotpapers.indexer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds a fresh index in a directory. Nothing it writes is visible until {@link #commit}: readers
 * keep the previous commit until then, and closing without a commit (or a crash) leaves the
 * previous index exactly as it was.
 */
public final class PaperIndexer implements PaperSink {

  /**
   * A fresh lexical-only index of at most this many papers is merged into one segment before its
   * commit. IndexSearcher searches segments this small one after another on one thread anyway (its
   * slices hold up to 250,000 documents), so one segment loses no parallelism, looks each query
   * term up once instead of once per segment (on the real corpus lexical searches got 25-45%
   * faster) and drops the replaced versions of papers that several posts list, which would
   * otherwise count in BM25's statistics depending on how the indexing threads met them. An index
   * with vectors is left as written: merging rebuilds its HNSW graphs, which on the real corpus
   * doubled the rebuild's time for about a tenth off a hybrid search.
   */
  private static final int MERGE_TO_ONE_SEGMENT_UP_TO = 250_000;

  private final Directory directory;
  private final boolean ownsDirectory;
  private final IndexWriter writer;
  private final FacetsConfig facetsConfig = PaperSchema.facetsConfig();
  private final PaperVectors vectors;
  private final boolean fresh;

  /** Opens a writer that will replace whatever index {@code indexDir} holds once committed. */
  public PaperIndexer(Path indexDir) throws IOException {
    this(indexDir, null);
  }

  /**
   * Opens a writer that embeds each paper with {@code vectors} (or builds a lexical-only index if
   * it is {@code null}) and will replace whatever index {@code indexDir} holds once committed.
   */
  public PaperIndexer(Path indexDir, PaperVectors vectors) throws IOException {
    this(indexDir, vectors, OpenMode.CREATE);
  }

  /**
   * A writer into {@code directory}, which stays the caller's to close, embedding with {@code
   * vectors} (none if {@code null}).
   */
  public PaperIndexer(Directory directory, PaperVectors vectors) throws IOException {
    this(directory, vectors, false, OpenMode.CREATE);
  }

  private PaperIndexer(Path indexDir, PaperVectors vectors, OpenMode mode) throws IOException {
    this(open(indexDir), vectors, true, mode);
  }

  /**
   * Opens a writer that updates the index in {@code indexDir} in place, embedding with {@code
   * vectors} (none if {@code null}); nothing changes until {@link #commit}.
   */
  public static PaperIndexer appending(Path indexDir, PaperVectors vectors) throws IOException {
    return new PaperIndexer(indexDir, vectors, OpenMode.APPEND);
  }

  private PaperIndexer(
      Directory directory, PaperVectors vectors, boolean ownsDirectory, OpenMode mode)
      throws IOException {
    this.vectors = vectors;
    this.directory = directory;
    this.ownsDirectory = ownsDirectory;
    this.fresh = mode == OpenMode.CREATE;
    try {
      writer = new IndexWriter(directory, config(mode));
    } catch (IOException | RuntimeException e) {
      if (ownsDirectory) {
        directory.close();
      }
      throw e;
    }
  }

  private static Directory open(Path indexDir) throws IOException {
    Files.createDirectories(indexDir);
    return FSDirectory.open(indexDir);
  }

  /**
   * The writer's settings. Flushed segments stay as separate files instead of being copied into a
   * compound file: the copy rewrote every flushed byte once more, 5% of a million-paper rebuild
   * (89-92 s instead of 95 s), for a few dozen more open files.
   */
  private static IndexWriterConfig config(OpenMode mode) {
    return new IndexWriterConfig(PaperSchema.analyzer())
        .setOpenMode(mode)
        .setCommitOnClose(false)
        .setRAMBufferSizeMB(256)
        .setUseCompoundFile(false);
  }

  /** Adds one paper to the pending index; safe to call from several threads at once. */
  public void add(Paper paper) throws IOException {
    addAll(List.of(paper));
  }

  /** Adds papers to the pending index, embedding them in one batch; thread-safe. */
  @Override
  public void addAll(List<Paper> papers) throws IOException {
    List<float[]> embedded = vectors == null ? null : vectors.of(papers);
    for (int i = 0; i < papers.size(); i++) {
      float[] vector = embedded == null ? null : embedded.get(i);
      writer.addDocument(facetsConfig.build(PaperDocuments.toDocument(papers.get(i), vector)));
    }
  }

  /**
   * Replaces a paper added earlier with a new version of it, as part of the same pending commit.
   */
  @Override
  public void replace(Paper paper) throws IOException {
    float[] vector = vectors == null ? null : vectors.of(List.of(paper)).get(0);
    writer.updateDocument(
        new Term(PaperSchema.ID, paper.id()),
        facetsConfig.build(PaperDocuments.toDocument(paper, vector)));
  }

  /** Reads back papers added earlier (and not yet committed), by id; ids not added are left out. */
  @Override
  public Map<String, Paper> added(Collection<String> ids) throws IOException {
    Map<String, Paper> papers = new HashMap<>();
    if (ids.isEmpty()) {
      return papers;
    }
    flushOnEveryCore();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields storedFields = searcher.storedFields();
      for (String id : ids) {
        TopDocs hits = searcher.search(new TermQuery(new Term(PaperSchema.ID, id)), 1);
        if (hits.scoreDocs.length > 0) {
          papers.put(id, PaperDocuments.toPaper(storedFields.document(hits.scoreDocs[0].doc)));
        }
      }
    }
    return papers;
  }

  /**
   * Atomically replaces the previous index with everything added so far, recording {@code
   * commitData} and the embedding model, then saves the embedding cache. A fresh lexical-only index
   * of at most {@link #MERGE_TO_ONE_SEGMENT_UP_TO} papers is merged into one segment first.
   */
  @Override
  public void commit(Map<String, String> commitData) throws IOException {
    flushOnEveryCore();
    if (fresh && vectors == null && writer.getDocStats().numDocs <= MERGE_TO_ONE_SEGMENT_UP_TO) {
      mergeToOneSegment();
    }
    Map<String, String> data = PaperVectors.commitData(commitData, vectors);
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
    if (vectors != null) {
      vectors.cache().save();
    }
  }

  /**
   * Writes the indexing buffers out as segments on every core at once: a commit, or a reader opened
   * on the writer, writes the buffers still in memory one after another on its own thread.
   */
  private void flushOnEveryCore() throws IOException {
    int threads = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Void>> flushes = new ArrayList<>(threads);
      for (int i = 0; i < threads; i++) {
        flushes.add(
            pool.submit(
                () -> {
                  while (writer.flushNextBuffer()) {
                    // each call writes one buffer; the loop ends when none is left
                  }
                  return null;
                }));
      }
      for (Future<Void> flush : flushes) {
        Tasks.await(flush, "flushing the index");
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Merges the pending index into one segment. A write that fails in the merge thread (a full disk,
   * say) reaches this thread wrapped in an IllegalStateException; it is thrown as the IOException
   * it is, like any other failed write of a rebuild.
   */
  private void mergeToOneSegment() throws IOException {
    try {
      writer.forceMerge(1);
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
  }

  /** Closes the writer; anything not committed is discarded. */
  @Override
  public void close() throws IOException {
    try {
      writer.close();
    } finally {
      if (ownsDirectory) {
        directory.close();
      }
    }
  }
}
