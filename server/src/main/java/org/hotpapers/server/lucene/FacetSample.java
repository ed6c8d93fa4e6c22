package org.hotpapers.server.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.FixedBitSet;
import org.hotpapers.server.search.TotalRelation;

/**
 * The matches that facets are counted over: all of them up to {@link #EXACT_LIMIT}, beyond that one
 * match drawn from each run of k in index order (which follows the digests' dates, so each period
 * keeps its share, and no periodic pattern in the index aliases with k), whose counts are scaled
 * back by the sampling rate. Counting dominates the cost of a broad search; visiting the matches to
 * take the sample does not. A pass that only counts (the other values of a filtered dimension, a
 * search by date) can also take its sample without visiting every match: see {@link #collect}.
 */
final class FacetSample {

  /** Match sets up to this size are counted exactly, as Elasticsearch tracks totals. */
  static final int EXACT_LIMIT = 10_000;

  /**
   * An index with more documents than this many times {@link #EXACT_LIMIT} may have a match set
   * large enough for {@link #collect} to sample in windows.
   */
  private static final int WINDOWED_ABOVE = 4;

  /** The windows a sampling pass visits, evenly spaced over the index's documents. */
  private static final int WINDOWS = 1024;

  /** The share of each window's stride that the first look visits, to estimate the matches. */
  private static final int PROBE_SHARE = 32;

  /** Windows are widened to see this many times {@link #EXACT_LIMIT} matches, by the estimate. */
  private static final double MARGIN = 1.25;

  private final FacetsCollector counted;
  private final double scale;
  private final long matched;
  private final TotalRelation relation;

  private FacetSample(FacetsCollector counted, double scale, long matched, TotalRelation relation) {
    this.counted = counted;
    this.scale = scale;
    this.matched = matched;
    this.relation = relation;
  }

  /** The sample of {@code matches}: the same collector when it is small enough to count whole. */
  static FacetSample of(FacetsCollector matches) throws IOException {
    return of(matches, EXACT_LIMIT);
  }

  /** The sample of {@code matches}, counted whole up to {@code limit} matches. */
  static FacetSample of(FacetsCollector matches, int limit) throws IOException {
    long total = total(matches);
    if (total <= limit) {
      return new FacetSample(matches, 1, total, TotalRelation.EQ);
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
    return new FacetSample(
        new SampledMatches(sampled),
        kept == 0 ? 1 : total / (double) kept,
        total,
        TotalRelation.EQ);
  }

  /**
   * The matches of {@code query} to count facets over. A small match set is collected whole and
   * sampled as {@link #of} does. A large one is sampled in {@link #WINDOWS} windows of documents
   * evenly spaced over the index (index order follows the digests' dates, so each period keeps its
   * share): a first look at a thirty-second of each window's stride estimates how many papers
   * match, then each window is widened until about {@link #EXACT_LIMIT} matches are in them, so a
   * common word's facets cost a fraction of a pass over its matches. When the windows hold no more
   * than the limit after all (matches bunched in a few periods), every match is collected. Only the
   * full pass knows the exact number of matches: see {@link #matched}.
   */
  static FacetSample collect(IndexSearcher searcher, Query query) throws IOException {
    return collect(searcher, query, EXACT_LIMIT);
  }

  /** Like {@link #collect(IndexSearcher, Query)}, counting exactly up to {@code limit} matches. */
  static FacetSample collect(IndexSearcher searcher, Query query, int limit) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    int stride = reader.maxDoc() / WINDOWS;
    if (reader.maxDoc() > (long) WINDOWED_ABOVE * limit && stride >= PROBE_SHARE) {
      Weight weight =
          searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
      Windows windows = new Windows(reader, weight, stride);
      int probe = stride / PROBE_SHARE;
      long seen = windows.visit(0, probe);
      if (seen > 0) {
        double estimate = seen * (double) stride / probe;
        int width = (int) Math.min(stride, Math.ceil(stride * MARGIN * limit / estimate));
        if (width < stride / 2) {
          if (width > probe) {
            seen += windows.visit(probe, width);
          }
          if (seen > limit) {
            return new FacetSample(
                windows.matches(),
                1 / windows.share(Math.max(width, probe)),
                seen,
                TotalRelation.GTE);
          }
        }
      }
    }
    return of(searcher.search(query, new FacetsCollectorManager()), limit);
  }

  /** What facets are counted over. */
  FacetsCollector counted() {
    return counted;
  }

  /**
   * How many papers match: all of them, or for a sample taken in windows those the windows hold, a
   * lower bound above the limit (as Elasticsearch's {@code track_total_hits} reports).
   */
  long matched() {
    return matched;
  }

  /** Whether {@link #matched} is the exact count or a lower bound. */
  TotalRelation relation() {
    return relation;
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

  /**
   * The matches of one query in evenly spaced windows of the index's documents: window {@code i}
   * starts at a random offset in the first half of {@code [i * stride, (i + 1) * stride)}, so that
   * no pattern in the documents repeating with the stride is always missed or always seen, and each
   * visit adds the same range of every window.
   */
  private static final class Windows {
    private final List<LeafReaderContext> leaves;
    private final Weight weight;
    private final int stride;
    private final int maxDoc;
    private final int[] starts;
    private final FixedBitSet[] bits;
    private final int[] counts;

    Windows(IndexReader reader, Weight weight, int stride) {
      this.leaves = reader.leaves();
      this.weight = weight;
      this.stride = stride;
      this.maxDoc = reader.maxDoc();
      this.starts = new int[(maxDoc + stride - 1) / stride];
      SplittableRandom random = new SplittableRandom(maxDoc);
      for (int i = 0; i < starts.length; i++) {
        starts[i] = i * stride + random.nextInt(stride / 2);
      }
      this.bits = new FixedBitSet[leaves.size()];
      this.counts = new int[leaves.size()];
    }

    /**
     * Visits offsets {@code [from, to)} of every window, {@code to} at most half the stride; the
     * number of matches found there.
     */
    long visit(int from, int to) throws IOException {
      long found = 0;
      for (int leaf = 0; leaf < leaves.size(); leaf++) {
        LeafReaderContext context = leaves.get(leaf);
        BulkScorer scorer = weight.bulkScorer(context);
        if (scorer == null) {
          continue;
        }
        if (bits[leaf] == null) {
          bits[leaf] = new FixedBitSet(context.reader().maxDoc());
        }
        int before = counts[leaf];
        LeafCollector collector = collector(leaf);
        int end = context.docBase + context.reader().maxDoc();
        for (int i = context.docBase / stride; i < starts.length && starts[i] < end; i++) {
          int min = Math.max(starts[i] + from, context.docBase);
          int max = Math.min(starts[i] + to, end);
          if (min < max) {
            scorer.score(
                collector,
                context.reader().getLiveDocs(),
                min - context.docBase,
                max - context.docBase);
          }
        }
        found += counts[leaf] - before;
      }
      return found;
    }

    /** The share of the index's documents in offsets {@code [0, width)} of every window. */
    double share(int width) {
      long covered = 0;
      for (int start : starts) {
        covered += Math.max(0, Math.min(width, maxDoc - start));
      }
      return covered / (double) maxDoc;
    }

    private LeafCollector collector(int leaf) {
      FixedBitSet leafBits = bits[leaf];
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
          leafBits.set(doc);
          counts[leaf]++;
        }
      };
    }

    /** Everything visited, as matching documents per segment. */
    FacetsCollector matches() {
      List<FacetsCollector.MatchingDocs> sampled = new ArrayList<>();
      for (int leaf = 0; leaf < leaves.size(); leaf++) {
        FixedBitSet leafBits =
            bits[leaf] == null ? new FixedBitSet(leaves.get(leaf).reader().maxDoc()) : bits[leaf];
        sampled.add(
            new FacetsCollector.MatchingDocs(
                leaves.get(leaf), new BitDocIdSet(leafBits, counts[leaf]), counts[leaf], null));
      }
      return new SampledMatches(sampled);
    }
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
