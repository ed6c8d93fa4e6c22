package org.hotpapers.server.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.hotpapers.indexer.BatchReindex;
import org.hotpapers.indexer.Paper;
import org.hotpapers.indexer.PaperDocuments;
import org.hotpapers.indexer.PostParser;
import org.hotpapers.indexer.SharedCorpus;
import org.hotpapers.indexer.Tweet;
import org.hotpapers.server.Requests;
import org.hotpapers.server.search.Facets;
import org.hotpapers.server.search.SearchResponse;
import org.hotpapers.server.search.WordMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * On the real corpus, {@code total} and the facet counts describe exactly the papers that hold
 * every word, counted here without the engine: words split on letters and digits, compared by their
 * Snowball English stems.
 */
class GradedMatchCorpusTest {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  @Test
  void totalCountsThePapersOfTheCategoryHoldingBothWords(@TempDir Path tmp) throws IOException {
    Optional<Path> posts = SharedCorpus.posts();
    assumeTrue(posts.isPresent(), "GradedMatchCorpusTest " + SharedCorpus.skipMessage());
    Path index = tmp.resolve("index");
    new BatchReindex(new PostParser(), progress -> {}).run(posts.get(), index);

    int expected = 0;
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      for (Paper paper : PaperDocuments.livePapers(reader)) {
        Set<String> stems = stems(paper);
        if (paper.categories().contains("cs.CV")
            && stems.contains(stem("diffusion"))
            && stems.contains(stem("models"))) {
          expected++;
        }
      }
    }
    try (SearchService service = SearchService.open(index)) {
      SearchResponse response =
          service.search(Requests.filtered("diffusion models", List.of("cs.CV"), ""));
      System.out.println(
          "GradedMatchCorpusTest: diffusion models in cs.CV: "
              + response.total()
              + " (counted independently: "
              + expected
              + ")");
      assertTrue(expected > 10, "the corpus has such papers");
      assertEquals(expected, response.total());
      assertEquals(new WordMatch(2, 2, true), response.match());
      int categoryCount =
          response.facets().categories().stream()
              .filter(value -> value.value().equals("cs.CV"))
              .findFirst()
              .orElseThrow()
              .count();
      assertEquals(expected, categoryCount);
      int yearCounts = response.facets().years().stream().mapToInt(Facets.FacetValue::count).sum();
      assertTrue(yearCounts >= expected && yearCounts <= 2 * expected, "years: " + yearCounts);
    }
  }

  private static Set<String> stems(Paper paper) {
    StringBuilder text = new StringBuilder(paper.title()).append(' ').append(paper.abstractText());
    paper.authors().forEach(author -> text.append(' ').append(author));
    for (Tweet tweet : paper.tweets()) {
      text.append(' ').append(tweet.text()).append(' ').append(tweet.authorName());
      text.append(' ').append(tweet.handle());
    }
    Set<String> stems = new HashSet<>();
    Matcher words = WORD.matcher(text);
    while (words.find()) {
      stems.add(stem(words.group()));
    }
    return stems;
  }

  private static String stem(String word) {
    EnglishStemmer stemmer = new EnglishStemmer();
    stemmer.setCurrent(word.toLowerCase(Locale.ROOT));
    stemmer.stem();
    return stemmer.getCurrent();
  }
}
