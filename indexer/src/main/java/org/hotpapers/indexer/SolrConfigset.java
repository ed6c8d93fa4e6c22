package org.hotpapers.indexer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.hotpapers.indexer.AnalysisChain.Step;

/**
 * The Solr configset of the paper index, written from {@link PaperSchema}: the same fields, the
 * same analysis chains (by the factory names Lucene and Solr share), engagement as a {@code
 * RankField}, facets as docValues and, with embeddings, the vectors as a {@code DenseVectorField}.
 * Never edited by hand: a change to the schema is a change to {@code PaperSchema}.
 */
public final class SolrConfigset {

  private static final String TEXT = "text";
  private static final String TEXT_STORED = "text_highlighted";
  private static final String NAME = "name";
  private static final String EXACT = "exact";

  /**
   * The query parser that the server's Solr backend ranks with, {@code {!hotpapers}}: its class
   * ships in {@code hotpapers-solr-plugin.jar}, which the Solr nodes must have on their classpath.
   */
  public static final String QUERY_PARSER_CLASS = "org.hotpapers.server.solr.PaperQParserPlugin";

  /** The name searches give the query parser. */
  public static final String QUERY_PARSER = "hotpapers";

  /** The search component that answers the Solr backend's spelling questions, from the same jar. */
  public static final String SPELLING_COMPONENT_CLASS =
      "org.hotpapers.server.solr.PaperSpellingComponent";

  private final int vectorDimensions;
  private final boolean queryParser;

  /**
   * The configset of an index whose vectors have {@code vectorDimensions} dimensions, or of a
   * lexical-only index if that is 0, naming hotpapers' query parser if {@code queryParser}.
   */
  public SolrConfigset(int vectorDimensions, boolean queryParser) {
    if (vectorDimensions < 0) {
      throw new IllegalArgumentException("vector dimensions cannot be negative");
    }
    this.vectorDimensions = vectorDimensions;
    this.queryParser = queryParser;
  }

  /** The files of the configset by name: {@code schema.xml}, {@code solrconfig.xml}, word lists. */
  public Map<String, byte[]> files() throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    files.put("schema.xml", schema().getBytes(StandardCharsets.UTF_8));
    files.put("solrconfig.xml", solrConfig().getBytes(StandardCharsets.UTF_8));
    for (String file : new String[] {PaperSchema.ACRONYMS_FILE, PaperSchema.QUESTION_WORDS_FILE}) {
      try (InputStream in = PaperSchema.class.getResourceAsStream(file)) {
        if (in == null) {
          throw new IllegalStateException(file + " is missing from the indexer jar");
        }
        files.put(file, in.readAllBytes());
      }
    }
    return files;
  }

  /** Writes the configset's files into {@code dir}, to upload with Solr's own tools. */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, byte[]> file : files().entrySet()) {
      Files.write(dir.resolve(file.getKey()), file.getValue());
    }
  }

  /** The configset as a zip file, as Solr's configset API takes it. */
  public byte[] zip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files().entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** The text of {@code schema.xml}. */
  public String schema() {
    StringBuilder xml = new StringBuilder();
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<!-- Written by hotpapers' SolrConfigset from PaperSchema; do not edit. -->\n")
        .append("<schema name=\"hotpapers\" version=\"1.7\">\n")
        .append("  <uniqueKey>")
        .append(PaperSchema.ID)
        .append("</uniqueKey>\n\n");
    xml.append("  <fieldType name=\"string\" class=\"solr.StrField\" sortMissingLast=\"true\"/>\n")
        .append("  <fieldType name=\"int\" class=\"solr.IntPointField\"/>\n")
        .append("  <fieldType name=\"long\" class=\"solr.LongPointField\"/>\n")
        .append("  <fieldType name=\"date\" class=\"solr.DatePointField\"/>\n")
        .append("  <fieldType name=\"rank\" class=\"solr.RankField\"/>\n");
    textType(xml, TEXT, PaperSchema.TEXT_CHAIN, PaperSchema.TEXT_QUERY_CHAIN);
    textType(xml, NAME, PaperSchema.NAME_CHAIN, PaperSchema.NAME_CHAIN);
    textType(xml, EXACT, PaperSchema.EXACT_CHAIN, PaperSchema.EXACT_CHAIN);
    if (vectorDimensions > 0) {
      xml.append("  <fieldType name=\"vector\" class=\"solr.DenseVectorField\" vectorDimension=\"")
          .append(vectorDimensions)
          .append("\" similarityFunction=\"dot_product\" knnAlgorithm=\"hnsw\"/>\n");
    }
    xml.append('\n');
    field(
        xml,
        PaperSchema.ID,
        "string",
        "indexed=\"true\" stored=\"true\" docValues=\"true\" required=\"true\"");
    field(xml, "_version_", "long", "indexed=\"false\" stored=\"false\" docValues=\"true\"");
    highlighted(xml, PaperSchema.TITLE, false);
    field(xml, PaperSchema.AUTHOR, NAME, "indexed=\"true\" stored=\"true\" multiValued=\"true\"");
    highlighted(xml, PaperSchema.ABSTRACT, false);
    highlighted(xml, PaperSchema.TWEET, true);
    field(xml, PaperSchema.TWEETER, NAME, "indexed=\"true\" stored=\"false\" multiValued=\"true\"");
    field(
        xml,
        PaperSchema.TWEETER_HANDLE,
        EXACT,
        "indexed=\"true\" stored=\"false\" multiValued=\"true\"");
    field(
        xml,
        PaperSchema.SPELL,
        NAME,
        "indexed=\"true\" stored=\"false\" omitNorms=\"true\" omitTermFreqAndPositions=\"true\"");
    field(
        xml, PaperSchema.CATEGORY, EXACT, "indexed=\"true\" stored=\"true\" multiValued=\"true\"");
    for (String facet :
        new String[] {
          PaperSchema.CATEGORY_FACET, PaperSchema.YEAR_FACET, PaperSchema.TWEETER_FACET
        }) {
      field(
          xml,
          facet,
          "string",
          "indexed=\"true\" stored=\"false\" docValues=\"true\" multiValued=\"true\"");
    }
    field(xml, PaperSchema.DATE, "date", "indexed=\"true\" stored=\"true\" multiValued=\"true\"");
    field(
        xml,
        PaperSchema.LATEST_DATE,
        "date",
        "indexed=\"true\" stored=\"false\" docValues=\"true\"");
    field(xml, PaperSchema.RETWEETS, "int", "indexed=\"false\" stored=\"true\"");
    field(xml, PaperSchema.FAVORITES, "int", "indexed=\"false\" stored=\"true\"");
    field(
        xml,
        PaperSchema.ENGAGEMENT,
        "long",
        "indexed=\"true\" stored=\"false\" docValues=\"true\"");
    field(xml, PaperSchema.SOLR_ENGAGEMENT_RANK, "rank", "");
    for (String stored :
        new String[] {
          PaperSchema.TWEET_NAME,
          PaperSchema.TWEET_HANDLE,
          PaperSchema.TWEET_DATE,
          PaperSchema.TWEET_URL
        }) {
      field(xml, stored, "string", "indexed=\"false\" stored=\"true\" multiValued=\"true\"");
    }
    if (vectorDimensions > 0) {
      field(xml, PaperSchema.VECTOR, "vector", "indexed=\"true\" stored=\"true\"");
    }
    return xml.append("</schema>\n").toString();
  }

  private static void highlighted(StringBuilder xml, String name, boolean multiValued) {
    field(
        xml,
        name,
        TEXT,
        "indexed=\"true\" stored=\"true\" storeOffsetsWithPositions=\"true\""
            + (multiValued ? " multiValued=\"true\"" : ""));
  }

  private static void field(StringBuilder xml, String name, String type, String attributes) {
    xml.append("  <field name=\"").append(name).append("\" type=\"").append(type).append('"');
    if (!attributes.isEmpty()) {
      xml.append(' ').append(attributes);
    }
    xml.append("/>\n");
  }

  private static void textType(
      StringBuilder xml, String name, AnalysisChain index, AnalysisChain query) {
    xml.append("  <fieldType name=\"").append(name).append("\" class=\"solr.TextField\"");
    if (index.positionIncrementGap() > 0) {
      xml.append(" positionIncrementGap=\"").append(index.positionIncrementGap()).append('"');
    }
    xml.append(">\n");
    analyzer(xml, "index", index);
    analyzer(xml, "query", query);
    xml.append("  </fieldType>\n");
  }

  private static void analyzer(StringBuilder xml, String type, AnalysisChain chain) {
    xml.append("    <analyzer type=\"").append(type).append("\">\n");
    step(xml, "tokenizer", chain.tokenizer());
    for (Step filter : chain.filters()) {
      step(xml, "filter", filter);
    }
    xml.append("    </analyzer>\n");
  }

  private static void step(StringBuilder xml, String element, Step step) {
    xml.append("      <").append(element).append(" name=\"").append(step.name()).append('"');
    for (Map.Entry<String, String> param : new TreeMap<>(step.params()).entrySet()) {
      xml.append(' ')
          .append(param.getKey())
          .append("=\"")
          .append(escape(param.getValue()))
          .append('"');
    }
    xml.append("/>\n");
  }

  private static String escape(String value) {
    return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }

  /** The text of {@code solrconfig.xml}. */
  public String solrConfig() {
    String plugins =
        queryParser
            ? "  <queryParser name=\""
                + QUERY_PARSER
                + "\" class=\""
                + QUERY_PARSER_CLASS
                + "\"/>\n  <searchComponent name=\"hotpapers-spelling\" class=\""
                + SPELLING_COMPONENT_CLASS
                + "\"/>\n"
            : "";
    String lastComponents =
        queryParser
            ? "\n    <arr name=\"last-components\">\n      <str>hotpapers-spelling</str>\n    </arr>"
            : "";
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Written by hotpapers' SolrConfigset; do not edit. -->
        <config>
          <luceneMatchVersion>9.12</luceneMatchVersion>
          <schemaFactory class="ClassicIndexSchemaFactory"/>
          <directoryFactory name="DirectoryFactory"
                            class="${solr.directoryFactory:solr.NRTCachingDirectoryFactory}"/>
          <indexConfig>
            <ramBufferSizeMB>256</ramBufferSizeMB>
          </indexConfig>
          <updateHandler class="solr.DirectUpdateHandler2">
            <updateLog>
              <str name="dir">${solr.ulog.dir:}</str>
            </updateLog>
            <autoCommit>
              <maxTime>${solr.autoCommit.maxTime:60000}</maxTime>
              <openSearcher>false</openSearcher>
            </autoCommit>
          </updateHandler>
          <statsCache class="org.apache.solr.search.stats.ExactStatsCache"/>
          <query>
            <filterCache size="512" initialSize="512" autowarmCount="0"/>
            <queryResultCache size="512" initialSize="512" autowarmCount="0"/>
            <documentCache size="512" initialSize="512" autowarmCount="0"/>
          </query>
          <requestHandler name="/select" class="solr.SearchHandler">
            <lst name="defaults">
              <str name="wt">json</str>
            </lst>%s
          </requestHandler>
        %s</config>
        """
        .formatted(lastComponents, plugins);
  }
}
