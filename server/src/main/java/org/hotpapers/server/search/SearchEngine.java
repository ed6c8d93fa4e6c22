package org.hotpapers.server.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.hotpapers.server.lucene.SearchService;

/**
 * What the HTTP routes ask of a search backend: ranked searches with facets and highlights, single
 * papers, similar papers and completions, as records that hold no engine types. The embedded Lucene
 * index ({@link SearchService}) is one backend; the routes never know which one answers.
 */
public interface SearchEngine extends Closeable {

  /**
   * The hits, facets and total of one search.
   *
   * @throws InvalidQueryException when the query or a parameter cannot be searched
   * @throws SearchTimeoutException when the search ran out of time
   */
  SearchResponse search(SearchRequest request);

  /** One whole paper, with its tweets, if the backend has it. */
  Optional<PaperView> paper(String id);

  /** The BibTeX entry of paper {@code id}, if the backend has it. */
  Optional<String> citation(String id);

  /** Up to {@code size} papers like paper {@code id} (not itself), or empty for an unknown id. */
  Optional<List<SearchHit>> similar(String id, int size);

  /** Up to {@code size} completions of {@code prefix}, most discussed first. */
  List<Suggestion> suggest(String prefix, List<String> categories, int size);

  /** Number of papers searched. */
  int paperCount();

  /** The embedding model that searches by meaning use, if the papers served have vectors. */
  Optional<String> semanticModel();

  /** Why the newest data is not served, or empty when all is well. */
  Optional<String> damage();

  /** Picks up data committed since the last call; searches in flight are not disturbed. */
  void refresh() throws IOException;
}
