package org.hotpapers.server.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.FixedBitSet;

/**
 * The matches that facets are counted over: all of them up to {@link #EXACT_LIMIT}, beyond that one
 * match drawn from each run of k in index order (which follows the digests' dates, so each period
 * keeps its share, and no periodic pattern in the index aliases with k), whose counts are scaled
 * back by the sampling rate. Counting dominates the cost of a broad search; visiting the matches to
 * take the sample does not.
 */
final class FacetSample {

  /** Match sets up to this size are counted exactly, as Elasticsearch tracks totals. */
  static final int EXACT_LIMIT = 10_000;

  private final FacetsCollector counted;
  private final double scale;

  private FacetSample(FacetsCollector counted, double scale) {
    this.counted = counted;
    this.scale = scale;
  }

  /** The sample of {@code matches}: the same collector when it is small enough to count whole. */
  static FacetSample of(FacetsCollector matches) throws IOException {
    return of(matches, EXACT_LIMIT);
  }

  /** The sample of {@code matches}, counted whole up to {@code limit} matches. */
  static FacetSample of(FacetsCollector matches, int limit) throws IOException {
    long total = total(matches);
    if (total <= limit) {
      return new FacetSample(matches, 1);
    }
    int every = (int) ((total + limit - 1) / limit);
    List<FacetsCollector.MatchingDocs> sampled = new ArrayList<>();
    long kept = 0;
    long position = 0;
    long pick = 0;
    SplittableRandom random = new SplittableRandom(total);
    for (FacetsCollector.MatchingDocs segment : matches.getMatchingDocs()) {
      FixedBitSet bits = new FixedBitSet(segment.context.reader().maxDoc());
      int inSegment = 0;
      if (segment.bits != null) {
        DocIdSetIterator docs = segment.bits.iterator();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          long inBlock = position++ % every;
          if (inBlock == 0) {
            pick = random.nextInt(every);
          }
          if (inBlock == pick) {
            bits.set(doc);
            inSegment++;
          }
        }
      }
      kept += inSegment;
      sampled.add(
          new FacetsCollector.MatchingDocs(
              segment.context, new BitDocIdSet(bits, inSegment), inSegment, null));
    }
    return new FacetSample(new SampledMatches(sampled), kept == 0 ? 1 : total / (double) kept);
  }

  /** What facets are counted over. */
  FacetsCollector counted() {
    return counted;
  }

  /** Whether counts are estimates from a sample. */
  boolean approximate() {
    return scale != 1;
  }

  /** A count over the sample scaled to the whole match set. */
  int estimate(int count) {
    return (int) Math.round(count * scale);
  }

  /** Matches of every segment of {@code matches}. */
  static long total(FacetsCollector matches) {
    long total = 0;
    for (FacetsCollector.MatchingDocs segment : matches.getMatchingDocs()) {
      total += segment.totalHits;
    }
    return total;
  }

  /** A collector that reports sampled matching documents instead of collected ones. */
  private static final class SampledMatches extends FacetsCollector {
    private final List<MatchingDocs> sampled;

    SampledMatches(List<MatchingDocs> sampled) {
      this.sampled = sampled;
    }

    @Override
    public List<MatchingDocs> getMatchingDocs() {
      return sampled;
    }
  }
}
