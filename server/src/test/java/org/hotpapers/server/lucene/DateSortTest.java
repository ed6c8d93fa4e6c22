package org.hotpapers.server.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.hotpapers.indexer.BatchReindex;
import org.hotpapers.indexer.CorpusGenerator;
import org.hotpapers.indexer.Paper;
import org.hotpapers.indexer.PaperDocuments;
import org.hotpapers.indexer.PostParser;
import org.hotpapers.server.search.Facets;
import org.hotpapers.server.search.MatchMode;
import org.hotpapers.server.search.SearchHit;
import org.hotpapers.server.search.SearchMode;
import org.hotpapers.server.search.SearchRequest;
import org.hotpapers.server.search.SearchResponse;
import org.hotpapers.server.search.SortOrder;
import org.hotpapers.server.search.TotalRelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sorting by date searches the newest digests first and widens the dates until the page is full:
 * its pages must be those of a sort of every match, on digests that span months.
 */
class DateSortTest {

  private static final Comparator<Paper> NEWEST_FIRST =
      Comparator.comparing(Paper::latestDate)
          .reversed()
          .thenComparing(Comparator.comparingLong(Paper::engagement).reversed())
          .thenComparing(Paper::id);

  @Test
  void pagesByDateAreThoseOfASortOfEveryMatch(@TempDir Path tmp) throws Exception {
    new CorpusGenerator(CorpusGenerator.pseudoWords(2_000, 3), 5)
        .write(tmp.resolve("posts"), 10_000);
    Path index = tmp.resolve("index");
    new BatchReindex(new PostParser(), progress -> {}).run(tmp.resolve("posts"), index);
    Map<String, Paper> papers = new HashMap<>();
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      PaperDocuments.livePapers(reader).forEach(paper -> papers.put(paper.id(), paper));
    }
    long days = papers.values().stream().map(Paper::latestDate).distinct().count();
    assertTrue(days > 28, days + " digest days: more than the first weeks a date sort looks at");

    try (SearchService search = SearchService.open(index)) {
      int checked = 0;
      for (String word : titleWords(papers.values())) {
        List<String> all = everyMatch(search, word);
        if (all.size() < 8 || all.size() > 1_000) {
          continue;
        }
        List<String> expected =
            all.stream().map(papers::get).sorted(NEWEST_FIRST).map(Paper::id).toList();
        for (int size : new int[] {7, 100}) {
          for (int page = 1; page <= 3; page++) {
            List<String> ids =
                search.search(request(word, page, size, SortOrder.DATE)).hits().stream()
                    .map(SearchHit::id)
                    .toList();
            int from = Math.min(expected.size(), (page - 1) * size);
            assertEquals(
                expected.subList(from, Math.min(expected.size(), from + size)),
                ids,
                word + " page " + page + " of " + size);
          }
        }
        if (++checked == 6) {
          break;
        }
      }
      assertEquals(6, checked, "words checked");

      List<String> newestOfAll =
          papers.values().stream().sorted(NEWEST_FIRST).map(Paper::id).toList();
      for (int page = 1; page <= 3; page++) {
        SearchResponse response = search.search(request("", page, 100, SortOrder.DATE));
        assertEquals(papers.size(), response.total());
        assertEquals(
            newestOfAll.subList((page - 1) * 100, page * 100),
            response.hits().stream().map(SearchHit::id).toList(),
            "every paper, page " + page);
      }
    }
  }

  @Test
  void aDateSortOverManyPapersCountsThemUpToALowerBoundAndEstimatesTheirFacets(@TempDir Path tmp)
      throws Exception {
    new CorpusGenerator(CorpusGenerator.pseudoWords(2_000, 3), 7)
        .write(tmp.resolve("posts"), 45_000);
    Path index = tmp.resolve("index");
    new BatchReindex(new PostParser(), progress -> {}).run(tmp.resolve("posts"), index);
    List<Paper> papers = new ArrayList<>();
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      PaperDocuments.livePapers(reader).forEach(papers::add);
    }
    LocalDate earliest =
        papers.stream().flatMap(paper -> paper.dates().stream()).min(LocalDate::compareTo).get();
    Map<String, Long> years = new HashMap<>();
    for (Paper paper : papers) {
      paper.dates().stream()
          .map(date -> Integer.toString(date.getYear()))
          .distinct()
          .forEach(year -> years.merge(year, 1L, Long::sum));
    }

    try (SearchService search = SearchService.open(index)) {
      SearchResponse byDate = search.search(since(earliest, SortOrder.DATE));
      assertEquals(TotalRelation.GTE, byDate.totalRelation());
      assertTrue(
          byDate.total() > 10_000 && byDate.total() < papers.size(),
          byDate.total() + " of " + papers.size());
      assertTrue(byDate.facetsApproximate());
      for (Facets.FacetValue year : byDate.facets().years()) {
        assertEquals(
            years.get(year.value()), year.count(), years.get(year.value()) * 0.15, year.value());
      }
      assertEquals(
          papers.stream().sorted(NEWEST_FIRST).limit(10).map(Paper::id).toList(),
          byDate.hits().stream().map(SearchHit::id).toList(),
          "the page is exact");

      SearchResponse byRelevance = search.search(since(earliest, SortOrder.RELEVANCE));
      assertEquals(TotalRelation.EQ, byRelevance.totalRelation());
      assertEquals(papers.size(), byRelevance.total());
    }
  }

  /** Every paper with a digest on or after {@code from}, by {@code sort}. */
  private static SearchRequest since(LocalDate from, SortOrder sort) {
    return request("", from, 1, 10, sort);
  }

  /** Every paper the word matches, through the pages of a search by relevance. */
  private static List<String> everyMatch(SearchService search, String word) {
    List<String> ids = new ArrayList<>();
    for (int page = 1; ; page++) {
      SearchResponse response = search.search(request(word, page, 100, SortOrder.RELEVANCE));
      response.hits().forEach(hit -> ids.add(hit.id()));
      if (ids.size() >= response.total() || response.hits().isEmpty()) {
        return ids;
      }
    }
  }

  private static SearchRequest request(String q, int page, int size, SortOrder sort) {
    return request(q, null, page, size, sort);
  }

  private static SearchRequest request(
      String q, LocalDate from, int page, int size, SortOrder sort) {
    return new SearchRequest(
        q,
        List.of(),
        "",
        "",
        from,
        null,
        sort,
        page,
        size,
        false,
        RankingWeights.DEFAULT_POP,
        false,
        SearchRequest.DEFAULT_HALF_LIFE_DAYS,
        MatchMode.AUTO,
        SearchMode.LEXICAL);
  }

  private static TreeSet<String> titleWords(Iterable<Paper> papers) {
    TreeSet<String> words = new TreeSet<>();
    for (Paper paper : papers) {
      Arrays.stream(paper.title().toLowerCase(Locale.ROOT).split("[^a-z]+"))
          .filter(word -> word.length() > 4)
          .forEach(words::add);
    }
    return words;
  }
}
