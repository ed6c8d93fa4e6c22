package org.hotpapers.indexer;

import java.time.LocalDate;
import java.util.List;

/**
 * One parsed digest post: its date, the papers it lists, and the sections that had to be skipped.
 *
 * @param source the file the post came from, as given to the parser
 */
public record Post(String source, LocalDate date, List<Paper> papers, List<PostProblem> problems) {

  /** Copies the lists so a post never changes after it is made. */
  public Post {
    papers = List.copyOf(papers);
    problems = List.copyOf(problems);
  }
}
