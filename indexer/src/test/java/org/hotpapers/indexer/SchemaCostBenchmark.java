package org.hotpapers.indexer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * What each part of the schema costs to index: the same parsed papers indexed in memory on one
 * thread, once with the full document and once without each part in turn, best of two runs each
 * after one warm-up run. Run with {@code mvn -q -pl indexer test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.hotpapers.indexer.SchemaCostBenchmark
 * -Dexec.args="POSTS_DIR [POSTS]"}.
 */
public final class SchemaCostBenchmark {

  private SchemaCostBenchmark() {}

  /** A document variant: the full document's fields, some dropped or replaced. */
  private record Variant(String name, Function<IndexableField, IndexableField> field) {}

  private static final List<Variant> VARIANTS =
      List.of(
          new Variant("full document", field -> field),
          new Variant("without facets", field -> isFacet(field) ? null : field),
          new Variant("without stored-only fields", field -> isStoredOnly(field) ? null : field),
          new Variant(
              "without offsets in postings",
              field -> hasOffsets(field) ? textField(field, Field.Store.YES) : field),
          new Variant(
              "without the spelling field", field -> is(field, PaperSchema.SPELL) ? null : field),
          new Variant(
              "without author and tweeter names",
              field ->
                  is(field, PaperSchema.AUTHOR) || is(field, PaperSchema.TWEETER) ? null : field),
          new Variant(
              "text only (title, abstract, tweets; unstored)",
              field ->
                  is(field, PaperSchema.TITLE)
                          || is(field, PaperSchema.ABSTRACT)
                          || is(field, PaperSchema.TWEET)
                      ? textField(field, Field.Store.NO)
                      : null));

  /** Runs on the posts folder {@code args[0]}, reading its first {@code args[1]} posts (2,000). */
  public static void main(String[] args) throws IOException {
    List<Paper> papers =
        papers(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 2000);
    System.out.printf(Locale.ROOT, "%,d papers, one thread, in memory%n", papers.size());
    time(papers, VARIANTS.get(0));
    double full = 0;
    for (Variant variant : VARIANTS) {
      double seconds = Math.min(time(papers, variant), time(papers, variant));
      if (full == 0) {
        full = seconds;
      }
      System.out.printf(
          Locale.ROOT,
          "%-48s %6.2f s %,9.0f papers/s  %+4.0f%% time%n",
          variant.name(),
          seconds,
          papers.size() / seconds,
          100 * (seconds - full) / full);
    }
  }

  private static double time(List<Paper> papers, Variant variant) throws IOException {
    FacetsConfig facets = PaperSchema.facetsConfig();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer =
            new IndexWriter(
                dir, new IndexWriterConfig(PaperSchema.analyzer()).setRAMBufferSizeMB(256))) {
      long start = System.nanoTime();
      for (Paper paper : papers) {
        Document doc = new Document();
        for (IndexableField field : PaperDocuments.toDocument(paper)) {
          IndexableField kept = variant.field().apply(field);
          if (kept != null) {
            doc.add(kept);
          }
        }
        writer.addDocument(facets.build(doc));
      }
      writer.commit();
      return (System.nanoTime() - start) / 1e9;
    }
  }

  private static boolean is(IndexableField field, String name) {
    return field.name().equals(name);
  }

  private static boolean isFacet(IndexableField field) {
    return field instanceof SortedSetDocValuesFacetField;
  }

  private static boolean isStoredOnly(IndexableField field) {
    return field.fieldType().stored() && field.fieldType().indexOptions() == IndexOptions.NONE;
  }

  private static boolean hasOffsets(IndexableField field) {
    return field.fieldType().indexOptions()
        == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS;
  }

  private static IndexableField textField(IndexableField field, Field.Store store) {
    return new TextField(field.name(), field.stringValue(), store);
  }

  private static List<Paper> papers(Path posts, int limit) throws IOException {
    PostParser parser = new PostParser();
    List<Paper> papers = new ArrayList<>();
    try (Stream<Path> files = Files.walk(posts)) {
      for (Path file :
          files.filter(p -> p.toString().endsWith(".md")).sorted().limit(limit).toList()) {
        try {
          papers.addAll(parser.parse(file.toString(), Files.readAllBytes(file)).papers());
        } catch (MalformedPostException e) {
          System.err.println("skipped: " + e.problem());
        }
      }
    }
    return papers;
  }
}
