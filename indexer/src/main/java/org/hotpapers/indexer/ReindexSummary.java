package org.hotpapers.indexer;

import java.time.Duration;
import java.util.List;

/**
 * What a batch reindex did.
 *
 * @param postsRead posts parsed, including empty ones
 * @param skippedPosts posts that could not be read at all
 * @param problems sections and tweets skipped inside posts that were read
 * @param emptyPosts posts that list no papers (reported, not an error)
 * @param papersMerged appearances merged into a paper seen on another day
 * @param embeddingModel the model that embedded the papers, or {@code null} for a lexical-only
 *     index
 * @param papersEmbedded papers the model embedded (new or changed text)
 * @param embeddingsReused papers whose vector came from the embedding cache
 */
public record ReindexSummary(
    int postsRead,
    List<PostProblem> skippedPosts,
    List<PostProblem> problems,
    List<String> emptyPosts,
    int papersIndexed,
    int papersMerged,
    Duration elapsed,
    String embeddingModel,
    int papersEmbedded,
    int embeddingsReused) {

  /** Copies the lists so a summary never changes after it is made. */
  public ReindexSummary {
    skippedPosts = List.copyOf(skippedPosts);
    problems = List.copyOf(problems);
    emptyPosts = List.copyOf(emptyPosts);
  }

  /** Sections skipped inside readable posts. */
  public long sectionsSkipped() {
    return problems.stream().filter(p -> p.reason().startsWith("section skipped")).count();
  }

  /** A human-readable report, one fact per line. */
  public String report() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("posts read:        %,d%n", postsRead));
    out.append(String.format("posts skipped:     %,d%n", skippedPosts.size()));
    for (PostProblem problem : skippedPosts) {
      out.append("  ").append(problem).append(System.lineSeparator());
    }
    out.append(String.format("sections skipped:  %,d%n", sectionsSkipped()));
    for (PostProblem problem : problems) {
      out.append("  ").append(problem).append(System.lineSeparator());
    }
    out.append(String.format("empty posts:       %,d%n", emptyPosts.size()));
    for (String post : emptyPosts) {
      out.append("  ").append(post).append(": no papers").append(System.lineSeparator());
    }
    out.append(String.format("papers indexed:    %,d%n", papersIndexed));
    out.append(
        String.format("papers merged:     %,d (appearances on more than one day)%n", papersMerged));
    if (embeddingModel == null) {
      out.append("embeddings:        off (lexical-only index)").append(System.lineSeparator());
    } else {
      out.append(
          String.format(
              "embeddings:        %s, %,d embedded, %,d from the cache%n",
              embeddingModel, papersEmbedded, embeddingsReused));
    }
    out.append(String.format("elapsed:           %.2f s%n", elapsed.toMillis() / 1000.0));
    return out.toString();
  }
}
