package org.hotpapers.indexer;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * Adds new posts (a day's digest) to an existing index without a rebuild: each paper they list is
 * merged with the version the index holds, as a full rebuild merges appearances, and every change
 * becomes visible in one commit. New posts are expected to be newer than those already indexed, as
 * daily digests are; the merge keeps the newest text either way.
 */
public final class PostAdder {

  private final PostParser parser;
  private final PaperVectors vectors;

  /** An adder that embeds with {@code vectors}, or none for a lexical-only index. */
  public PostAdder(PostParser parser, PaperVectors vectors) {
    this.parser = parser;
    this.vectors = vectors;
  }

  /**
   * Adds {@code posts} (read in name order) to the index in {@code indexDir}.
   *
   * @throws NoSuchFileException if {@code indexDir} holds no index to add to
   * @throws IOException if a post cannot be read or the index cannot be written
   */
  public ReindexSummary add(List<Path> posts, Path indexDir) throws IOException {
    Instant start = Instant.now();
    try (FSDirectory directory = FSDirectory.open(indexDir)) {
      if (!DirectoryReader.indexExists(directory)) {
        throw new NoSuchFileException(indexDir.toString(), null, "no index to add posts to");
      }
      checkModel(directory);
    }
    List<PostProblem> skipped = new ArrayList<>();
    List<PostProblem> problems = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    Map<String, Paper> added = new LinkedHashMap<>();
    int appearances = 0;
    int read = 0;
    for (Path file : posts.stream().sorted(Comparator.comparing(Path::getFileName)).toList()) {
      String name = file.getFileName().toString();
      try {
        Post post = parser.parse(name, StablePostReader.read(name, file));
        read++;
        problems.addAll(post.problems());
        if (post.papers().isEmpty() && post.problems().isEmpty()) {
          empty.add(name);
        }
        for (Paper paper : post.papers()) {
          appearances++;
          added.merge(paper.id(), paper, Paper::mergedWith);
        }
      } catch (MalformedPostException e) {
        skipped.add(e.problem());
      }
    }
    int merged = 0;
    try (PaperIndexer indexer = PaperIndexer.appending(indexDir, vectors)) {
      Map<String, Paper> existing = indexer.added(added.keySet());
      for (Paper paper : added.values()) {
        Paper earlier = existing.get(paper.id());
        if (earlier != null) {
          merged++;
        }
        indexer.replace(earlier == null ? paper : earlier.mergedWith(paper));
      }
      indexer.commit(
          Map.of(
              "added_posts", Integer.toString(read),
              "built", Instant.now().toString()));
    }
    return new ReindexSummary(
        read,
        skipped,
        problems,
        empty,
        added.size(),
        merged + appearances - added.size(),
        Duration.between(start, Instant.now()),
        vectors == null ? null : vectors.embedder().model(),
        vectors == null ? 0 : vectors.embedded(),
        vectors == null ? 0 : vectors.reused());
  }

  /** Refuses to mix vectors of two models, or vectors with none, in one index. */
  private void checkModel(FSDirectory directory) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      String indexed = reader.getIndexCommit().getUserData().get(PaperSchema.EMBEDDING_MODEL);
      String adding = vectors == null ? null : vectors.embedder().model();
      if (indexed == null ? adding != null : !indexed.equals(adding)) {
        throw new IllegalArgumentException(
            "the index in "
                + directory.getDirectory()
                + " holds "
                + (indexed == null ? "no embeddings" : "embeddings of " + indexed)
                + " but the posts would be added "
                + (adding == null ? "without embeddings" : "with " + adding)
                + ": add them with the same --embed setting, or rebuild");
      }
    }
  }
}
