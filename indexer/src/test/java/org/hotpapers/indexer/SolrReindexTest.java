package org.hotpapers.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.FieldAnalysisRequest;
import org.apache.solr.client.solrj.response.AnalysisResponseBase;
import org.apache.solr.client.solrj.response.FieldAnalysisResponse;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Solr target on a real SolrCloud cluster: Solr's MiniSolrCloudCluster, two nodes with an
 * embedded ZooKeeper, collections of 2 shards x 2 replicas.
 */
final class SolrReindexTest {

  private static final int SHARDS = 2;
  private static final int REPLICAS = 2;

  private static Path base;
  private static MiniSolrCloudCluster cluster;
  private static SolrNodes solr;

  @TempDir Path temp;

  @BeforeAll
  static void startCluster() throws Exception {
    base = Files.createTempDirectory("hotpapers-solr");
    System.setProperty("solr.log.dir", base.resolve("logs").toString());
    cluster = new MiniSolrCloudCluster(2, base.resolve("cluster"), JettyConfig.builder().build());
    List<String> urls = new ArrayList<>();
    cluster.getJettySolrRunners().forEach(node -> urls.add(node.getBaseUrl().toString()));
    solr = new SolrNodes(urls);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    try {
      solr.close();
      cluster.shutdown();
    } finally {
      SolrTestCluster.deleteQuietly(base);
    }
  }

  private static Path fixturePosts() throws URISyntaxException {
    return Path.of(SolrReindexTest.class.getResource("/posts").toURI());
  }

  private static SolrReindex reindex(String alias, ReindexListener listener) {
    return new SolrReindex(
        solr,
        alias,
        SHARDS,
        REPLICAS,
        new BatchReindex(new PostParser(), listener, 2),
        null,
        false);
  }

  private static String target(String alias) throws Exception {
    return new CollectionAdminRequest.ListAliases().process(solr).getAliases().get(alias);
  }

  private static long count(String collection) throws Exception {
    return solr.query(collection, new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
  }

  @Test
  void rebuildMovesTheAliasAndDropsTheOldCollection() throws Exception {
    ReindexSummary first = reindex("moved", progress -> {}).run(fixturePosts());
    String firstCollection = target("moved");
    assertEquals(first.papersIndexed(), count("moved"));

    ReindexSummary second = reindex("moved", progress -> {}).run(fixturePosts());
    String secondCollection = target("moved");

    assertNotEquals(firstCollection, secondCollection);
    assertEquals(second.papersIndexed(), count("moved"));
    List<String> collections = CollectionAdminRequest.listCollections(solr);
    assertFalse(collections.contains(firstCollection), collections.toString());
    assertTrue(collections.contains(secondCollection), collections.toString());
    List<String> configsets = new ConfigSetAdminRequest.List().process(solr).getConfigSets();
    assertFalse(configsets.contains(firstCollection), configsets.toString());
    assertEquals(
        SHARDS,
        cluster
            .getSolrClient()
            .getClusterState()
            .getCollection(secondCollection)
            .getSlices()
            .size(),
        "shards");
  }

  @Test
  void solrHoldsTheSamePapersAsTheLuceneIndex() throws Exception {
    Path index = temp.resolve("index");
    new BatchReindex(new PostParser(), progress -> {}).run(fixturePosts(), index);
    reindex("same", progress -> {}).run(fixturePosts());

    Map<String, Paper> lucene = new HashMap<>();
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      PaperDocuments.livePapers(reader).forEach(paper -> lucene.put(paper.id(), paper));
    }
    Map<String, Paper> solrPapers = new HashMap<>();
    solr.getById(target("same"), lucene.keySet())
        .forEach(
            doc ->
                solrPapers.put(
                    (String) doc.getFirstValue(PaperSchema.ID), SolrPapers.toPaper(doc)));
    assertEquals(lucene, solrPapers);
    assertTrue(
        lucene.values().stream().anyMatch(paper -> paper.dates().size() > 1), "a merged paper");
  }

  @Test
  void embeddingsGoIntoADenseVectorFieldThatKnnSearches() throws Exception {
    try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
      PaperVectors vectors = PaperVectors.open(embedder, temp.resolve("cache"));
      new SolrReindex(
              solr,
              "vectors",
              SHARDS,
              REPLICAS,
              new BatchReindex(new PostParser(), progress -> {}, 2, vectors),
              vectors,
              false)
          .run(fixturePosts());
      Paper paper =
          SolrPapers.toPaper(solr.query("vectors", new SolrQuery("*:*")).getResults().get(0));
      float[] vector = vectors.of(List.of(paper)).get(0);
      StringBuilder literal = new StringBuilder("[");
      for (int i = 0; i < vector.length; i++) {
        literal.append(i == 0 ? "" : ",").append(vector[i]);
      }
      SolrQuery knn =
          new SolrQuery("{!knn f=" + PaperSchema.VECTOR + " topK=3}" + literal.append(']'));
      assertEquals(paper.id(), solr.query("vectors", knn).getResults().get(0).getFirstValue("id"));
      Map<String, String> properties =
          new CollectionAdminRequest.ListAliases()
              .process(solr)
              .getAliasProperties()
              .get("vectors");
      assertEquals(embedder.model(), properties.get(PaperSchema.EMBEDDING_MODEL));
      assertEquals("384", properties.get(PaperSchema.EMBEDDING_DIMENSIONS));
    }
  }

  @Test
  void aFailedRebuildLeavesTheAliasOnTheOldCollection() throws Exception {
    reindex("kept", progress -> {}).run(fixturePosts());
    String before = target("kept");
    long papers = count("kept");

    ReindexListener failing =
        progress -> {
          throw new IllegalStateException("killed mid-way");
        };
    assertThrows(IllegalStateException.class, () -> reindex("kept", failing).run(fixturePosts()));

    assertEquals(before, target("kept"));
    assertEquals(papers, count("kept"));
    List<String> ours =
        CollectionAdminRequest.listCollections(solr).stream()
            .filter(name -> name.startsWith("kept_"))
            .toList();
    assertEquals(List.of(before), ours, "the unfinished collection is dropped");
  }

  @Test
  void theCommandLineRebuildsAnAliasThroughAnyOfTheNodes() throws Exception {
    String urls = String.join(",", solr.urls());
    int status =
        new CommandLine(new IndexerMain())
            .execute(
                "--posts", fixturePosts().toString(),
                "--solr", urls,
                "--collection", "cli",
                "--shards", "2",
                "--replicas", "1",
                "--embed", "off",
                "--solr-plugin", "off");

    assertEquals(0, status);
    assertEquals(
        new BatchReindex(new PostParser(), progress -> {})
            .run(fixturePosts(), temp.resolve("index"))
            .papersIndexed(),
        count("cli"));
    assertEquals(
        2,
        new CommandLine(new IndexerMain())
            .execute("--posts", fixturePosts().toString(), "--solr", urls, "--collection", "1x"),
        "an alias must start with a letter");
  }

  @Test
  void aNodeThatCannotBeReachedIsPassedOver() throws Exception {
    reindex("failover", progress -> {}).run(fixturePosts());
    List<String> urls = new ArrayList<>(List.of("http://127.0.0.1:1/solr"));
    urls.addAll(solr.urls());
    try (SolrNodes withDeadNode = new SolrNodes(urls)) {
      for (int i = 0; i < 6; i++) {
        assertEquals(
            count("failover"),
            withDeadNode.query("failover", new SolrQuery("*:*")).getResults().getNumFound());
      }
    }
  }

  @Test
  void solrAnalyzesEachFieldAsLuceneDoes() throws Exception {
    reindex("analysis", progress -> {}).run(fixturePosts());
    String collection = target("analysis");
    List<String> samples =
        List.of(
            "Diffusion Models Beat GANs on Image Synthesis",
            "the paper's self-driving cars are learning",
            "Nyström approximation of généralisation",
            "ＧＡＮ 画像生成 モデル",
            "a generative adversarial network for TTS");
    Map<String, Analyzer> fields =
        Map.of(
            PaperSchema.TITLE, PaperSchema.analyzer(),
            PaperSchema.AUTHOR, PaperSchema.analyzer(),
            PaperSchema.CATEGORY, PaperSchema.analyzer());
    for (Map.Entry<String, Analyzer> field : fields.entrySet()) {
      for (String sample : samples) {
        FieldAnalysisRequest request =
            new FieldAnalysisRequest()
                .addFieldName(field.getKey())
                .setFieldValue(sample)
                .setQuery(sample);
        FieldAnalysisResponse response = request.process(solr, collection);
        FieldAnalysisResponse.Analysis analysis = response.getFieldNameAnalysis(field.getKey());
        assertEquals(
            tokens(field.getValue(), field.getKey(), sample),
            last(analysis.getIndexPhases()),
            field.getKey() + " indexes " + sample);
        assertEquals(
            tokens(PaperSchema.queryAnalyzer(), field.getKey(), sample),
            last(analysis.getQueryPhases()),
            field.getKey() + " searches " + sample);
      }
    }
  }

  /** The tokens of Solr's last analysis phase as "position term", in position order. */
  private static List<String> last(Iterable<AnalysisResponseBase.AnalysisPhase> phases) {
    AnalysisResponseBase.AnalysisPhase last = null;
    for (AnalysisResponseBase.AnalysisPhase phase : phases) {
      last = phase;
    }
    return last.getTokens().stream()
        .map(token -> token.getPosition() + " " + token.getText())
        .sorted()
        .toList();
  }

  /** Lucene's tokens as "position term" (positions from 1, as Solr counts), in position order. */
  private static List<String> tokens(Analyzer analyzer, String field, String text)
      throws IOException {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      int position = 0;
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        tokens.add(position + " " + term);
      }
      stream.end();
    }
    return tokens.stream().sorted().toList();
  }
}
