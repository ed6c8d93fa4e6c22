package org.hotpapers.server.solr;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The indexer's {@code SolrTestCluster} (a MiniSolrCloudCluster with an embedded ZooKeeper) in a
 * child JVM: Solr's Jetty 10 cannot share the server's classpath with Javalin's Jetty 12. The child
 * runs the indexer's test classpath, which its build writes to {@code
 * indexer/target/solr-cluster.classpath}, plus this module's classes: the query parser and the
 * spelling component that the collections name.
 */
final class ChildSolrCluster implements AutoCloseable {

  private static final long START_SECONDS = 120;

  private final Process process;
  private final Writer commands;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> urls;

  private ChildSolrCluster(Process process) throws IOException, InterruptedException {
    this.process = process;
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("error " + e);
              }
            },
            "solr-cluster-output");
    reader.setDaemon(true);
    reader.start();
    String first = await("urls ", START_SECONDS);
    this.urls = List.of(first.substring("urls ".length()).split(","));
  }

  /**
   * Starts a cluster of {@code nodes} nodes, its output logged to {@code log}.
   *
   * @throws IllegalStateException if the indexer module has not been built
   */
  static ChildSolrCluster start(int nodes, Path log) throws IOException, InterruptedException {
    Path indexerTarget =
        Path.of(System.getProperty("hotpapers.indexer.target", "../indexer/target"));
    Path classpathFile = indexerTarget.resolve("solr-cluster.classpath");
    if (!Files.exists(classpathFile)) {
      throw new IllegalStateException(
          classpathFile
              + " is missing: build the indexer module first (mvn -B verify from the top folder)");
    }
    String classpath =
        String.join(
            File.pathSeparator,
            indexerTarget.resolve("test-classes").toString(),
            indexerTarget.resolve("classes").toString(),
            Files.readString(classpathFile).strip(),
            System.getProperty("hotpapers.server.classes", "target/classes"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-Xmx768m",
                "-cp",
                classpath,
                "org.hotpapers.indexer.SolrTestCluster",
                Integer.toString(nodes))
            .redirectError(log.toFile())
            .start();
    try {
      return new ChildSolrCluster(process);
    } catch (IOException | InterruptedException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** The base URLs of the nodes ({@code http://127.0.0.1:PORT/solr}). */
  List<String> urls() {
    return urls;
  }

  /** Stops node {@code node} (0-based) and waits until it is down. */
  void stopNode(int node) throws IOException, InterruptedException {
    commands.write("stop " + node + "\n");
    commands.flush();
    await("stopped " + node, 60);
  }

  private String await(String prefix, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null && line.startsWith(prefix)) {
        return line;
      }
      if (line == null && !process.isAlive()) {
        throw new IllegalStateException(
            "the Solr test cluster stopped (exit " + process.exitValue() + "); see its log");
      }
    }
    throw new IllegalStateException("the Solr test cluster did not say '" + prefix + "' in time");
  }

  @Override
  public void close() throws InterruptedException {
    try {
      commands.write("quit\n");
      commands.flush();
    } catch (IOException e) {
      process.destroy();
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
