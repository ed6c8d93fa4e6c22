package org.hotpapers.indexer;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;

/**
 * A SolrCloud cluster reached through the URLs of some of its nodes ({@code
 * http://host:8983/solr}): requests take turns over the nodes, and one that a node cannot answer
 * (it is down, or says it is unavailable) goes to the next. Each node forwards a request to the
 * nodes that hold the collection, so any live node can answer any request. Uses the JDK's HTTP
 * client, so no Jetty client is needed beside the server's own Jetty.
 */
public final class SolrNodes extends SolrClient {

  private static final int UNAVAILABLE = 503;

  private final List<String> urls;
  private final List<HttpJdkSolrClient> clients;
  private final AtomicInteger next = new AtomicInteger();

  /**
   * Clients of the nodes at {@code urls}.
   *
   * @throws IllegalArgumentException if there is no URL or one is not an http(s) URL
   */
  public SolrNodes(List<String> urls) {
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("at least one Solr URL is needed");
    }
    for (String url : urls) {
      URI uri = URI.create(url);
      if (uri.getHost() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new IllegalArgumentException(
            "not a Solr URL: '" + url + "' (expected http://host:8983/solr)");
      }
    }
    this.urls = List.copyOf(urls);
    this.clients =
        urls.stream()
            .map(
                url ->
                    new HttpJdkSolrClient.Builder(url)
                        .useHttp1_1(true)
                        .withConnectionTimeout(5, TimeUnit.SECONDS)
                        .withRequestTimeout(120, TimeUnit.SECONDS)
                        .build())
            .toList();
  }

  /** The URLs of the nodes, as given. */
  public List<String> urls() {
    return urls;
  }

  @Override
  public NamedList<Object> request(SolrRequest<?> request, String collection)
      throws SolrServerException, IOException {
    int first = Math.floorMod(next.getAndIncrement(), clients.size());
    Exception last = null;
    for (int i = 0; i < clients.size(); i++) {
      HttpJdkSolrClient client = clients.get((first + i) % clients.size());
      try {
        return client.request(request, collection);
      } catch (SolrServerException e) {
        if (!(e.getCause() instanceof IOException)) {
          throw e;
        }
        last = e;
      } catch (IOException e) {
        last = e;
      } catch (SolrException e) {
        if (e.code() != UNAVAILABLE) {
          throw e;
        }
        last = e;
      }
    }
    throw new SolrServerException("no Solr node answered (" + String.join(", ", urls) + ")", last);
  }

  @Override
  public void close() throws IOException {
    for (HttpJdkSolrClient client : clients) {
      client.close();
    }
  }
}
