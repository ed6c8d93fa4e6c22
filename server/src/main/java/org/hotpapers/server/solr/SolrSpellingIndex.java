package org.hotpapers.server.solr;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.hotpapers.indexer.SolrConfigset;
import org.hotpapers.server.lucene.SpellingIndex;

/**
 * The spelling questions of one query, answered by a whole Solr collection: which words the papers
 * hold and their close title words come in one response of {@link PaperSpellingComponent}; how well
 * a correction fits the other words is one search per correction.
 */
final class SolrSpellingIndex implements SpellingIndex {

  private final Map<String, Boolean> holds = new HashMap<>();
  private final Map<String, SuggestWord[]> similar = new HashMap<>();
  private final Searcher searcher;

  /**
   * Answers read from {@code response}; the searches of {@link #together} go to {@code searcher}.
   */
  SolrSpellingIndex(QueryResponse response, Searcher searcher) {
    this.searcher = searcher;
    Object answers = response.getResponse().get(PaperSpellingComponent.RESPONSE_KEY);
    if (answers instanceof NamedList<?> list) {
      for (Map.Entry<String, ?> word : list) {
        NamedList<?> answer = (NamedList<?>) word.getValue();
        holds.put(word.getKey(), Boolean.TRUE.equals(answer.get("holds")));
        similar.put(
            word.getKey(), PaperSpellingComponent.suggestions(answer).toArray(new SuggestWord[0]));
      }
    }
  }

  /** The groups of a {@code groups} parameter: words separated by spaces, groups by {@code |}. */
  static List<List<String>> groups(String groups) {
    return Arrays.stream(groups.split("\\|"))
        .map(String::strip)
        .filter(group -> !group.isEmpty())
        .map(group -> List.of(group.split("\\s+")))
        .toList();
  }

  private static String groupsParam(List<List<String>> context) {
    return String.join("|", context.stream().map(group -> String.join(" ", group)).toList());
  }

  @Override
  public boolean holds(String word) {
    return holds.getOrDefault(word, true);
  }

  @Override
  public SuggestWord[] similar(String word) {
    return similar.getOrDefault(word, new SuggestWord[0]);
  }

  @Override
  public float together(String candidate, List<List<String>> context) throws IOException {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set(
        "q",
        "{!"
            + SolrConfigset.QUERY_PARSER
            + " part=together groups=$hotpapers.groups v=$hotpapers.q}");
    params.set("hotpapers.q", candidate);
    params.set("hotpapers.groups", groupsParam(context));
    params.set("rows", 1);
    params.set("fl", SolrSearchParams.SCORE);
    SolrDocumentList best = searcher.search(params).getResults();
    return best.isEmpty() ? 0 : SolrSearchEngine.score(best.get(0));
  }

  /** Runs a search against the collection. */
  @FunctionalInterface
  interface Searcher {
    QueryResponse search(ModifiableSolrParams params) throws IOException;
  }
}
