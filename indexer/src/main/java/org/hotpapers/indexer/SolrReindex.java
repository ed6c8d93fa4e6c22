package org.hotpapers.indexer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.ContentStreamBase;

/**
 * Rebuilds the papers of a SolrCloud alias: a new collection (with its configset, written from
 * {@link PaperSchema}) is filled and committed, then the alias moves to it in one step, Solr's
 * equivalent of a single Lucene commit, and the collection it pointed to is dropped. Searches of
 * the alias see the whole old collection or the whole new one; a run that fails or is killed leaves
 * the alias where it was, and its half-built collection is dropped then or by the next run.
 */
public final class SolrReindex {

  private final SolrClient solr;
  private final String alias;
  private final int shards;
  private final int replicas;
  private final BatchReindex batch;
  private final PaperVectors vectors;
  private final boolean queryParser;

  /**
   * A rebuilder of {@code alias} in the cluster {@code solr} reaches, into collections of {@code
   * shards} shards of {@code replicas} replicas, reading posts with {@code batch} and embedding
   * with {@code vectors} (none if {@code null}; {@code batch} must use the same); the collections'
   * configset names hotpapers' query parser if {@code queryParser} ({@link SolrConfigset}).
   */
  public SolrReindex(
      SolrClient solr,
      String alias,
      int shards,
      int replicas,
      BatchReindex batch,
      PaperVectors vectors,
      boolean queryParser) {
    if (!Pattern.matches("[A-Za-z][A-Za-z0-9_-]*", alias)) {
      throw new IllegalArgumentException(
          "--collection must be letters, digits, '_' or '-' and start with a letter, not '"
              + alias
              + "'");
    }
    if (shards < 1 || replicas < 1) {
      throw new IllegalArgumentException("shards and replicas must be at least 1");
    }
    this.solr = solr;
    this.alias = alias;
    this.shards = shards;
    this.replicas = replicas;
    this.batch = batch;
    this.vectors = vectors;
    this.queryParser = queryParser;
  }

  /** Builds a new collection from every post under {@code postsDir} and moves the alias to it. */
  public ReindexSummary run(Path postsDir) throws IOException {
    try {
      return rebuild(postsDir);
    } catch (SolrServerException e) {
      throw new IOException("Solr refused the rebuild of " + alias + ": " + e.getMessage(), e);
    }
  }

  private ReindexSummary rebuild(Path postsDir) throws IOException, SolrServerException {
    String previous = aliasTarget();
    dropAbandoned(previous);
    String collection = alias + "_" + Instant.now().toEpochMilli();
    uploadConfigset(collection);
    boolean moved = false;
    try {
      CollectionAdminRequest.createCollection(collection, collection, shards, replicas)
          .process(solr);
      SolrCollectionWriter writer = new SolrCollectionWriter(solr, collection, vectors);
      ReindexSummary summary = batch.run(postsDir, () -> writer);
      CollectionAdminRequest.createAlias(alias, collection).process(solr);
      moved = true;
      CollectionAdminRequest.SetAliasProperty properties =
          CollectionAdminRequest.setAliasProperty(alias);
      writer.committed().forEach(properties::addProperty);
      properties.process(solr);
      if (previous != null) {
        drop(previous);
      }
      return summary;
    } finally {
      if (!moved) {
        dropQuietly(collection);
      }
    }
  }

  /** The collection the alias points to, or {@code null} if there is no such alias yet. */
  private String aliasTarget() throws IOException, SolrServerException {
    Map<String, String> aliases =
        new CollectionAdminRequest.ListAliases().process(solr).getAliases();
    return aliases.get(alias);
  }

  /** Drops collections of earlier rebuilds of this alias that never became its target. */
  private void dropAbandoned(String current) throws IOException, SolrServerException {
    Pattern ours = Pattern.compile(Pattern.quote(alias) + "_\\d+");
    for (String collection : CollectionAdminRequest.listCollections(solr)) {
      if (ours.matcher(collection).matches() && !collection.equals(current)) {
        drop(collection);
      }
    }
  }

  private void drop(String collection) throws IOException, SolrServerException {
    CollectionAdminRequest.deleteCollection(collection).process(solr);
    new ConfigSetAdminRequest.Delete().setConfigSetName(collection).process(solr);
  }

  private void dropQuietly(String collection) {
    try {
      drop(collection);
    } catch (IOException | SolrServerException | RuntimeException e) {
      System.err.println(
          "warning: the unfinished collection " + collection + " was not dropped: " + e);
    }
  }

  private void uploadConfigset(String name) throws IOException, SolrServerException {
    byte[] zip =
        new SolrConfigset(vectors == null ? 0 : vectors.embedder().dimensions(), queryParser).zip();
    new ConfigSetAdminRequest.Upload()
        .setConfigSetName(name)
        .setUploadStream(
            new ContentStreamBase.ByteArrayStream(zip, name + ".zip", "application/zip"))
        .process(solr);
  }
}
