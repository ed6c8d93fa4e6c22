package org.hotpapers.indexer;

import java.util.List;

/**
 * A sentence-embedding model that turns papers and queries into vectors of one space, so that a
 * description of a paper in other words lands near the paper. The index records {@link #model()},
 * and a server refuses an index embedded by another model.
 */
public interface PaperEmbedder extends AutoCloseable {

  /** The model's name, as recorded in the index, such as {@code all-minilm-l6-v2-q}. */
  String model();

  /** The length of every vector. */
  int dimensions();

  /** The text of a paper that is embedded, cut to the model's window. */
  String passage(Paper paper);

  /** One unit-length vector per text, in order. */
  List<float[]> embed(List<String> texts);

  /** The unit-length vector of a search query. */
  float[] embedQuery(String query);

  /** Releases the model. */
  @Override
  void close();
}
