package org.hotpapers.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's exit codes and messages. */
class IndexerMainTest {

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    PrintStream previous = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return new CommandLine(new IndexerMain()).execute(args);
    } finally {
      System.setErr(previous);
    }
  }

  private String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void buildsAnIndexAndExitsZero(@TempDir Path tmp) throws Exception {
    Path posts = Fixtures.copyPosts(tmp.resolve("posts"));
    assertEquals(0, run("--posts", posts.toString(), "--index", tmp.resolve("index").toString()));
    assertTrue(Files.exists(tmp.resolve("index").resolve("segments_1")));
  }

  @Test
  void missingPostsFolderIsAOneLineError(@TempDir Path tmp) {
    int status = run("--posts", tmp.resolve("nope").toString(), "--index", tmp.toString());
    assertEquals(2, status);
    assertEquals(1, errors().strip().lines().count(), errors());
    assertTrue(errors().startsWith("error: --posts "), errors());
  }

  @Test
  void unwritableIndexIsAOneLineErrorAndANoteOnSpace(@TempDir Path tmp) throws Exception {
    Path posts = Fixtures.copyPosts(tmp.resolve("posts"));
    Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
    int status = run("--posts", posts.toString(), "--index", file.resolve("index").toString());
    assertEquals(1, status);
    assertEquals(2, errors().strip().lines().count(), errors());
    assertTrue(errors().contains("previous index kept"), errors());
    assertTrue(errors().strip().lines().toList().get(1).startsWith("note: "), errors());
  }

  @Test
  void missingOptionIsAUsageError() {
    assertEquals(2, run("--posts"));
  }

  @Test
  void aFailedRebuildSaysHowMuchRoomItNeedsAndHowMuchThereIs(@TempDir Path dir) throws Exception {
    Path index = dir.resolve("index");
    new BatchReindex(new PostParser(), progress -> {})
        .run(Fixtures.copyPosts(dir.resolve("p")), index);
    String note = IndexerMain.spaceNote(index);
    org.junit.jupiter.api.Assertions.assertTrue(
        note.matches(
            "note: a rebuild needs about \\d+ MB free beside the \\d+ MB index in "
                + java.util.regex.Pattern.quote(index.toString())
                + "; that disk has [\\d,]+ MB free"),
        note);
  }

  @Test
  void addPutsADaysPostIntoTheIndexAndNeedsExactlyOneOfPostsOrAdd(@TempDir Path tmp)
      throws Exception {
    Path posts = Fixtures.copyPosts(tmp.resolve("posts"));
    Path day = posts.resolve(Fixtures.POSTS.get(3));
    Path earlier = Files.createDirectories(tmp.resolve("earlier"));
    Files.move(day, tmp.resolve(day.getFileName()));
    for (String name : Fixtures.POSTS.subList(0, 3)) {
      Files.copy(posts.resolve(name), earlier.resolve(name));
    }
    Path index = tmp.resolve("index");
    assertEquals(
        0, run("--posts", earlier.toString(), "--index", index.toString(), "--embed", "off"));
    assertEquals(
        0,
        run(
            "--add",
            tmp.resolve(day.getFileName()).toString(),
            "--index",
            index.toString(),
            "--embed",
            "off"));
    assertEquals(
        2, run("--posts", posts.toString(), "--add", day.toString(), "--index", index.toString()));
    assertEquals(2, run("--index", index.toString()));
  }

  @Test
  void solrOptionsThatDoNotGoTogetherAreOneLineErrors(@TempDir Path tmp) throws Exception {
    String posts = Fixtures.copyPosts(tmp.resolve("posts")).toString();
    String url = "http://127.0.0.1:1/solr";
    assertEquals(2, run("--posts", posts, "--solr", url));
    assertTrue(errors().contains("--solr URL[,URL...] and --collection NAME go together"));
    assertEquals(2, run("--posts", posts, "--solr", url, "--collection", "p", "--index", "x"));
    assertTrue(errors().contains("--add and --index are for a Lucene index"), errors());
    assertEquals(2, run("--posts", posts));
    assertTrue(errors().contains("give --index DIR (a Lucene index) or --solr"), errors());
    assertEquals(2, run("--posts", posts, "--solr", "localhost:8983", "--collection", "p"));
    assertTrue(errors().contains("not a Solr URL: 'localhost:8983'"), errors());
  }

  @Test
  void anUnreachableSolrIsAnErrorThatKeepsTheAlias(@TempDir Path tmp) throws Exception {
    String posts = Fixtures.copyPosts(tmp.resolve("posts")).toString();
    int status =
        run(
            "--posts",
            posts,
            "--solr",
            "http://127.0.0.1:1/solr",
            "--collection",
            "p",
            "--embed",
            "off");
    assertEquals(1, status);
    assertTrue(errors().startsWith("error: rebuild of Solr alias p failed"), errors());
    assertTrue(errors().contains("no Solr node answered (http://127.0.0.1:1/solr)"), errors());
  }

  @Test
  void writesTheSolrConfigset(@TempDir Path tmp) throws Exception {
    assertEquals(0, run("--write-solr-configset", tmp.resolve("conf").toString()));
    String schema = Files.readString(tmp.resolve("conf").resolve("schema.xml"));
    assertTrue(schema.contains("<field name=\"title\" type=\"text\""), schema);
    assertTrue(schema.contains("vectorDimension=\"384\""), schema);
    assertTrue(schema.contains("<filter name=\"kStem\"/>"), schema);
    assertTrue(
        Files.readString(tmp.resolve("conf").resolve("solrconfig.xml"))
            .contains(
                "<queryParser name=\"hotpapers\" class=\"org.hotpapers.server.solr.PaperQParserPlugin\"/>"));
    assertTrue(Files.exists(tmp.resolve("conf").resolve(PaperSchema.ACRONYMS_FILE)));
    assertEquals(
        0,
        run(
            "--write-solr-configset",
            tmp.resolve("lexical").toString(),
            "--embed",
            "off",
            "--solr-plugin",
            "off"));
    assertTrue(!Files.readString(tmp.resolve("lexical").resolve("schema.xml")).contains("vector"));
    assertTrue(
        !Files.readString(tmp.resolve("lexical").resolve("solrconfig.xml"))
            .contains("queryParser"));
    assertEquals(
        2, run("--write-solr-configset", tmp.resolve("x").toString(), "--solr-plugin", "maybe"));
  }
}
