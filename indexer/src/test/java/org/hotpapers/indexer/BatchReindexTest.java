package org.hotpapers.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Indexes the fixture posts and checks what the index holds and what it finds. */
class BatchReindexTest {

  @TempDir static Path tmp;
  static Path index;
  static ReindexSummary summary;

  @BeforeAll
  static void buildIndex() throws IOException {
    index = tmp.resolve("index");
    summary =
        new BatchReindex(new PostParser(), progress -> {})
            .run(Fixtures.copyPosts(tmp.resolve("posts")), index);
  }

  @Test
  void summaryCountsPostsPapersAndMerges() {
    assertEquals(4, summary.postsRead());
    assertEquals(List.of(), summary.skippedPosts());
    assertEquals(List.of(), summary.problems());
    assertEquals(List.of("2021-01-06---Hot-Papers.md"), summary.emptyPosts());
    assertEquals(6, summary.papersIndexed());
    assertEquals(1, summary.papersMerged());
    assertTrue(summary.report().contains("2021-01-06---Hot-Papers.md: no papers"));
  }

  @Test
  void rebuildOnManyThreadsStoresWhatOneThreadStores(@TempDir Path dir) throws IOException {
    Path posts = Fixtures.copyPosts(dir.resolve("posts"));
    new CorpusGenerator(CorpusGenerator.pseudoWords(2_000, 3), 5)
        .write(posts.resolve("synthetic"), 3_000);
    ReindexSummary one =
        new BatchReindex(new PostParser(), progress -> {}, 1).run(posts, dir.resolve("one"));
    ReindexSummary four =
        new BatchReindex(new PostParser(), progress -> {}, 4).run(posts, dir.resolve("four"));

    assertEquals(one.papersIndexed(), four.papersIndexed());
    assertEquals(one.papersMerged(), four.papersMerged());
    assertTrue(one.papersMerged() > 1, "merged: " + one.papersMerged());
    assertEquals(one.emptyPosts(), four.emptyPosts());
    assertEquals(storedPapers(dir.resolve("one")), storedPapers(dir.resolve("four")));
    assertEquals(termStatistics(dir.resolve("one")), termStatistics(dir.resolve("four")));
  }

  @Test
  void aRebuildCommitsOneSegmentWithoutTheReplacedVersionsOfMergedPapers(@TempDir Path dir)
      throws IOException {
    Path posts = Fixtures.copyPosts(dir.resolve("posts"));
    ReindexSummary built =
        new BatchReindex(new PostParser(), progress -> {}, 4).run(posts, dir.resolve("index"));
    assertTrue(built.papersMerged() > 0, "merged: " + built.papersMerged());
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir.resolve("index")))) {
      assertEquals(1, reader.leaves().size());
      assertEquals(0, reader.numDeletedDocs());
      assertEquals(
          Integer.toString(built.papersIndexed()),
          reader.getIndexCommit().getUserData().get("papers"));
    }
  }

  /**
   * What BM25 reads from the index: per text field, documents, term count and terms' frequencies.
   */
  private static Map<String, List<Long>> termStatistics(Path index) throws IOException {
    Map<String, List<Long>> statistics = new TreeMap<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      for (String field : List.of(PaperSchema.TITLE, PaperSchema.ABSTRACT, PaperSchema.TWEET)) {
        statistics.put(
            field,
            List.of(
                (long) reader.getDocCount(field),
                reader.getSumDocFreq(field),
                reader.getSumTotalTermFreq(field)));
      }
    }
    return statistics;
  }

  private static Map<String, Paper> storedPapers(Path index) throws IOException {
    Map<String, Paper> papers = new TreeMap<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      for (Paper paper : PaperDocuments.livePapers(reader)) {
        assertEquals(null, papers.put(paper.id(), paper), "twice: " + paper.id());
      }
      assertEquals(reader.numDocs(), papers.size());
    }
    return papers;
  }

  @Test
  void mergedPaperKeepsBothDatesHighestEngagementAndDistinctTweets() throws IOException {
    Paper paper = stored("2102.03902");
    assertEquals(List.of(LocalDate.of(2021, 1, 4), LocalDate.of(2021, 1, 5)), paper.dates());
    assertEquals(120, paper.retweets());
    assertEquals(700, paper.favorites());
    assertEquals(
        List.of("alice_ml", "yamada_taro", "dan"),
        paper.tweets().stream().map(Tweet::handle).toList());
    assertTrue(paper.abstractText().startsWith("Transformers have emerged"));
  }

  @Test
  void storedFieldsRebuildTheWholePaper() throws Exception {
    Paper parsed =
        new PostParser()
            .parse("2021-01-04---Hot-Papers.md", Fixtures.bytes("2021-01-04---Hot-Papers.md"))
            .papers()
            .get(1);
    assertEquals(parsed, stored("2101.00001"));
  }

  @Test
  void checkIndexIsClean() throws IOException {
    try (FSDirectory dir = FSDirectory.open(index);
        CheckIndex checker = new CheckIndex(dir)) {
      checker.setInfoStream(
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      assertTrue(checker.checkIndex().clean);
    }
  }

  @ParameterizedTest(name = "{0} finds {1}")
  @CsvSource({
    "networks, 2105.05233 2101.00002",
    "network, 2105.05233 2101.00002",
    "nystromformer, 2102.03902",
    "NYSTRÖMFORMER, 2102.03902",
    "GPT-3, 2101.00001",
    "t-SNE, 2101.00001",
    "BERT, 2101.00001",
    "author:zola, 2101.00001",
    "author:emile, 2101.00001",
    "tweeter:alice_ml, 2102.03902",
    "tweeter:\"Jean Dupont\", 2101.00001",
    "tweet:sparse, 2101.00003",
    "tweet:近似, 2102.03902",
    "cat:stat.ml, 2101.00002",
    "cat:cs.cv, 2105.05233 2101.00003 2101.00004",
    "id:2101.00004, 2101.00004",
  })
  void analyzersFindWordsAsUsersWriteThem(String query, String expectedIds) throws Exception {
    QueryParser parser = new QueryParser(PaperSchema.TITLE, PaperSchema.analyzer());
    parser.setSplitOnWhitespace(true);
    parser.setAutoGeneratePhraseQueries(true);
    Query parsed =
        parser.parse(
            query.contains(":") ? query : "title:(" + query + ") OR abstract:(" + query + ")");
    assertEquals(List.of(expectedIds.split(" ")).stream().sorted().toList(), search(parsed));
  }

  @Test
  void engagementIsAFeatureThatRanksMatchAllByEngagement() throws IOException {
    Query byEngagement =
        FeatureField.newSaturationQuery(PaperSchema.FEATURES, PaperSchema.ENGAGEMENT_FEATURE);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TopDocs top = searcher.search(byEngagement, 10);
      assertEquals(6, top.totalHits.value);
      List<String> ids = new ArrayList<>();
      for (ScoreDoc hit : top.scoreDocs) {
        ids.add(searcher.storedFields().document(hit.doc).get(PaperSchema.ID));
      }
      assertEquals(
          List.of(
              "2105.05233", "2102.03902", "2101.00001", "2101.00002", "2101.00003", "2101.00004"),
          ids);
    }
  }

  @Test
  void emptyPostsFolderIsRefusedAndKeepsTheIndex(@TempDir Path empty) throws IOException {
    Path copy = empty.resolve("index");
    Files.createDirectories(empty.resolve("posts"));
    new BatchReindex(new PostParser(), progress -> {})
        .run(Fixtures.copyPosts(empty.resolve("p")), copy);
    assertThrows(
        NoSuchFileException.class,
        () -> new BatchReindex(new PostParser(), progress -> {}).run(empty.resolve("posts"), copy));
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(copy))) {
      assertEquals(6, reader.numDocs());
    }
  }

  private static List<String> search(Query query) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      List<String> ids = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query, 100).scoreDocs) {
        ids.add(searcher.storedFields().document(hit.doc).get(PaperSchema.ID));
      }
      return ids.stream().sorted().toList();
    }
  }

  private static Paper stored(String id) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      ScoreDoc[] hits =
          searcher.search(
                  new org.apache.lucene.search.TermQuery(
                      new org.apache.lucene.index.Term(PaperSchema.ID, id)),
                  2)
              .scoreDocs;
      assertEquals(1, hits.length);
      return PaperDocuments.toPaper(searcher.storedFields().document(hits[0].doc));
    }
  }
}
