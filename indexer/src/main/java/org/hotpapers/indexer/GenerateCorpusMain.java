package org.hotpapers.indexer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line: writes a deterministic synthetic corpus for benchmarks and load tests. */
@Command(
    name = "hotpapers-generate",
    mixinStandardHelpOptions = true,
    version = "hotpapers-generate 0.1.0",
    description =
        "Writes synthetic Hot Papers posts in the real format; the same --seed gives the same"
            + " files. With --vocabulary-from, words are drawn from real posts ranked by frequency.")
public final class GenerateCorpusMain implements Callable<Integer> {

  @Option(names = "--papers", required = true, paramLabel = "N", description = "papers to write")
  private int papers;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write")
  private Path out;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "default: 42")
  private long seed;

  @Option(
      names = "--vocabulary-from",
      paramLabel = "DIR",
      description = "real posts to take word frequencies from (default: pseudo-words)")
  private Path vocabularyFrom;

  @Override
  public Integer call() throws Exception {
    if (papers < 1) {
      System.err.println("error: --papers must be at least 1");
      return 2;
    }
    if (vocabularyFrom != null && !Files.isDirectory(vocabularyFrom)) {
      System.err.println("error: --vocabulary-from " + vocabularyFrom + ": not a directory");
      return 2;
    }
    Instant start = Instant.now();
    List<String> vocabulary =
        vocabularyFrom == null
            ? CorpusGenerator.pseudoWords(30_000, seed)
            : CorpusGenerator.vocabularyOf(vocabularyFrom);
    int posts = new CorpusGenerator(vocabulary, seed).write(out, papers);
    System.out.printf(
        "wrote %,d papers in %,d posts to %s in %.1f s%n",
        papers, posts, out, Duration.between(start, Instant.now()).toMillis() / 1000.0);
    return 0;
  }

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new GenerateCorpusMain()).execute(args));
  }
}
