package org.hotpapers.indexer;

/**
 * Something in a post that could not be indexed, located as {@code file:line}.
 *
 * @param line the 1-based line number, or 0 when the problem concerns the whole file
 */
public record PostProblem(String file, int line, String reason) {

  @Override
  public String toString() {
    return file + ':' + line + ": " + reason;
  }
}
