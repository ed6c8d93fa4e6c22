package org.hotpapers.indexer;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * Converts a {@link Paper} to the Solr document laid out by {@link SolrConfigset}, and back: the
 * same fields and values as {@link PaperDocuments} writes to a Lucene index.
 */
public final class SolrPapers {

  /** The stored fields {@link #toPaper} reads: every field but the vector. */
  public static final List<String> PAPER_FIELDS =
      List.of(
          PaperSchema.ID,
          PaperSchema.TITLE,
          PaperSchema.AUTHOR,
          PaperSchema.CATEGORY,
          PaperSchema.ABSTRACT,
          PaperSchema.RETWEETS,
          PaperSchema.FAVORITES,
          PaperSchema.DATE,
          PaperSchema.TWEET,
          PaperSchema.TWEET_NAME,
          PaperSchema.TWEET_HANDLE,
          PaperSchema.TWEET_DATE,
          PaperSchema.TWEET_URL);

  private SolrPapers() {}

  /** The Solr document of a paper with its embedding, or without one if {@code vector} is null. */
  public static SolrInputDocument toDocument(Paper paper, float[] vector) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.addField(PaperSchema.ID, paper.id());
    doc.addField(PaperSchema.TITLE, paper.title());
    paper.authors().forEach(author -> doc.addField(PaperSchema.AUTHOR, author));
    doc.addField(PaperSchema.ABSTRACT, paper.abstractText());
    for (String category : paper.categories()) {
      doc.addField(PaperSchema.CATEGORY, category);
      doc.addField(PaperSchema.CATEGORY_FACET, category);
    }
    paper.dates().forEach(date -> doc.addField(PaperSchema.DATE, instant(date)));
    paper.dates().stream()
        .map(date -> Integer.toString(date.getYear()))
        .distinct()
        .forEach(year -> doc.addField(PaperSchema.YEAR_FACET, year));
    doc.addField(PaperSchema.LATEST_DATE, instant(paper.latestDate()));
    doc.addField(PaperSchema.RETWEETS, paper.retweets());
    doc.addField(PaperSchema.FAVORITES, paper.favorites());
    doc.addField(PaperSchema.ENGAGEMENT, paper.engagement());
    doc.addField(PaperSchema.SOLR_ENGAGEMENT_RANK, PaperSchema.engagementFeature(paper));
    doc.addField(PaperSchema.SPELL, paper.title());
    paper.tweets().stream()
        .map(Tweet::handle)
        .distinct()
        .forEach(
            handle -> {
              doc.addField(PaperSchema.TWEETER_HANDLE, PaperSchema.handleTerm(handle));
              doc.addField(PaperSchema.TWEETER_FACET, handle);
            });
    for (Tweet tweet : paper.tweets()) {
      doc.addField(PaperSchema.TWEET, tweet.text());
      doc.addField(PaperSchema.TWEETER, tweet.authorName());
      doc.addField(PaperSchema.TWEETER, tweet.handle());
      doc.addField(PaperSchema.TWEET_NAME, tweet.authorName());
      doc.addField(PaperSchema.TWEET_HANDLE, tweet.handle());
      doc.addField(PaperSchema.TWEET_DATE, PaperDocuments.storedDate(tweet));
      doc.addField(PaperSchema.TWEET_URL, tweet.url());
    }
    if (vector != null) {
      List<Float> values = new ArrayList<>(vector.length);
      for (float value : vector) {
        values.add(value);
      }
      doc.addField(PaperSchema.VECTOR, values);
    }
    return doc;
  }

  /** Rebuilds the paper from a Solr document's stored fields. */
  public static Paper toPaper(SolrDocument doc) {
    List<LocalDate> dates = new ArrayList<>();
    for (Object date : values(doc, PaperSchema.DATE)) {
      dates.add(((Date) date).toInstant().atOffset(ZoneOffset.UTC).toLocalDate());
    }
    List<Tweet> tweets =
        PaperDocuments.tweets(
            strings(doc, PaperSchema.TWEET),
            strings(doc, PaperSchema.TWEET_NAME),
            strings(doc, PaperSchema.TWEET_HANDLE),
            strings(doc, PaperSchema.TWEET_DATE),
            strings(doc, PaperSchema.TWEET_URL));
    return new Paper(
        (String) doc.getFirstValue(PaperSchema.ID),
        (String) doc.getFirstValue(PaperSchema.TITLE),
        strings(doc, PaperSchema.AUTHOR),
        strings(doc, PaperSchema.CATEGORY),
        (String) doc.getFirstValue(PaperSchema.ABSTRACT),
        ((Number) doc.getFirstValue(PaperSchema.RETWEETS)).intValue(),
        ((Number) doc.getFirstValue(PaperSchema.FAVORITES)).intValue(),
        dates,
        tweets);
  }

  private static Date instant(LocalDate date) {
    return Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  private static Collection<Object> values(SolrDocument doc, String field) {
    Collection<Object> values = doc.getFieldValues(field);
    return values == null ? List.of() : values;
  }

  private static List<String> strings(SolrDocument doc, String field) {
    return values(doc, field).stream().map(String.class::cast).toList();
  }
}
