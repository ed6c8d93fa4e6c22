package org.hotpapers.indexer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;

/**
 * A SolrCloud test cluster in its own JVM, for tests whose classpath cannot hold Solr's Jetty (the
 * server's): starts a MiniSolrCloudCluster of N nodes with an embedded ZooKeeper, prints {@code
 * urls URL,URL...} on a line, then obeys lines on standard input: {@code stop I} stops node I and
 * prints {@code stopped I}; {@code quit}, or the end of input, shuts the cluster down and deletes
 * its folder.
 */
public final class SolrTestCluster {

  private SolrTestCluster() {}

  /** Arguments: the number of nodes (default 2). */
  public static void main(String[] args) {
    try {
      run(args);
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private static void run(String[] args) throws Exception {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    Path base = Files.createTempDirectory("hotpapers-solr-cluster");
    System.setProperty("solr.log.dir", base.resolve("logs").toString());
    MiniSolrCloudCluster cluster =
        new MiniSolrCloudCluster(nodes, base.resolve("cluster"), JettyConfig.builder().build());
    try {
      List<String> urls = new ArrayList<>();
      cluster.getJettySolrRunners().forEach(node -> urls.add(node.getBaseUrl().toString()));
      System.out.println("urls " + String.join(",", urls));
      System.out.flush();
      BufferedReader commands =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = commands.readLine();
          line != null && !line.equals("quit");
          line = commands.readLine()) {
        if (line.startsWith("stop ")) {
          int node = Integer.parseInt(line.substring(5).strip());
          cluster.stopJettySolrRunner(node);
          System.out.println("stopped " + node);
          System.out.flush();
        }
      }
    } finally {
      cluster.shutdown();
      deleteQuietly(base);
    }
  }

  /** Deletes {@code dir}; a file a stopping thread still holds is left for the OS. */
  static void deleteQuietly(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          System.err.println(file + " not deleted: " + e);
        }
      }
    }
  }
}
