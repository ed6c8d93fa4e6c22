package org.hotpapers.indexer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * Writes papers into one Solr collection in batches, embedding them with {@code vectors} (none if
 * {@code null}). Searches see nothing of it until the rebuild moves the alias to the collection
 * ({@link SolrReindex}); {@link #commit} makes the documents durable and searchable in it.
 */
public final class SolrCollectionWriter implements PaperSink {

  /** Papers sent to Solr in one update request. */
  static final int BATCH = 500;

  private final SolrClient solr;
  private final String collection;
  private final PaperVectors vectors;
  private final List<SolrInputDocument> pending = new ArrayList<>();
  private volatile Map<String, String> committed = Map.of();

  /** A writer into {@code collection} through {@code solr}. */
  public SolrCollectionWriter(SolrClient solr, String collection, PaperVectors vectors) {
    this.solr = solr;
    this.collection = collection;
    this.vectors = vectors;
  }

  @Override
  public void addAll(List<Paper> papers) throws IOException {
    List<float[]> embedded = vectors == null ? null : vectors.of(papers);
    List<SolrInputDocument> docs = new ArrayList<>(papers.size());
    for (int i = 0; i < papers.size(); i++) {
      docs.add(SolrPapers.toDocument(papers.get(i), embedded == null ? null : embedded.get(i)));
    }
    List<SolrInputDocument> batch = null;
    synchronized (pending) {
      pending.addAll(docs);
      if (pending.size() >= BATCH) {
        batch = new ArrayList<>(pending);
        pending.clear();
      }
    }
    if (batch != null) {
      send(batch);
    }
  }

  @Override
  public Map<String, Paper> added(Collection<String> ids) throws IOException {
    flush();
    Map<String, Paper> papers = new HashMap<>();
    if (ids.isEmpty()) {
      return papers;
    }
    try {
      for (SolrDocument doc : solr.getById(collection, ids)) {
        Paper paper = SolrPapers.toPaper(doc);
        papers.put(paper.id(), paper);
      }
    } catch (SolrServerException e) {
      throw new IOException("Solr could not return papers of " + collection, e);
    }
    return papers;
  }

  @Override
  public void replace(Paper paper) throws IOException {
    addAll(List.of(paper));
  }

  @Override
  public void commit(Map<String, String> commitData) throws IOException {
    flush();
    Map<String, String> data = PaperVectors.commitData(commitData, vectors);
    try {
      solr.commit(collection, true, true);
    } catch (SolrServerException e) {
      throw new IOException("Solr could not commit " + collection, e);
    }
    if (vectors != null) {
      vectors.cache().save();
    }
    committed = Map.copyOf(data);
  }

  /**
   * What the last {@link #commit} recorded (its commit data and the embedding model), for the alias
   * that will point to this collection; empty before a commit.
   */
  public Map<String, String> committed() {
    return committed;
  }

  private void flush() throws IOException {
    List<SolrInputDocument> batch;
    synchronized (pending) {
      batch = new ArrayList<>(pending);
      pending.clear();
    }
    if (!batch.isEmpty()) {
      send(batch);
    }
  }

  private void send(List<SolrInputDocument> batch) throws IOException {
    try {
      solr.add(collection, batch);
    } catch (SolrServerException e) {
      throw new IOException("Solr refused a batch of " + batch.size() + " papers", e);
    }
  }

  @Override
  public void close() {}
}
