package org.hotpapers.server.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.spell.SuggestWordQueue;
import org.apache.solr.common.params.ShardParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.handler.component.SearchComponent;
import org.apache.solr.handler.component.ShardRequest;
import org.apache.solr.handler.component.ShardResponse;
import org.hotpapers.server.lucene.PaperQueries;
import org.hotpapers.server.lucene.RankingWeights;
import org.hotpapers.server.lucene.SpellingIndex;

/**
 * Answers the spelling questions of the Solr backend for a whole collection at once: for each word
 * of the request parameter {@value #WORDS_PARAM} (comma-separated), whether any paper holds it and,
 * if none does, the title words close to it. Each shard answers from its own index as the embedded
 * index would; the node that fans the request out merges the answers (a word is held if any shard
 * holds it; the frequencies of a suggestion add up) into {@value #RESPONSE_KEY}.
 */
public final class PaperSpellingComponent extends SearchComponent {

  /** The request parameter naming the words to check. */
  public static final String WORDS_PARAM = "hotpapers.spell";

  /** Where the response holds the answers: word to {@code holds} and {@code suggestions}. */
  public static final String RESPONSE_KEY = "hotpapers_spelling";

  private static final String MERGED = PaperSpellingComponent.class.getName() + ".merged";

  private final PaperQueries queries = PaperQueries.forLucene(RankingWeights.DEFAULT);

  @Override
  public void prepare(ResponseBuilder rb) {}

  @Override
  public void process(ResponseBuilder rb) throws IOException {
    String words = rb.req.getParams().get(WORDS_PARAM);
    int purpose = rb.req.getParams().getInt(ShardParams.SHARDS_PURPOSE, 0);
    if (words == null || (purpose != 0 && (purpose & ShardRequest.PURPOSE_GET_TOP_IDS) == 0)) {
      return;
    }
    SpellingIndex index = queries.spelling(rb.req.getSearcher().getIndexReader());
    SimpleOrderedMap<Object> answers = new SimpleOrderedMap<>();
    for (String word : words.split(",")) {
      if (word.isBlank() || answers.get(word) != null) {
        continue;
      }
      boolean holds = index.holds(word);
      answers.add(word, answer(holds, holds ? new SuggestWord[0] : index.similar(word)));
    }
    rb.rsp.add(RESPONSE_KEY, answers);
  }

  private static SimpleOrderedMap<Object> answer(boolean holds, SuggestWord[] suggestions) {
    List<SimpleOrderedMap<Object>> list = new ArrayList<>();
    for (SuggestWord suggestion : suggestions) {
      SimpleOrderedMap<Object> entry = new SimpleOrderedMap<>();
      entry.add("word", suggestion.string);
      entry.add("score", suggestion.score);
      entry.add("freq", suggestion.freq);
      list.add(entry);
    }
    SimpleOrderedMap<Object> answer = new SimpleOrderedMap<>();
    answer.add("holds", holds);
    answer.add("suggestions", list);
    return answer;
  }

  /** The suggestions of one word's answer, as {@link #answer} wrote them. */
  static List<SuggestWord> suggestions(NamedList<?> answer) {
    List<SuggestWord> suggestions = new ArrayList<>();
    for (Object entry : (List<?>) answer.get("suggestions")) {
      NamedList<?> suggestion = (NamedList<?>) entry;
      SuggestWord word = new SuggestWord();
      word.string = (String) suggestion.get("word");
      word.score = ((Number) suggestion.get("score")).floatValue();
      word.freq = ((Number) suggestion.get("freq")).intValue();
      suggestions.add(word);
    }
    return suggestions;
  }

  @Override
  public void handleResponses(ResponseBuilder rb, ShardRequest sreq) {
    if (rb.req.getParams().get(WORDS_PARAM) == null
        || (sreq.purpose & ShardRequest.PURPOSE_GET_TOP_IDS) == 0) {
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, Merged> merged =
        (Map<String, Merged>)
            rb.req.getContext().computeIfAbsent(MERGED, k -> new LinkedHashMap<>());
    for (ShardResponse response : sreq.responses) {
      if (response.getSolrResponse() == null) {
        continue;
      }
      Object answers = response.getSolrResponse().getResponse().get(RESPONSE_KEY);
      if (answers instanceof NamedList<?> list) {
        for (Map.Entry<String, ?> word : list) {
          merged
              .computeIfAbsent(word.getKey(), k -> new Merged())
              .add((NamedList<?>) word.getValue());
        }
      }
    }
  }

  @Override
  public void finishStage(ResponseBuilder rb) {
    if (rb.stage != ResponseBuilder.STAGE_EXECUTE_QUERY) {
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, Merged> merged = (Map<String, Merged>) rb.req.getContext().get(MERGED);
    if (merged == null) {
      return;
    }
    SimpleOrderedMap<Object> answers = new SimpleOrderedMap<>();
    merged.forEach((word, answer) -> answers.add(word, answer(answer.holds, answer.best())));
    rb.rsp.add(RESPONSE_KEY, answers);
  }

  @Override
  public String getDescription() {
    return "hotpapers spelling: which query words the papers hold, and close title words";
  }

  /** One word's answers from several shards. */
  private static final class Merged {
    private boolean holds;
    private final Map<String, SuggestWord> suggestions = new LinkedHashMap<>();

    void add(NamedList<?> answer) {
      holds |= Boolean.TRUE.equals(answer.get("holds"));
      for (SuggestWord suggestion : suggestions(answer)) {
        SuggestWord sum = suggestions.computeIfAbsent(suggestion.string, k -> new SuggestWord());
        sum.string = suggestion.string;
        sum.score = Math.max(sum.score, suggestion.score);
        sum.freq += suggestion.freq;
      }
    }

    /** The closest suggestions, then the most frequent, as one index would rank them. */
    SuggestWord[] best() {
      if (holds) {
        return new SuggestWord[0];
      }
      return suggestions.values().stream()
          .sorted(SuggestWordQueue.DEFAULT_COMPARATOR.reversed())
          .limit(PaperQueries.SPELLING_CANDIDATES)
          .toArray(SuggestWord[]::new);
    }
  }
}
