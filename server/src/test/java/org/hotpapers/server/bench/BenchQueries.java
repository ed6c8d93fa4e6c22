package org.hotpapers.server.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.hotpapers.indexer.PaperSchema;
import org.hotpapers.server.search.SortOrder;

/**
 * Draws a seeded query set for each {@link QueryClass} from an index's own vocabulary and titles,
 * so the same queries run against every engine and every corpus size scales its terms with it.
 * Papers are drawn by arXiv id, not by document number, so two builds of one corpus (whose indexing
 * threads order papers differently) give the same queries.
 */
public final class BenchQueries {

  private static final Pattern WORD = Pattern.compile("[a-z]{3,}");
  private static final Pattern NON_LETTERS = Pattern.compile("[^a-z]+");
  private static final int COMMON_WORDS = 100;
  private static final int RARE_WORDS = 1000;

  private final IndexReader reader;
  private final int[] papersById;
  private final Random random;
  private final List<String> rareWords;
  private final List<String> commonWords;

  private record WordCount(String word, int docFreq) {}

  /** Reads the vocabulary of {@code reader}; {@code seed} fixes every query drawn. */
  public BenchQueries(IndexReader reader, long seed) throws IOException {
    this.reader = reader;
    this.papersById = papersById(reader);
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
      case RARE_WORD -> BenchQuery.words(queryClass, List.of(pick(rareWords)), SortOrder.RELEVANCE);
      case COMMON_WORD ->
          BenchQuery.words(queryClass, List.of(pick(commonWords)), SortOrder.RELEVANCE);
      case TWO_WORDS -> BenchQuery.words(queryClass, titleWords(2), SortOrder.RELEVANCE);
      case THREE_WORDS -> BenchQuery.words(queryClass, titleWords(3), SortOrder.RELEVANCE);
      case DESCRIPTION ->
          BenchQuery.words(queryClass, abstractWords(6 + random.nextInt(4)), SortOrder.RELEVANCE);
      case TYPO -> BenchQuery.words(queryClass, misspelled(titleWords(2)), SortOrder.RELEVANCE);
      case PHRASE ->
          new BenchQuery(queryClass, adjacentTitleWords(2), true, "", "", 0, SortOrder.RELEVANCE);
      case CATEGORY_FILTERED ->
          new BenchQuery(
              queryClass,
              List.of(pick(commonWords)),
              false,
              randomCategory(),
              "",
              0,
              SortOrder.RELEVANCE);
      case AUTHOR_FILTERED ->
          new BenchQuery(
              queryClass, titleWords(2), false, "", randomAuthor(), 0, SortOrder.RELEVANCE);
      case DATE_RANGE ->
          new BenchQuery(
              queryClass, titleWords(2), false, "", "", randomYear(), SortOrder.RELEVANCE);
      case SORTED_BY_DATE ->
          BenchQuery.words(queryClass, List.of(pick(commonWords)), SortOrder.DATE);
      case TRENDING -> BenchQuery.words(queryClass, titleWords(2), SortOrder.TRENDING);
      case ALL_BY_ENGAGEMENT -> BenchQuery.words(queryClass, List.of(), SortOrder.ENGAGEMENT);
    };
  }

  /** {@code size} distinct words of a random title. */
  private List<String> titleWords(int size) throws IOException {
    while (true) {
      List<String> chosen = distinct(words(randomPaper().get(PaperSchema.TITLE)), size);
      if (chosen != null) {
        return chosen;
      }
    }
  }

  /** {@code size} adjacent words of a random title. */
  private List<String> adjacentTitleWords(int size) throws IOException {
    while (true) {
      List<String> chosen = adjacent(words(randomPaper().get(PaperSchema.TITLE)), size);
      if (chosen != null) {
        return chosen;
      }
    }
  }

  /** {@code size} distinct words of a random abstract, in the order they come. */
  private List<String> abstractWords(int size) throws IOException {
    while (true) {
      List<String> words = words(randomPaper().get(PaperSchema.ABSTRACT));
      List<String> chosen = distinct(words, size);
      if (chosen != null) {
        chosen = new ArrayList<>(chosen);
        chosen.sort(Comparator.comparingInt(words::indexOf));
        return List.copyOf(chosen);
      }
    }
  }

  /** {@code words} with the longest one misspelled: two of its inner letters swapped. */
  private List<String> misspelled(List<String> words) {
    List<String> typed = new ArrayList<>(words);
    int longest = 0;
    for (int i = 1; i < typed.size(); i++) {
      if (typed.get(i).length() > typed.get(longest).length()) {
        longest = i;
      }
    }
    char[] letters = typed.get(longest).toCharArray();
    int at = 1 + random.nextInt(Math.max(1, letters.length - 3));
    char swapped = letters[at];
    letters[at] = letters[at + 1];
    letters[at + 1] = swapped;
    typed.set(longest, new String(letters));
    return List.copyOf(typed);
  }

  /** The words of {@code text}, lower case; stop words and non-words as {@code null}. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String word : NON_LETTERS.split(text == null ? "" : text.toLowerCase(Locale.ROOT))) {
      words.add(WORD.matcher(word).matches() && !isStopWord(word) ? word : null);
    }
    return words;
  }

  private org.apache.lucene.document.Document randomPaper() throws IOException {
    return reader.storedFields().document(papersById[random.nextInt(papersById.length)]);
  }

  /** The documents of the live papers of {@code reader}, in the order of their arXiv ids. */
  private static int[] papersById(IndexReader reader) throws IOException {
    record Live(String id, int doc) {}
    List<Live> papers = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      SortedDocValues ids = DocValues.getSorted(leaf.reader(), PaperSchema.ID);
      for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
        if (live == null || live.get(doc)) {
          papers.add(new Live(ids.lookupOrd(ids.ordValue()).utf8ToString(), leaf.docBase + doc));
        }
      }
    }
    if (papers.isEmpty()) {
      throw new IllegalStateException("the index holds no papers to draw queries from");
    }
    papers.sort(Comparator.comparing(Live::id));
    return papers.stream().mapToInt(Live::doc).toArray();
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

  /** The last name of one author of a random paper. */
  private String randomAuthor() throws IOException {
    String[] authors = randomPaper().getValues(PaperSchema.AUTHOR);
    if (authors.length == 0) {
      return randomAuthor();
    }
    String[] names = authors[random.nextInt(authors.length)].trim().split("\\s+");
    return names[names.length - 1];
  }

  /** A year in which a random paper appeared. */
  private int randomYear() throws IOException {
    String[] dates = randomPaper().getValues(PaperSchema.DATE);
    return dates.length == 0 ? randomYear() : Integer.parseInt(dates[0].substring(0, 4));
  }

  private String randomCategory() throws IOException {
    String[] categories = randomPaper().getValues(PaperSchema.CATEGORY);
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
