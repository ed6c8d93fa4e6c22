package org.hotpapers.server.http;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.hotpapers.server.search.SearchHit;
import org.hotpapers.server.search.SearchResponse;

/**
 * A search as an Atom 1.0 feed (RFC 4287), so a reader can follow it: one entry per paper, newest
 * digest first, its id the paper's arXiv URL, {@code updated} its newest digest date, with title,
 * authors, abstract, link, categories and engagement ({@code hp:engagement}).
 */
final class AtomFeed {

  static final String ATOM = "http://www.w3.org/2005/Atom";

  /** The namespace of the feed's engagement element. */
  static final String HOTPAPERS = "urn:hotpapers:atom";

  private AtomFeed() {}

  /**
   * The feed of {@code response}.
   *
   * @param feedId the feed's stable id, from the search's parameters
   * @param title a title for people
   * @param self the feed's own address
   * @param page the address of the same search on the web page
   */
  static String write(
      SearchResponse response, String feedId, String title, String self, String page) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.setDefaultNamespace(ATOM);
      xml.writeStartElement(ATOM, "feed");
      xml.writeDefaultNamespace(ATOM);
      xml.writeNamespace("hp", HOTPAPERS);
      text(xml, "id", feedId);
      text(xml, "title", title);
      text(xml, "updated", timestamp(newest(response.hits())));
      link(xml, "self", self);
      link(xml, "alternate", page);
      xml.writeStartElement(ATOM, "generator");
      xml.writeCharacters("hotpapers");
      xml.writeEndElement();
      for (SearchHit hit : response.hits()) {
        entry(xml, hit);
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("could not write the feed", e);
    }
    return out.toString();
  }

  private static void entry(XMLStreamWriter xml, SearchHit hit) throws XMLStreamException {
    xml.writeStartElement(ATOM, "entry");
    text(xml, "id", hit.url());
    text(xml, "title", hit.title());
    text(xml, "updated", timestamp(latest(hit)));
    text(xml, "published", timestamp(LocalDate.parse(hit.dates().get(0))));
    link(xml, "alternate", hit.url());
    for (String author : hit.authors()) {
      xml.writeStartElement(ATOM, "author");
      text(xml, "name", author);
      xml.writeEndElement();
    }
    for (String category : hit.categories()) {
      xml.writeEmptyElement(ATOM, "category");
      xml.writeAttribute("term", category);
      xml.writeAttribute("scheme", "https://arxiv.org/archive/");
    }
    if (!hit.abstractText().isEmpty()) {
      xml.writeStartElement(ATOM, "summary");
      xml.writeAttribute("type", "text");
      xml.writeCharacters(hit.abstractText());
      xml.writeEndElement();
    }
    xml.writeEmptyElement(HOTPAPERS, "engagement");
    xml.writeAttribute("retweets", Integer.toString(hit.retweets()));
    xml.writeAttribute("favorites", Integer.toString(hit.favorites()));
    xml.writeEndElement();
  }

  private static void text(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeStartElement(ATOM, name);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }

  private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
    xml.writeEmptyElement(ATOM, "link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("href", href);
  }

  private static LocalDate latest(SearchHit hit) {
    return LocalDate.parse(hit.dates().get(hit.dates().size() - 1));
  }

  private static LocalDate newest(List<SearchHit> hits) {
    return hits.stream()
        .map(AtomFeed::latest)
        .max(Comparator.naturalOrder())
        .orElse(LocalDate.EPOCH);
  }

  private static String timestamp(LocalDate date) {
    return date + "T00:00:00Z";
  }
}
