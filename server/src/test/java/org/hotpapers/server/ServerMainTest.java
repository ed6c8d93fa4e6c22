package org.hotpapers.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The server's command line refuses what it cannot serve, with a reason and an exit code. */
final class ServerMainTest {

  private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
  private PrintStream stderr;

  @BeforeEach
  void captureErrors() {
    stderr = System.err;
    System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreErrors() {
    System.setErr(stderr);
  }

  private static int run(String... args) {
    return new CommandLine(new ServerMain()).execute(args);
  }

  private String errors() {
    return errors.toString(StandardCharsets.UTF_8);
  }

  @Test
  void refusesAnUnknownBackendAndFlagsOfTheOtherOne(@TempDir Path tmp) {
    assertEquals(2, run("--backend", "elastic", "--port", "0"));
    assertTrue(errors().contains("--backend must be lucene or solr"), errors());
    assertEquals(2, run("--backend", "solr", "--embed", "off", "--port", "0"));
    assertTrue(errors().contains("--backend solr needs --solr"), errors());
    assertEquals(
        2,
        run(
            "--solr",
            "http://127.0.0.1:1/solr",
            "--collection",
            "papers",
            "--index",
            tmp.resolve("index").toString(),
            "--embed",
            "off",
            "--port",
            "0"));
    assertTrue(errors().contains("--solr and --collection need --backend solr"), errors());
    assertEquals(
        2,
        run(
            "--backend",
            "solr",
            "--solr",
            "localhost:8983",
            "--collection",
            "papers",
            "--embed",
            "off",
            "--port",
            "0"));
    assertTrue(errors().contains("not a Solr URL"), errors());
  }

  @Test
  void saysWhenSolrCannotBeReached() {
    assertEquals(
        1,
        run(
            "--backend",
            "solr",
            "--solr",
            "http://127.0.0.1:1/solr",
            "--collection",
            "papers",
            "--embed",
            "off",
            "--port",
            "0"));
    assertTrue(errors().contains("Solr collection papers cannot be reached"), errors());
  }
}
