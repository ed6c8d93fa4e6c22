package org.hotpapers.server.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.index.IndexReader;
import org.hotpapers.indexer.Paper;
import org.hotpapers.indexer.PaperDocuments;
import org.hotpapers.indexer.Tweet;
import org.hotpapers.server.search.SortOrder;

/**
 * The peer baseline: the same papers in SQLite FTS5 (porter + unicode61 tokens, bm25 ranking), and
 * each benchmark query answered the way the search API answers it: the first ten hits with a
 * highlighted title and abstract snippet, the total, and category/year/tweeter facet counts. The
 * top ten are found first and highlighted after, since SQLite would otherwise build snippets for
 * every match before sorting.
 */
public final class Fts5Baseline implements AutoCloseable {

  private static final int BATCH = 5_000;
  private static final String BM25 = "bm25(papers, 3.0, 2.0, 1.0, 1.0, 1.0)";

  /**
   * The category filter; the {@code +} keeps SQLite from handing the row ids to FTS5 as lookups
   * (one MATCH per paper of the category), so the filter applies to the matches instead.
   */
  private static final String CATEGORY_FILTER =
      " AND +papers.rowid IN (SELECT paper FROM facets WHERE dim = 'cat' AND value = ?)";

  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  private Fts5Baseline(Connection connection) {
    this.connection = connection;
  }

  /** Opens the database file {@code db}, which {@link #build} must have written. */
  public static Fts5Baseline open(Path db) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA cache_size = -262144");
      statement.execute("PRAGMA temp_store = MEMORY");
    }
    return new Fts5Baseline(connection);
  }

  /** Writes every live paper of {@code reader} to a new database file {@code db}. */
  public static void build(IndexReader reader, Path db) throws SQLException, IOException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA journal_mode = OFF");
      statement.execute("PRAGMA synchronous = OFF");
      statement.execute("PRAGMA cache_size = -262144");
      statement.execute(
          "CREATE VIRTUAL TABLE papers USING fts5(title, authors, abstract, tweets, tweeters,"
              + " tokenize = 'porter unicode61 remove_diacritics 2')");
      statement.execute(
          "CREATE TABLE meta(rowid INTEGER PRIMARY KEY, id TEXT, latest_date INTEGER,"
              + " engagement INTEGER)");
      statement.execute("CREATE TABLE facets(paper INTEGER, dim TEXT, value TEXT)");
      connection.setAutoCommit(false);
      try (PreparedStatement text =
              connection.prepareStatement(
                  "INSERT INTO papers(rowid, title, authors, abstract, tweets, tweeters)"
                      + " VALUES (?, ?, ?, ?, ?, ?)");
          PreparedStatement meta =
              connection.prepareStatement("INSERT INTO meta VALUES (?, ?, ?, ?)");
          PreparedStatement facet =
              connection.prepareStatement("INSERT INTO facets VALUES (?, ?, ?)")) {
        int rows = 0;
        for (Paper paper : PaperDocuments.livePapers(reader)) {
          long rowid = ++rows;
          text.setLong(1, rowid);
          text.setString(2, paper.title());
          text.setString(3, String.join(", ", paper.authors()));
          text.setString(4, paper.abstractText());
          text.setString(
              5, paper.tweets().stream().map(Tweet::text).collect(Collectors.joining("\n")));
          text.setString(
              6,
              paper.tweets().stream()
                  .map(tweet -> tweet.authorName() + " " + tweet.handle())
                  .collect(Collectors.joining("\n")));
          text.addBatch();
          meta.setLong(1, rowid);
          meta.setString(2, paper.id());
          meta.setLong(3, paper.latestDate().toEpochDay());
          meta.setLong(4, paper.engagement());
          meta.addBatch();
          Set<String[]> values = new LinkedHashSet<>();
          paper.categories().forEach(category -> values.add(new String[] {"cat", category}));
          paper.dates().stream()
              .map(date -> Integer.toString(date.getYear()))
              .distinct()
              .forEach(year -> values.add(new String[] {"year", year}));
          paper.tweets().stream()
              .map(Tweet::handle)
              .distinct()
              .forEach(handle -> values.add(new String[] {"tweeter", handle}));
          for (String[] value : values) {
            facet.setLong(1, rowid);
            facet.setString(2, value[0]);
            facet.setString(3, value[1]);
            facet.addBatch();
          }
          if (rows % BATCH == 0) {
            text.executeBatch();
            meta.executeBatch();
            facet.executeBatch();
          }
        }
        text.executeBatch();
        meta.executeBatch();
        facet.executeBatch();
      }
      connection.commit();
      connection.setAutoCommit(true);
      statement.execute("INSERT INTO papers(papers) VALUES ('optimize')");
      statement.execute("CREATE INDEX meta_date ON meta(latest_date)");
      statement.execute("CREATE INDEX meta_engagement ON meta(engagement)");
      statement.execute("CREATE INDEX facets_paper ON facets(paper)");
      statement.execute("CREATE INDEX facets_value ON facets(dim, value, paper)");
      statement.execute(
          "CREATE TABLE facet_totals AS SELECT dim, value, count(*) AS n FROM facets"
              + " GROUP BY dim, value");
      statement.execute("ANALYZE");
    }
  }

  /**
   * Answers one query: top ten with highlights, the total and the facet counts; returns the total.
   */
  public int search(BenchQuery query) throws SQLException {
    if (query.words().isEmpty()) {
      return matchAllByEngagement();
    }
    boolean filtered = !query.category().isEmpty();
    String where = "WHERE papers MATCH ?" + (filtered ? CATEGORY_FILTER : "");
    String order = query.sort() == SortOrder.DATE ? "m.latest_date DESC, m.engagement DESC" : BM25;
    List<Long> top = new ArrayList<>();
    try (ResultSet rows =
        run(
            "SELECT papers.rowid FROM papers JOIN meta m ON m.rowid = papers.rowid "
                + where
                + " ORDER BY "
                + order
                + " LIMIT 10",
            query)) {
      while (rows.next()) {
        top.add(rows.getLong(1));
      }
    }
    PreparedStatement highlight =
        statement(
            "SELECT m.id, highlight(papers, 0, '<mark>', '</mark>'),"
                + " snippet(papers, 2, '<mark>', '</mark>', '…', 32)"
                + " FROM papers JOIN meta m ON m.rowid = papers.rowid"
                + " WHERE papers MATCH ? AND papers.rowid = ?");
    for (long rowid : top) {
      highlight.setString(1, query.ftsMatch());
      highlight.setLong(2, rowid);
      try (ResultSet rows = highlight.executeQuery()) {
        rows.next();
        rows.getString(1);
        rows.getString(2);
        rows.getString(3);
      }
    }
    int total;
    try (ResultSet rows = run("SELECT count(*) FROM papers " + where, query)) {
      rows.next();
      total = rows.getInt(1);
    }
    try (ResultSet rows =
        run(
            "SELECT f.dim, f.value, count(*) FROM papers JOIN facets f ON f.paper = papers.rowid "
                + where
                + " GROUP BY f.dim, f.value",
            query)) {
      consumeFacets(rows);
    }
    return total;
  }

  private int matchAllByEngagement() throws SQLException {
    try (ResultSet rows =
        statement("SELECT id FROM meta ORDER BY engagement DESC, latest_date DESC LIMIT 10")
            .executeQuery()) {
      while (rows.next()) {
        rows.getString(1);
      }
    }
    try (ResultSet rows = statement("SELECT dim, value, n FROM facet_totals").executeQuery()) {
      consumeFacets(rows);
    }
    try (ResultSet rows = statement("SELECT count(*) FROM meta").executeQuery()) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** Reads every facet row and keeps the top ten values of each dimension, as the API does. */
  private static void consumeFacets(ResultSet rows) throws SQLException {
    Map<String, java.util.PriorityQueue<Long>> top = new HashMap<>();
    while (rows.next()) {
      java.util.PriorityQueue<Long> counts =
          top.computeIfAbsent(rows.getString(1), dim -> new java.util.PriorityQueue<>());
      rows.getString(2);
      counts.add(rows.getLong(3));
      if (counts.size() > 10) {
        counts.poll();
      }
    }
  }

  private ResultSet run(String sql, BenchQuery query) throws SQLException {
    PreparedStatement statement = statement(sql);
    statement.setString(1, query.ftsMatch());
    if (!query.category().isEmpty()) {
      statement.setString(2, query.category());
    }
    return statement.executeQuery();
  }

  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement statement : statements.values()) {
      statement.close();
    }
    connection.close();
  }
}
