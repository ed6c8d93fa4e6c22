package org.hotpapers.indexer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Indexing speed on a posts folder: the full hotpapers rebuild (parse, merge, index, commit)
 * against a bare Lucene indexer over the same papers' text (StandardAnalyzer, one field, nothing
 * stored: the ceiling on this machine), in the same run. Prints papers/s, MB/s of posts, peak heap,
 * index size and the ratio. Run with {@code mvn -q -pl indexer test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.hotpapers.indexer.IndexingBenchmark
 * -Dexec.args="POSTS_DIR"}.
 */
public final class IndexingBenchmark {

  private IndexingBenchmark() {}

  /** Runs the benchmark on the posts folder given as the only argument. */
  public static void main(String[] args) throws Exception {
    Path posts = Path.of(args.length > 0 ? args[0] : "../../shared/corpus/posts");
    long postBytes = size(posts);
    Path work = Files.createTempDirectory("hotpapers-indexing");

    resetPeaks();
    ReindexSummary summary =
        new BatchReindex(new PostParser(), progress -> {}).run(posts, work.resolve("hotpapers"));
    long hotpapersHeap = peakHeap();
    double hotpapersSeconds = summary.elapsed().toNanos() / 1e9;
    long hotpapersIndexBytes = size(work.resolve("hotpapers"));

    List<String> texts = texts(posts);
    resetPeaks();
    long start = System.nanoTime();
    try (FSDirectory dir = FSDirectory.open(work.resolve("bare"));
        IndexWriter writer =
            new IndexWriter(
                dir, new IndexWriterConfig(new StandardAnalyzer()).setRAMBufferSizeMB(256))) {
      for (String text : texts) {
        Document doc = new Document();
        doc.add(new TextField("text", text, Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.commit();
    }
    double bareSeconds = (System.nanoTime() - start) / 1e9;
    long bareHeap = peakHeap();

    double hotpapersRate = summary.papersIndexed() / hotpapersSeconds;
    double bareRate = texts.size() / bareSeconds;
    System.out.printf(
        Locale.ROOT,
        "posts: %,d files, %.1f MB, %,d papers%n"
            + "hotpapers rebuild: %.2f s, %,.0f papers/s, %.1f MB/s, peak heap %,d MB, index %.1f MB%n"
            + "bare Lucene (StandardAnalyzer, one field, nothing stored, text already parsed):"
            + " %.2f s, %,.0f papers/s, peak heap %,d MB%n"
            + "hotpapers / bare Lucene: %.0f%%%n",
        summary.postsRead(),
        postBytes / 1e6,
        summary.papersIndexed(),
        hotpapersSeconds,
        hotpapersRate,
        postBytes / 1e6 / hotpapersSeconds,
        hotpapersHeap >> 20,
        hotpapersIndexBytes / 1e6,
        bareSeconds,
        bareRate,
        bareHeap >> 20,
        100 * hotpapersRate / bareRate);
  }

  /** Title, abstract and tweets of every paper, parsed before the bare indexer is timed. */
  private static List<String> texts(Path posts) throws IOException {
    List<String> texts = new ArrayList<>();
    PostParser parser = new PostParser();
    try (Stream<Path> files = Files.walk(posts)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        for (Paper paper : papersOf(parser, file)) {
          StringBuilder text = new StringBuilder(paper.title()).append('\n');
          text.append(paper.abstractText());
          paper.tweets().forEach(tweet -> text.append('\n').append(tweet.text()));
          texts.add(text.toString());
        }
      }
    }
    return texts;
  }

  /** The papers of a post, or none for a post the rebuild skips too. */
  private static List<Paper> papersOf(PostParser parser, Path file) throws IOException {
    try {
      return parser.parse(file.toString(), Files.readAllBytes(file)).papers();
    } catch (MalformedPostException e) {
      return List.of();
    }
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed())
        .sum();
  }
}
