package org.hotpapers.indexer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line: rebuilds the index from a folder of posts and prints a summary. */
@Command(
    name = "hotpapers-indexer",
    mixinStandardHelpOptions = true,
    version = "hotpapers-indexer 0.1.0",
    description =
        "Rebuilds the hotpapers index from every *.md post under a folder. The new index replaces"
            + " the old one in one atomic commit; an interrupted run leaves the old one intact.")
public final class IndexerMain implements Callable<Integer> {

  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

  @Option(
      names = "--posts",
      paramLabel = "DIR",
      description = "folder of Hot Papers posts (*.md, searched recursively) to rebuild from")
  private Path posts;

  @Option(
      names = "--add",
      arity = "1..*",
      paramLabel = "POST",
      description =
          "instead of a rebuild, add these posts (a day's digest) to the existing index: their"
              + " papers are merged with the versions the index holds, in one commit")
  private List<Path> add;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Lucene index directory to build or replace")
  private Path index;

  @Option(
      names = "--solr",
      split = ",",
      paramLabel = "URL",
      description =
          "instead of a Lucene index, rebuild a SolrCloud collection through these nodes"
              + " (http://host:8983/solr, comma-separated; any live one answers)")
  private List<String> solr;

  @Option(
      names = "--collection",
      paramLabel = "NAME",
      description =
          "with --solr: the alias searches use; each rebuild fills a new collection NAME_<time>,"
              + " moves the alias to it in one step and drops the old one")
  private String collection;

  @Option(
      names = "--shards",
      paramLabel = "N",
      defaultValue = "1",
      description = "with --solr: shards of the new collection (default: ${DEFAULT-VALUE})")
  private int shards;

  @Option(
      names = "--replicas",
      paramLabel = "N",
      defaultValue = "1",
      description = "with --solr: replicas of each shard (default: ${DEFAULT-VALUE})")
  private int replicas;

  @Option(
      names = "--solr-plugin",
      paramLabel = "on|off",
      defaultValue = "on",
      description =
          "with --solr or --write-solr-configset: name hotpapers' query parser in the configset,"
              + " which the server's Solr backend ranks with; the Solr nodes then need"
              + " hotpapers-solr-plugin.jar on their classpath (default: ${DEFAULT-VALUE}; off for"
              + " a Solr without it)")
  private String solrPlugin;

  @Option(
      names = "--write-solr-configset",
      paramLabel = "DIR",
      description =
          "write the Solr configset of the index (schema.xml, solrconfig.xml, word lists) into"
              + " DIR and exit, to upload with Solr's own tools")
  private Path solrConfigset;

  @Option(
      names = "--embed",
      paramLabel = "on|off",
      defaultValue = "on",
      description =
          "embed each paper with the "
              + MiniLmEmbedder.MODEL
              + " model for search by meaning"
              + " (default: ${DEFAULT-VALUE}); off builds a lexical-only index")
  private String embed;

  @Option(
      names = "--embedding-cache",
      paramLabel = "DIR",
      description =
          "folder of vectors already computed, so a rebuild embeds only new or changed papers"
              + " (default: INDEX.embeddings beside the index)")
  private Path embeddingCache;

  @Override
  public Integer call() {
    if (!embed.equals("on") && !embed.equals("off")) {
      System.err.println("error: --embed must be on or off, not '" + embed + "'");
      return 2;
    }
    if (!solrPlugin.equals("on") && !solrPlugin.equals("off")) {
      System.err.println("error: --solr-plugin must be on or off, not '" + solrPlugin + "'");
      return 2;
    }
    if (solrConfigset != null) {
      return writeSolrConfigset();
    }
    if ((solr == null) != (collection == null)) {
      System.err.println("error: --solr URL[,URL...] and --collection NAME go together");
      return 2;
    }
    if (solr != null && (add != null || index != null)) {
      System.err.println(
          "error: --solr rebuilds a collection from --posts; --add and --index are for a Lucene"
              + " index");
      return 2;
    }
    if (solr == null && index == null) {
      System.err.println(
          "error: give --index DIR (a Lucene index) or --solr URL[,URL...] --collection NAME");
      return 2;
    }
    if ((posts == null) == (add == null)) {
      System.err.println("error: give either --posts DIR (rebuild) or --add POST... (update)");
      return 2;
    }
    if (add != null) {
      return addPosts();
    }
    if (!Files.isDirectory(posts) || !Files.isReadable(posts)) {
      System.err.println("error: --posts " + posts + ": not a readable directory");
      return 2;
    }
    if (solr != null) {
      return rebuildSolr();
    }
    ReindexListener progress = ReindexListener.printing(System.err, PROGRESS_EVERY);
    int threads = Runtime.getRuntime().availableProcessors();
    try {
      ReindexSummary summary;
      if (embed.equals("off")) {
        summary = new BatchReindex(new PostParser(), progress, threads).run(posts, index);
      } else {
        try (PaperEmbedder embedder = new MiniLmEmbedder()) {
          PaperVectors vectors = PaperVectors.forIndex(embedder, index, embeddingCache);
          summary =
              new BatchReindex(new PostParser(), progress, threads, vectors).run(posts, index);
        }
      }
      System.out.print(summary.report());
      return 0;
    } catch (IOException e) {
      if (outOfMemory(e)) {
        return reportOutOfMemory();
      }
      System.err.println(
          "error: reindex of " + index + " failed, previous index kept: " + describe(e));
      System.err.println(spaceNote(index));
      return 1;
    } catch (OutOfMemoryError e) {
      return reportOutOfMemory();
    } catch (RuntimeException e) {
      if (outOfMemory(e)) {
        return reportOutOfMemory();
      }
      throw e;
    }
  }

  /**
   * Rebuilds the {@code --collection} alias of the {@code --solr} cluster, embedding if {@code
   * --embed on} with the cache in {@code --embedding-cache} (default {@code NAME.embeddings}).
   */
  private int rebuildSolr() {
    ReindexListener progress = ReindexListener.printing(System.err, PROGRESS_EVERY);
    int threads = Runtime.getRuntime().availableProcessors();
    Path cache = embeddingCache == null ? Path.of(collection + ".embeddings") : embeddingCache;
    try (SolrNodes nodes = new SolrNodes(solr);
        PaperEmbedder embedder = embed.equals("on") ? new MiniLmEmbedder() : null) {
      PaperVectors vectors = embedder == null ? null : PaperVectors.open(embedder, cache);
      BatchReindex batch = new BatchReindex(new PostParser(), progress, threads, vectors);
      ReindexSummary summary =
          new SolrReindex(
                  nodes, collection, shards, replicas, batch, vectors, solrPlugin.equals("on"))
              .run(posts);
      System.out.print(summary.report());
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      System.err.println(
          "error: rebuild of Solr alias "
              + collection
              + " failed, the alias still points to its previous collection: "
              + describe(e));
      return 1;
    }
  }

  private int writeSolrConfigset() {
    int dimensions = embed.equals("on") ? MiniLmEmbedder.DIMENSIONS : 0;
    try {
      new SolrConfigset(dimensions, solrPlugin.equals("on")).write(solrConfigset);
    } catch (IOException e) {
      System.err.println("error: the configset could not be written: " + describe(e));
      return 1;
    }
    System.out.println("wrote the Solr configset to " + solrConfigset);
    return 0;
  }

  /** Adds the {@code --add} posts to the index, embedding them if {@code --embed on}. */
  private int addPosts() {
    try (PaperEmbedder embedder = embed.equals("on") ? new MiniLmEmbedder() : null) {
      PaperVectors vectors =
          embedder == null ? null : PaperVectors.forIndex(embedder, index, embeddingCache);
      System.out.print(new PostAdder(new PostParser(), vectors).add(add, index).report());
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      System.err.println(
          "error: adding posts to " + index + " failed, index unchanged: " + e.getMessage());
      return 1;
    }
  }

  private int reportOutOfMemory() {
    System.err.println(
        "error: reindex of "
            + index
            + " ran out of memory, previous index kept: give Java more heap (java -Xmx2g -jar"
            + " ...), or build without embeddings (--embed off)");
    return 1;
  }

  private static boolean outOfMemory(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  /**
   * How much room a rebuild needs beside the index it replaces (about the index's own size, as both
   * exist until the new one is committed) and how much the disk has.
   */
  static String spaceNote(Path index) {
    try (Stream<Path> files = Files.isDirectory(index) ? Files.list(index) : Stream.empty()) {
      long used = 0;
      for (Path file : files.toList()) {
        used += Files.size(file);
      }
      Path existing = Files.exists(index) ? index : index.toAbsolutePath().getParent();
      long free = Files.getFileStore(existing).getUsableSpace();
      return String.format(
          "note: a rebuild needs about %,d MB free beside the %,d MB index in %s; that disk has"
              + " %,d MB free",
          Math.max(1, used / 1_000_000), used / 1_000_000, index, free / 1_000_000);
    } catch (IOException e) {
      return "note: the free space beside " + index + " could not be read: " + describe(e);
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new IndexerMain()).execute(args));
  }
}
