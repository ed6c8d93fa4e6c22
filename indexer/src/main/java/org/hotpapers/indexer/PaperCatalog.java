package org.hotpapers.indexer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects the papers of many posts, one per arXiv id, merging repeat appearances. */
public final class PaperCatalog {

  private final Map<String, Paper> papers = new LinkedHashMap<>();
  private int merged;

  /** Adds every paper of a post, merging those already seen on another day. */
  public void add(Post post) {
    for (Paper paper : post.papers()) {
      Paper previous = papers.putIfAbsent(paper.id(), paper);
      if (previous != null) {
        papers.put(paper.id(), previous.mergedWith(paper));
        merged++;
      }
    }
  }

  /** The distinct papers, in the order they were first seen. */
  public Collection<Paper> papers() {
    return papers.values();
  }

  /** How many appearances were merged into a paper seen earlier. */
  public int merged() {
    return merged;
  }
}
