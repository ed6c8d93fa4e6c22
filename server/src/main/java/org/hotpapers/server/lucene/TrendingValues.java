package org.hotpapers.server.lucene;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.hotpapers.indexer.PaperSchema;

/**
 * A paper's trending value: its engagement halved for every {@code halfLifeDays} between its newest
 * digest date and the newest digest date in the index.
 */
final class TrendingValues extends DoubleValuesSource {

  private final long newestEpochDay;
  private final double halfLifeDays;

  TrendingValues(long newestEpochDay, double halfLifeDays) {
    this.newestEpochDay = newestEpochDay;
    this.halfLifeDays = halfLifeDays;
  }

  /** The value for a paper with {@code engagement} last listed on {@code epochDay}. */
  double value(long engagement, long epochDay) {
    double ageDays = Math.max(0, newestEpochDay - epochDay);
    return engagement * Math.pow(0.5, ageDays / halfLifeDays);
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    NumericDocValues engagement = DocValues.getNumeric(ctx.reader(), PaperSchema.ENGAGEMENT);
    NumericDocValues latest = DocValues.getNumeric(ctx.reader(), PaperSchema.LATEST_DATE);
    return new DoubleValues() {
      private double current;

      @Override
      public double doubleValue() {
        return current;
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        if (!engagement.advanceExact(doc) || !latest.advanceExact(doc)) {
          return false;
        }
        current = value(engagement.longValue(), latest.longValue());
        return true;
      }
    };
  }

  @Override
  public boolean needsScores() {
    return false;
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher reader) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return DocValues.isCacheable(ctx, PaperSchema.ENGAGEMENT, PaperSchema.LATEST_DATE);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TrendingValues that
        && newestEpochDay == that.newestEpochDay
        && halfLifeDays == that.halfLifeDays;
  }

  @Override
  public int hashCode() {
    return Objects.hash(newestEpochDay, halfLifeDays);
  }

  @Override
  public String toString() {
    return "trending(newest=" + newestEpochDay + ", halfLifeDays=" + halfLifeDays + ")";
  }
}
