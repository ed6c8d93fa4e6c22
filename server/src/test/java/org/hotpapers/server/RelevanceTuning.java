package org.hotpapers.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotpapers.indexer.BatchReindex;
import org.hotpapers.indexer.PostParser;
import org.hotpapers.indexer.SharedCorpus;

/**
 * Prints the judged set's and the development split's figures for ranking weights given on the
 * command line, to choose {@link RankingWeights#DEFAULT} on both sets together. Each argument is
 * one set of ten weights in {@link RankingWeights} component order, comma-separated; with none, the
 * defaults. Run on demand (README, "Relevance"); never part of {@code mvn verify}.
 */
public final class RelevanceTuning {

  private RelevanceTuning() {}

  /** Indexes the real corpus into a temporary folder and scores each set of weights. */
  public static void main(String[] args) throws Exception {
    Path posts = SharedCorpus.posts().orElseThrow(() -> new IllegalStateException("no corpus"));
    Path kit = SharedCorpus.relevanceKit().orElseThrow(() -> new IllegalStateException("no kit"));
    Path index = Files.createTempDirectory("hotpapers-tuning").resolve("index");
    new BatchReindex(new PostParser(), progress -> {}).run(posts, index);
    DevSplit split = DevSplit.read(kit);
    List<RankingWeights> candidates = new ArrayList<>();
    for (String arg : args) {
      candidates.add(parse(arg));
    }
    if (candidates.isEmpty()) {
      candidates.add(RankingWeights.DEFAULT);
    }
    for (RankingWeights weights : candidates) {
      try (SearchService service = SearchService.open(index, Duration.ofSeconds(30), weights)) {
        System.out.println(weights);
        Map<String, DevSplit.KindFigures> figures = split.score(service);
        figures.forEach((kind, f) -> System.out.println("  " + f.line(kind)));
        System.out.printf(
            "  judged\t%.4f\tmisspelled\t%.4f%n",
            RelevanceRegressionTest.mrr(service, "/relevance/judged-queries.tsv"),
            RelevanceRegressionTest.mrr(service, "/relevance/misspelled-queries.tsv"));
      }
    }
  }

  private static RankingWeights parse(String arg) {
    String[] v = arg.split(",");
    return new RankingWeights(
        Float.parseFloat(v[0]),
        Float.parseFloat(v[1]),
        Float.parseFloat(v[2]),
        Float.parseFloat(v[3]),
        Float.parseFloat(v[4]),
        Float.parseFloat(v[5]),
        Float.parseFloat(v[6]),
        Float.parseFloat(v[7]),
        Float.parseFloat(v[8]),
        Float.parseFloat(v[9]));
  }
}
