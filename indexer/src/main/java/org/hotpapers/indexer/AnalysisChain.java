package org.hotpapers.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.util.ClasspathResourceLoader;

/**
 * An analyzer written as Lucene's factory names and parameters, so that one definition builds the
 * Lucene analyzer and the analyzer of a Solr field type ({@link SolrConfigset}). Files a parameter
 * names (stop words, synonyms) are resources beside {@link PaperSchema}.
 *
 * @param tokenizer the tokenizer factory, such as {@code standard}
 * @param filters the token filter factories, in order
 * @param positionIncrementGap positions between two values of one field
 */
public record AnalysisChain(Step tokenizer, List<Step> filters, int positionIncrementGap) {

  /** One factory of the chain, by its SPI name, with its parameters. */
  public record Step(String name, Map<String, String> params) {

    /** A factory without parameters. */
    public static Step of(String name) {
      return new Step(name, Map.of());
    }

    /** A factory with parameters given as name, value, name, value, ... */
    public static Step of(String name, String... params) {
      Map<String, String> map = new HashMap<>();
      for (int i = 0; i < params.length; i += 2) {
        map.put(params[i], params[i + 1]);
      }
      return new Step(name, Map.copyOf(map));
    }
  }

  /** A chain of {@code tokenizer} and {@code filters}, with no gap between values. */
  public static AnalysisChain of(Step tokenizer, Step... filters) {
    return new AnalysisChain(tokenizer, List.of(filters), 0);
  }

  /** This chain with {@code gap} positions between two values of one field. */
  public AnalysisChain withPositionIncrementGap(int gap) {
    return new AnalysisChain(tokenizer, filters, gap);
  }

  /** This chain followed by {@code more} filters. */
  public AnalysisChain then(Step... more) {
    List<Step> all = new ArrayList<>(filters);
    all.addAll(List.of(more));
    return new AnalysisChain(tokenizer, List.copyOf(all), positionIncrementGap);
  }

  /** The Lucene analyzer of this chain. */
  public Analyzer build() {
    try {
      CustomAnalyzer.Builder builder =
          CustomAnalyzer.builder(new ClasspathResourceLoader(PaperSchema.class))
              .withTokenizer(tokenizer.name(), new HashMap<>(tokenizer.params()));
      for (Step filter : filters) {
        builder.addTokenFilter(filter.name(), new HashMap<>(filter.params()));
      }
      return builder.withPositionIncrementGap(positionIncrementGap).build();
    } catch (IOException e) {
      throw new UncheckedIOException("a file of the analysis chain cannot be read", e);
    }
  }
}
