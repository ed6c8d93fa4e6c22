package org.hotpapers.server.lucene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotpapers.indexer.BatchReindex;
import org.hotpapers.indexer.MiniLmEmbedder;
import org.hotpapers.indexer.PaperEmbedder;
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
    List<String> weightArgs = new ArrayList<>(List.of(args));
    Path index;
    if (!weightArgs.isEmpty() && weightArgs.get(0).equals("--index")) {
      index = Path.of(weightArgs.get(1));
      weightArgs = weightArgs.subList(2, weightArgs.size());
    } else {
      index = Files.createTempDirectory("hotpapers-tuning").resolve("index");
      new BatchReindex(new PostParser(), progress -> {}).run(posts, index);
    }
    DevSplit split = DevSplit.read(kit);
    List<RankingWeights> candidates = new ArrayList<>();
    for (String arg : weightArgs) {
      candidates.add(parse(arg));
    }
    if (candidates.isEmpty()) {
      candidates.add(RankingWeights.DEFAULT);
    }
    try (PaperEmbedder embedder = new MiniLmEmbedder()) {
      for (RankingWeights weights : candidates) {
        score(index, weights, embedder, split);
      }
    }
  }

  private static void score(
      Path index, RankingWeights weights, PaperEmbedder embedder, DevSplit split)
      throws IOException {
    try (SearchService service =
        SearchService.open(index, Duration.ofSeconds(30), weights, embedder)) {
      System.out.println(weights + " search " + service.semanticModel().orElse("lexical"));
      Map<String, DevSplit.KindFigures> figures = split.score(service);
      figures.forEach((kind, f) -> System.out.println("  " + f.line(kind)));
      System.out.printf(
          "  judged\t%.4f\tmisspelled\t%.4f%n",
          RelevanceRegressionTest.mrr(service, "/relevance/judged-queries.tsv"),
          RelevanceRegressionTest.mrr(service, "/relevance/misspelled-queries.tsv"));
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
        Float.parseFloat(v[9]),
        Float.parseFloat(v[10]),
        Float.parseFloat(v[11]));
  }
}
