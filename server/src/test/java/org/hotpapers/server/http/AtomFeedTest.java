package org.hotpapers.server.http;

import static org.hotpapers.server.ServerFixture.getJson;
import static org.hotpapers.server.ServerFixture.ids;
import static org.hotpapers.server.ServerFixture.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hotpapers.server.ServerFixture;
import org.hotpapers.server.lucene.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code /search.atom}: a valid Atom feed of the same papers as {@code /search}, newest first. */
class AtomFeedTest {

  @TempDir static Path tmp;
  static SearchService service;

  @BeforeAll
  static void open() throws IOException {
    service = ServerFixture.openService(tmp);
  }

  @AfterAll
  static void close() throws IOException {
    service.close();
  }

  private static Document feed(HttpClient client, String... params) throws Exception {
    Response response = client.get(path("/search.atom", params));
    assertEquals(200, response.code());
    assertTrue(response.headers().get("Content-Type").get(0).startsWith("application/atom+xml"));
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(response.body().string().getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> entries(Document feed) {
    NodeList nodes = feed.getElementsByTagNameNS(AtomFeed.ATOM, "entry");
    List<Element> entries = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      entries.add((Element) nodes.item(i));
    }
    return entries;
  }

  private static String child(Element parent, String name) {
    return parent.getElementsByTagNameNS(AtomFeed.ATOM, name).item(0).getTextContent();
  }

  @Test
  void theFeedHoldsTheSearchsPapersNewestDigestFirst() throws Exception {
    JavalinTest.test(
        HotpapersApp.create(service),
        (server, client) -> {
          Document feed = feed(client, "q", "diffusion");
          Element root = feed.getDocumentElement();
          assertEquals("feed", root.getLocalName());
          assertEquals(AtomFeed.ATOM, root.getNamespaceURI());
          assertEquals("urn:hotpapers:search:q=diffusion", child(root, "id"));
          assertEquals("hotpapers: diffusion", child(root, "title"));
          List<String> expected = new ArrayList<>();
          for (String id :
              ids(getJson(client, path("/search", "q", "diffusion", "sort", "date")))) {
            expected.add("https://arxiv.org/abs/" + id);
          }
          List<Element> entries = entries(feed);
          assertEquals(expected, entries.stream().map(e -> child(e, "id")).toList());
          assertEquals(
              List.of("2022-01-04T00:00:00Z", "2022-01-03T00:00:00Z"),
              entries.stream().map(e -> child(e, "updated")).toList());
          assertEquals("2022-01-04T00:00:00Z", child(root, "updated"));
          Element first = entries.get(0);
          assertEquals("Diffusion Models Beat GANs on Image Synthesis", child(first, "title"));
          assertTrue(child(first, "summary").startsWith("We show"), child(first, "summary"));
          assertEquals(2, first.getElementsByTagNameNS(AtomFeed.ATOM, "category").getLength());
          Element engagement =
              (Element) first.getElementsByTagNameNS(AtomFeed.HOTPAPERS, "engagement").item(0);
          assertEquals("500", engagement.getAttribute("retweets"));
          assertEquals("1500", engagement.getAttribute("favorites"));
          assertEquals(
              List.of("https://arxiv.org/abs/2201.00001", "https://arxiv.org/abs/2201.00006"),
              entries(feed(client, "q", "diffusion")).stream().map(e -> child(e, "id")).toList(),
              "entry ids are stable");
        });
  }

  @Test
  void hostileTextIsEscapedAndBadParametersAre400() throws Exception {
    JavalinTest.test(
        HotpapersApp.create(service),
        (server, client) -> {
          Document feed = feed(client, "cat", "cs.CL", "size", "5");
          assertEquals(2, entries(feed).size());
          assertTrue(
              entries(feed).stream().anyMatch(e -> child(e, "title").startsWith("<script>")));
          Response bad = client.get(path("/search.atom", "size", "0"));
          assertEquals(400, bad.code());
          assertTrue(bad.body().string().startsWith("{\"error\":"));
        });
  }
}
