package org.hotpapers.indexer;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
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
 * stored, text already parsed: the ceiling on this machine), on the same number of threads in the
 * same run. Prints papers/s, MB/s of posts, peak heap, index size and the ratio. Run with {@code
 * mvn -q -pl indexer test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.hotpapers.indexer.IndexingBenchmark -Dexec.args="POSTS_DIR"}.
 */
public final class IndexingBenchmark {

  private static final int BARE_BATCH = 256;

  private IndexingBenchmark() {}

  /**
   * What one run measured.
   *
   * @param postBytes size of the posts folder
   * @param peakHeapBytes most heap in use during the hotpapers rebuild
   * @param indexBytes size of the hotpapers index on disk
   * @param parseSeconds reading and parsing every post, nothing indexed
   * @param bareTextAnalyzerSeconds the bare indexer with the hotpapers text analyzer instead of
   *     StandardAnalyzer: the cost of the analysis chain alone
   */
  public record Figures(
      int threads,
      long postBytes,
      int papers,
      double seconds,
      long peakHeapBytes,
      long indexBytes,
      double bareSeconds,
      long bareHeapBytes,
      double parseSeconds,
      double bareTextAnalyzerSeconds) {

    /** Hotpapers papers per second. */
    public double papersPerSecond() {
      return papers / seconds;
    }

    /** Bare Lucene papers per second over the same text. */
    public double barePapersPerSecond() {
      return papers / bareSeconds;
    }

    /** Megabytes of posts per second. */
    public double megabytesPerSecond() {
      return postBytes / 1e6 / seconds;
    }

    /** The lines {@link IndexingBenchmark} prints. */
    public String report() {
      return String.format(
          Locale.ROOT,
          "posts: %.1f MB, %,d papers, %d threads%n"
              + "hotpapers rebuild: %.2f s, %,.0f papers/s, %.1f MB/s, peak heap %,d MB,"
              + " index %.1f MB%n"
              + "bare Lucene (StandardAnalyzer, one field, nothing stored, text already parsed):"
              + " %.2f s, %,.0f papers/s, peak heap %,d MB%n"
              + "hotpapers / bare Lucene: %.0f%%%n"
              + "where the time goes: parsing posts alone %.2f s (%,.0f papers/s); bare Lucene"
              + " with the hotpapers text analyzer %.2f s (%,.0f papers/s)%n",
          postBytes / 1e6,
          papers,
          threads,
          seconds,
          papersPerSecond(),
          megabytesPerSecond(),
          peakHeapBytes >> 20,
          indexBytes / 1e6,
          bareSeconds,
          barePapersPerSecond(),
          bareHeapBytes >> 20,
          100 * papersPerSecond() / barePapersPerSecond(),
          parseSeconds,
          papers / parseSeconds,
          bareTextAnalyzerSeconds,
          papers / bareTextAnalyzerSeconds);
    }
  }

  /** Runs the benchmark on the posts folder given as the only argument. */
  public static void main(String[] args) throws Exception {
    Path posts = Path.of(args.length > 0 ? args[0] : "../../shared/corpus/posts");
    Path work = Files.createTempDirectory("hotpapers-indexing");
    int threads = Runtime.getRuntime().availableProcessors();
    System.out.print(measure(posts, work.resolve("index"), work, threads).report());
  }

  /**
   * Rebuilds {@code index} from {@code posts}, then indexes the same text bare in {@code scratch},
   * both on {@code threads} threads.
   */
  public static Figures measure(Path posts, Path index, Path scratch, int threads)
      throws IOException, InterruptedException {
    long postBytes = size(posts);
    resetPeaks();
    ReindexSummary summary =
        new BatchReindex(new PostParser(), progress -> {}, threads).run(posts, index);
    long heap = peakHeap();
    double seconds = summary.elapsed().toNanos() / 1e9;

    Path texts = scratch.resolve("bare-texts.txt");
    writeTexts(posts, texts);
    resetPeaks();
    long start = System.nanoTime();
    indexBare(texts, scratch.resolve("bare-index"), threads, new StandardAnalyzer());
    double bareSeconds = (System.nanoTime() - start) / 1e9;
    long bareHeap = peakHeap();
    deleteTree(scratch.resolve("bare-index"));
    start = System.nanoTime();
    indexBare(texts, scratch.resolve("bare-index"), threads, PaperSchema.textAnalyzer());
    double bareTextAnalyzerSeconds = (System.nanoTime() - start) / 1e9;
    deleteTree(scratch.resolve("bare-index"));
    Files.delete(texts);
    start = System.nanoTime();
    parseAll(posts, threads);
    double parseSeconds = (System.nanoTime() - start) / 1e9;
    return new Figures(
        threads,
        postBytes,
        summary.papersIndexed(),
        seconds,
        heap,
        size(index),
        bareSeconds,
        bareHeap,
        parseSeconds,
        bareTextAnalyzerSeconds);
  }

  /** Reads and parses every post on {@code threads} threads, as the rebuild does, indexing none. */
  private static void parseAll(Path posts, int threads) throws IOException, InterruptedException {
    List<Path> files;
    try (Stream<Path> paths = Files.walk(posts)) {
      files = paths.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    PostParser parser = new PostParser();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> parsed = new ArrayList<>();
      for (Path file : files) {
        parsed.add(pool.submit(() -> papersOf(parser, file).size()));
      }
      for (Future<Integer> papers : parsed) {
        papers.get();
      }
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Title, abstract and tweets of every distinct paper, one paper per line, parsed before the bare
   * indexer is timed.
   */
  private static void writeTexts(Path posts, Path out) throws IOException {
    PostParser parser = new PostParser();
    Set<String> seen = new HashSet<>();
    try (Stream<Path> files = Files.walk(posts);
        BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        for (Paper paper : papersOf(parser, file)) {
          if (seen.add(paper.id())) {
            StringBuilder text = new StringBuilder(paper.title()).append(' ');
            text.append(paper.abstractText());
            paper.tweets().forEach(tweet -> text.append(' ').append(tweet.text()));
            writer.write(text.toString().replace('\n', ' ').replace('\r', ' '));
            writer.newLine();
          }
        }
      }
    }
  }

  /** One unstored text field, lines handed out in batches to each thread. */
  private static void indexBare(Path texts, Path dir, int threads, Analyzer analyzer)
      throws IOException, InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (BufferedReader reader = Files.newBufferedReader(texts, StandardCharsets.UTF_8);
        FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer =
            new IndexWriter(
                directory, new IndexWriterConfig(new StandardAnalyzer()).setRAMBufferSizeMB(256))) {
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        workers.add(
            pool.submit(
                () -> {
                  for (List<String> batch = batch(reader);
                      !batch.isEmpty();
                      batch = batch(reader)) {
                    for (String text : batch) {
                      Document doc = new Document();
                      doc.add(new TextField("text", text, Field.Store.NO));
                      writer.addDocument(doc);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      writer.commit();
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  private static List<String> batch(BufferedReader reader) {
    synchronized (reader) {
      List<String> lines = new ArrayList<>(BARE_BATCH);
      try {
        for (String line = reader.readLine();
            line != null;
            line = lines.size() < BARE_BATCH - 1 ? reader.readLine() : null) {
          lines.add(line);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return lines;
    }
  }

  /** The papers of a post, or none for a post the rebuild skips too. */
  private static List<Paper> papersOf(PostParser parser, Path file) throws IOException {
    try {
      return parser.parse(file.toString(), Files.readAllBytes(file)).papers();
    } catch (MalformedPostException e) {
      return List.of();
    }
  }

  /** Total bytes of the regular files under {@code dir}. */
  public static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
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
