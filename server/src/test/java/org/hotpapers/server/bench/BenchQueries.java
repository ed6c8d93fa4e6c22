package org.hotpapers.server.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.hotpapers.indexer.PaperSchema;
import org.hotpapers.server.SortOrder;

/**
 * Draws a seeded query set for each {@link QueryClass} from an index's own vocabulary and titles,
 * so the same queries run against every engine and every corpus size scales its terms with it.
 */
public final class BenchQueries {

  private static final Pattern WORD = Pattern.compile("[a-z]{3,}");
  private static final Pattern NON_LETTERS = Pattern.compile("[^a-z]+");
  private static final int COMMON_WORDS = 100;
  private static final int RARE_WORDS = 1000;

  private final IndexReader reader;
  private final Random random;
  private final List<String> rareWords;
  private final List<String> commonWords;

  private record WordCount(String word, int docFreq) {}

  /** Reads the vocabulary of {@code reader}; {@code seed} fixes every query drawn. */
  public BenchQueries(IndexReader reader, long seed) throws IOException {
    this.reader = reader;
    this.random = new Random(seed);
    List<WordCount> words = new ArrayList<>();
    Terms terms = MultiTerms.getTerms(reader, PaperSchema.SPELL);
    TermsEnum iterator = terms.iterator();
    for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
      String word = term.utf8ToString();
      if (!WORD.matcher(word).matches() || isStopWord(word)) {
        continue;
      }
      if (iterator.docFreq() >= 2) {
        words.add(new WordCount(word, iterator.docFreq()));
      }
    }
    words.sort(Comparator.comparingInt(WordCount::docFreq));
    rareWords = words.stream().limit(RARE_WORDS).map(WordCount::word).toList();
    commonWords =
        words.subList(Math.max(0, words.size() - COMMON_WORDS), words.size()).stream()
            .map(WordCount::word)
            .toList();
  }

  /** {@code count} queries of each class, classes in declaration order. */
  public List<BenchQuery> draw(int count) throws IOException {
    List<BenchQuery> queries = new ArrayList<>();
    for (QueryClass queryClass : QueryClass.values()) {
      for (int i = 0; i < count; i++) {
        queries.add(draw(queryClass));
      }
    }
    return queries;
  }

  private BenchQuery draw(QueryClass queryClass) throws IOException {
    return switch (queryClass) {
      case RARE_TERM -> single(queryClass, pick(rareWords), "", SortOrder.RELEVANCE);
      case COMMON_TERM -> single(queryClass, pick(commonWords), "", SortOrder.RELEVANCE);
      case AND_3_WORDS -> fromTitle(queryClass, 3, BenchQuery.Shape.ALL);
      case PHRASE -> fromTitle(queryClass, 2, BenchQuery.Shape.PHRASE);
      case CATEGORY_FILTERED ->
          single(queryClass, pick(commonWords), randomCategory(), SortOrder.RELEVANCE);
      case SORTED_BY_DATE -> single(queryClass, pick(commonWords), "", SortOrder.DATE);
      case ALL_BY_ENGAGEMENT ->
          new BenchQuery(queryClass, List.of(), BenchQuery.Shape.ALL, "", SortOrder.ENGAGEMENT);
    };
  }

  private static BenchQuery single(
      QueryClass queryClass, String word, String category, SortOrder sort) {
    return new BenchQuery(queryClass, List.of(word), BenchQuery.Shape.ALL, category, sort);
  }

  /**
   * Words of a random title: {@code size} distinct ones for {@link BenchQuery.Shape#ALL}, or {@code
   * size} adjacent ones for {@link BenchQuery.Shape#PHRASE}.
   */
  private BenchQuery fromTitle(QueryClass queryClass, int size, BenchQuery.Shape shape)
      throws IOException {
    StoredFields stored = reader.storedFields();
    while (true) {
      String title = stored.document(random.nextInt(reader.maxDoc())).get(PaperSchema.TITLE);
      List<String> words = new ArrayList<>();
      for (String word : NON_LETTERS.split(title.toLowerCase(Locale.ROOT))) {
        words.add(WORD.matcher(word).matches() && !isStopWord(word) ? word : null);
      }
      List<String> chosen =
          shape == BenchQuery.Shape.PHRASE ? adjacent(words, size) : distinct(words, size);
      if (chosen != null) {
        return new BenchQuery(queryClass, chosen, shape, "", SortOrder.RELEVANCE);
      }
    }
  }

  private List<String> adjacent(List<String> words, int size) {
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i + size <= words.size(); i++) {
      if (!words.subList(i, i + size).contains(null)) {
        starts.add(i);
      }
    }
    if (starts.isEmpty()) {
      return null;
    }
    int start = starts.get(random.nextInt(starts.size()));
    return List.copyOf(words.subList(start, start + size));
  }

  private List<String> distinct(List<String> words, int size) {
    List<String> candidates =
        new ArrayList<>(words.stream().filter(w -> w != null).distinct().toList());
    if (candidates.size() < size) {
      return null;
    }
    java.util.Collections.shuffle(candidates, random);
    return List.copyOf(candidates.subList(0, size));
  }

  private String randomCategory() throws IOException {
    StoredFields stored = reader.storedFields();
    String[] categories =
        stored.document(random.nextInt(reader.maxDoc())).getValues(PaperSchema.CATEGORY);
    return categories.length == 0
        ? randomCategory()
        : categories[random.nextInt(categories.length)];
  }

  private String pick(List<String> words) {
    if (words.isEmpty()) {
      throw new IllegalStateException("the index has too few distinct words for this query class");
    }
    return words.get(random.nextInt(words.size()));
  }

  private static boolean isStopWord(String word) {
    return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word);
  }
}
