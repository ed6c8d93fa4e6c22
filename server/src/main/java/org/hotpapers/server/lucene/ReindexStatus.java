package org.hotpapers.server.lucene;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The state of one background reindex, as {@code GET /admin/reindex/{id}} returns it.
 *
 * @param state {@code running}, {@code succeeded} or {@code failed}
 * @param summary what the finished reindex did, or {@code null} while running or after a failure
 * @param error why it failed, or {@code null}
 */
public record ReindexStatus(
    String id,
    String state,
    String started,
    String finished,
    @JsonProperty("posts_done") int postsDone,
    @JsonProperty("posts_total") int postsTotal,
    @JsonProperty("papers_found") int papersFound,
    @JsonProperty("papers_indexed") int papersIndexed,
    Summary summary,
    String error) {

  /** A finished reindex: counts and every skipped post or section as {@code file:line: reason}. */
  public record Summary(
      @JsonProperty("posts_read") int postsRead,
      @JsonProperty("posts_skipped") List<String> postsSkipped,
      @JsonProperty("sections_skipped") List<String> problems,
      @JsonProperty("empty_posts") List<String> emptyPosts,
      @JsonProperty("papers_indexed") int papersIndexed,
      @JsonProperty("papers_merged") int papersMerged,
      @JsonProperty("elapsed_ms") long elapsedMs) {}
}
