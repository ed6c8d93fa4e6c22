package org.hotpapers.server.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.hotpapers.indexer.Paper;

/**
 * One search result.
 *
 * @param dates digest dates, ISO, oldest first
 * @param highlight for each of {@code title}, {@code abstract} and {@code tweet} that matched, HTML
 *     snippets: matched terms in {@code <mark>}, everything else escaped
 * @param matchedByMeaning whether the paper was found by meaning alone: it holds too few of the
 *     query's words to match them
 */
public record SearchHit(
    String id,
    String title,
    List<String> authors,
    List<String> categories,
    @JsonProperty("abstract") String abstractText,
    int retweets,
    int favorites,
    List<String> dates,
    String url,
    float score,
    Map<String, List<String>> highlight,
    @JsonInclude(JsonInclude.Include.NON_NULL) ScoreBreakdown explain,
    @JsonProperty("matched_by_meaning") boolean matchedByMeaning) {

  public static SearchHit of(
      Paper paper,
      float score,
      Map<String, List<String>> highlight,
      ScoreBreakdown explain,
      boolean matchedByMeaning) {
    return new SearchHit(
        paper.id(),
        paper.title(),
        paper.authors(),
        paper.categories(),
        paper.abstractText(),
        paper.retweets(),
        paper.favorites(),
        paper.dates().stream().map(Object::toString).toList(),
        paper.url(),
        score,
        highlight,
        explain,
        matchedByMeaning);
  }
}
