package org.hotpapers.indexer;

/** A post that cannot be read at all (not UTF-8, binary, no front matter); it is skipped whole. */
public final class MalformedPostException extends Exception {
  private static final long serialVersionUID = 1L;

  private final PostProblem problem;

  /** A post whose problem is at {@code line} of {@code file}. */
  public MalformedPostException(String file, int line, String reason) {
    super(file + ':' + line + ": " + reason);
    this.problem = new PostProblem(file, line, reason);
  }

  /** Where and why the post was rejected. */
  public PostProblem problem() {
    return problem;
  }
}
