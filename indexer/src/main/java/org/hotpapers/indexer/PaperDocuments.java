package org.hotpapers.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/** Converts a {@link Paper} to the Lucene document laid out by {@link PaperSchema}, and back. */
public final class PaperDocuments {

  /** Analyzed, stored text with offsets in the postings, for fast highlighting. */
  private static final FieldType HIGHLIGHTED_TEXT = highlightedText();

  /** Analyzed words that only need to exist: no frequencies, positions or stored value. */
  private static final FieldType VOCABULARY = vocabulary();

  /** The tweet field's type with nothing stored, for the empty value of a paper without tweets. */
  private static final FieldType NO_TWEET = noTweet();

  private PaperDocuments() {}

  private static FieldType vocabulary() {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setIndexOptions(IndexOptions.DOCS);
    type.setOmitNorms(true);
    type.freeze();
    return type;
  }

  private static FieldType noTweet() {
    FieldType type = new FieldType(HIGHLIGHTED_TEXT);
    type.setStored(false);
    type.freeze();
    return type;
  }

  private static FieldType highlightedText() {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  /**
   * The document for a paper, before facet translation (pass it through {@link
   * PaperSchema#facetsConfig()}'s {@code build}).
   */
  public static Document toDocument(Paper paper) {
    return toDocument(paper, null);
  }

  /** The document for a paper with its embedding, or without one if {@code vector} is null. */
  public static Document toDocument(Paper paper, float[] vector) {
    Document doc = new Document();
    if (vector != null) {
      doc.add(
          new KnnFloatVectorField(
              PaperSchema.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    }
    doc.add(new StringField(PaperSchema.ID, paper.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(PaperSchema.ID, new BytesRef(paper.id())));
    doc.add(new Field(PaperSchema.TITLE, paper.title(), HIGHLIGHTED_TEXT));
    for (String author : paper.authors()) {
      doc.add(new TextField(PaperSchema.AUTHOR, author, Field.Store.YES));
    }
    doc.add(new Field(PaperSchema.ABSTRACT, paper.abstractText(), HIGHLIGHTED_TEXT));
    for (String category : paper.categories()) {
      doc.add(
          new StringField(
              PaperSchema.CATEGORY, PaperSchema.categoryTerm(category), Field.Store.NO));
      doc.add(new StoredField(PaperSchema.CATEGORY, category));
      doc.add(new SortedSetDocValuesFacetField(PaperSchema.CATEGORY_FACET, category));
    }
    for (LocalDate date : paper.dates()) {
      doc.add(new LongPoint(PaperSchema.DATE, date.toEpochDay()));
      doc.add(new StoredField(PaperSchema.DATE, date.toString()));
    }
    paper.dates().stream()
        .map(date -> Integer.toString(date.getYear()))
        .distinct()
        .forEach(year -> doc.add(new SortedSetDocValuesFacetField(PaperSchema.YEAR_FACET, year)));
    doc.add(new NumericDocValuesField(PaperSchema.LATEST_DATE, paper.latestDate().toEpochDay()));
    doc.add(new LongPoint(PaperSchema.LATEST_DATE, paper.latestDate().toEpochDay()));
    doc.add(new StoredField(PaperSchema.RETWEETS, paper.retweets()));
    doc.add(new StoredField(PaperSchema.FAVORITES, paper.favorites()));
    doc.add(new NumericDocValuesField(PaperSchema.ENGAGEMENT, paper.engagement()));
    doc.add(new LongPoint(PaperSchema.ENGAGEMENT, paper.engagement()));
    doc.add(
        new FeatureField(
            PaperSchema.FEATURES,
            PaperSchema.ENGAGEMENT_FEATURE,
            PaperSchema.engagementFeature(paper)));
    doc.add(new Field(PaperSchema.SPELL, paper.title(), VOCABULARY));
    paper.tweets().stream()
        .map(Tweet::handle)
        .distinct()
        .forEach(
            handle -> {
              doc.add(
                  new StringField(
                      PaperSchema.TWEETER_HANDLE, PaperSchema.handleTerm(handle), Field.Store.NO));
              doc.add(new SortedSetDocValuesFacetField(PaperSchema.TWEETER_FACET, handle));
            });
    if (paper.tweets().isEmpty()) {
      // An empty value gives the paper a norm of 0 in both tweet fields, which scores as no value
      // does. Norms that most but not all papers have are stored sparse, and writing the postings
      // of a segment then scans them from its first paper for every term.
      doc.add(new Field(PaperSchema.TWEET, "", NO_TWEET));
      doc.add(new TextField(PaperSchema.TWEETER, "", Field.Store.NO));
    }
    for (Tweet tweet : paper.tweets()) {
      doc.add(new Field(PaperSchema.TWEET, tweet.text(), HIGHLIGHTED_TEXT));
      doc.add(new TextField(PaperSchema.TWEETER, tweet.authorName(), Field.Store.NO));
      doc.add(new TextField(PaperSchema.TWEETER, tweet.handle(), Field.Store.NO));
      doc.add(new StoredField(PaperSchema.TWEET_NAME, tweet.authorName()));
      doc.add(new StoredField(PaperSchema.TWEET_HANDLE, tweet.handle()));
      doc.add(new StoredField(PaperSchema.TWEET_DATE, storedDate(tweet)));
      doc.add(new StoredField(PaperSchema.TWEET_URL, tweet.url()));
    }
    return doc;
  }

  /**
   * Every live paper of {@code reader}, in document order, read lazily from stored fields: a
   * rebuild replaces papers that appear on several days, so an index may hold deleted versions.
   *
   * @throws UncheckedIOException from the iterator, if the stored fields cannot be read
   */
  public static Iterable<Paper> livePapers(IndexReader reader) {
    Bits live = MultiBits.getLiveDocs(reader);
    return () -> {
      StoredFields stored;
      try {
        stored = reader.storedFields();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return IntStream.range(0, reader.maxDoc())
          .filter(doc -> live == null || live.get(doc))
          .mapToObj(
              doc -> {
                try {
                  return toPaper(stored.document(doc));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .iterator();
    };
  }

  /** Rebuilds the paper from a document's stored fields. */
  public static Paper toPaper(Document doc) {
    List<LocalDate> dates = new ArrayList<>();
    for (String date : doc.getValues(PaperSchema.DATE)) {
      dates.add(LocalDate.parse(date));
    }
    List<Tweet> tweets =
        tweets(
            List.of(doc.getValues(PaperSchema.TWEET)),
            List.of(doc.getValues(PaperSchema.TWEET_NAME)),
            List.of(doc.getValues(PaperSchema.TWEET_HANDLE)),
            List.of(doc.getValues(PaperSchema.TWEET_DATE)),
            List.of(doc.getValues(PaperSchema.TWEET_URL)));
    return new Paper(
        doc.get(PaperSchema.ID),
        doc.get(PaperSchema.TITLE),
        List.of(doc.getValues(PaperSchema.AUTHOR)),
        List.of(doc.getValues(PaperSchema.CATEGORY)),
        doc.get(PaperSchema.ABSTRACT),
        doc.getField(PaperSchema.RETWEETS).numericValue().intValue(),
        doc.getField(PaperSchema.FAVORITES).numericValue().intValue(),
        dates,
        tweets);
  }

  /** A tweet's date as stored in {@link PaperSchema#TWEET_DATE}: ISO, or empty if it has none. */
  static String storedDate(Tweet tweet) {
    return tweet.date() == null ? "" : tweet.date().toString();
  }

  /** A paper's tweets from the parallel values of the stored tweet fields, in order. */
  static List<Tweet> tweets(
      List<String> texts,
      List<String> names,
      List<String> handles,
      List<String> dates,
      List<String> urls) {
    List<Tweet> tweets = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      LocalDate date = dates.get(i).isEmpty() ? null : LocalDate.parse(dates.get(i));
      tweets.add(new Tweet(texts.get(i), names.get(i), handles.get(i), date, urls.get(i)));
    }
    return tweets;
  }
}
