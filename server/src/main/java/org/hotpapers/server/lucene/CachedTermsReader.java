package org.hotpapers.server.lucene;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.BaseTermsEnum;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;

/**
 * A view of a reader whose exact term lookups are answered from a cache kept for the reader's life.
 * One search looks up each of its words' terms in several passes (spelling, word forms, the match
 * plan, ranking, facets, highlighting), and each lookup walks the terms dictionary afresh: on the
 * real corpus that walk was 40% of a search of several words. A cached term keeps its dictionary
 * position, so postings are opened without a walk; a term the segment lacks is remembered too.
 */
final class CachedTermsReader extends FilterDirectoryReader {

  /** Most terms remembered over all segments and fields before the cache is emptied. */
  static final int MAX_CACHED_TERMS = 200_000;

  /** {@code reader}, with term lookups cached; closing the view closes {@code reader}. */
  static CachedTermsReader of(DirectoryReader reader) throws IOException {
    return of(reader, MAX_CACHED_TERMS);
  }

  /** {@code reader}, with at most {@code capacity} term lookups remembered at a time. */
  static CachedTermsReader of(DirectoryReader reader, int capacity) throws IOException {
    return new CachedTermsReader(reader, new Cache(capacity));
  }

  private final int capacity;

  private CachedTermsReader(DirectoryReader in, Cache cache) throws IOException {
    super(in, new Wrapper(cache));
    this.capacity = cache.capacity;
  }

  @Override
  protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
    return of(in, capacity);
  }

  @Override
  public CacheHelper getReaderCacheHelper() {
    return in.getReaderCacheHelper();
  }

  /** The terms looked up so far, shared by every segment and field of one reader. */
  private static final class Cache {
    private final int capacity;
    private final AtomicInteger size = new AtomicInteger();
    private final Map<LeafReader, Map<String, Map<BytesRef, Lookup>>> bySegment =
        new ConcurrentHashMap<>();

    Cache(int capacity) {
      this.capacity = capacity;
    }

    Map<BytesRef, Lookup> of(LeafReader segment, String field) {
      return bySegment
          .computeIfAbsent(segment, s -> new ConcurrentHashMap<>())
          .computeIfAbsent(field, f -> new ConcurrentHashMap<>());
    }

    void remember(Map<BytesRef, Lookup> terms, BytesRef term, Lookup lookup) {
      if (size.incrementAndGet() > capacity) {
        bySegment.values().forEach(fields -> fields.values().forEach(Map::clear));
        size.set(1);
      }
      terms.put(BytesRef.deepCopyOf(term), lookup);
    }
  }

  /**
   * What one exact lookup found: the term's dictionary position and statistics, or {@code state}
   * {@code null} when the segment lacks the term.
   */
  private record Lookup(TermState state, int docFreq, long totalTermFreq) {
    static final Lookup ABSENT = new Lookup(null, 0, 0);
  }

  private static final class Wrapper extends SubReaderWrapper {
    private final Cache cache;

    Wrapper(Cache cache) {
      this.cache = cache;
    }

    @Override
    public LeafReader wrap(LeafReader reader) {
      return new CachedTermsLeafReader(reader, cache);
    }
  }

  private static final class CachedTermsLeafReader extends FilterLeafReader {
    private final Cache cache;

    CachedTermsLeafReader(LeafReader in, Cache cache) {
      super(in);
      this.cache = cache;
    }

    @Override
    public Terms terms(String field) throws IOException {
      Terms terms = in.terms(field);
      if (terms == null) {
        return null;
      }
      Map<BytesRef, Lookup> lookups = cache.of(in, field);
      return new FilterTerms(terms) {
        @Override
        public TermsEnum iterator() {
          return new CachedTermsEnum(terms, lookups, cache);
        }
      };
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
      return in.getCoreCacheHelper();
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return in.getReaderCacheHelper();
    }
  }

  /**
   * A terms enum that answers {@link #seekExact(BytesRef)} from the cache, and opens the segment's
   * own enum (positioned by the cached state) only for what needs it: postings, iteration, ords.
   */
  private static final class CachedTermsEnum extends BaseTermsEnum {
    private final Terms terms;
    private final Map<BytesRef, Lookup> lookups;
    private final Cache cache;
    private final BytesRefBuilder term = new BytesRefBuilder();
    private TermsEnum in;

    /** The cached lookup this enum is on, or {@code null} when the segment's enum answers. */
    private Lookup current;

    /** Whether the segment's enum is on the current term. */
    private boolean inPositioned;

    /** Whether the segment's enum got there through the dictionary rather than by a state. */
    private boolean walked;

    CachedTermsEnum(Terms terms, Map<BytesRef, Lookup> lookups, Cache cache) {
      this.terms = terms;
      this.lookups = lookups;
      this.cache = cache;
    }

    @Override
    public boolean seekExact(BytesRef text) throws IOException {
      Lookup lookup = lookups.get(text);
      inPositioned = false;
      walked = false;
      if (lookup == null) {
        TermsEnum segment = segment();
        boolean found = segment.seekExact(text);
        lookup =
            found
                ? new Lookup(segment.termState(), segment.docFreq(), segment.totalTermFreq())
                : Lookup.ABSENT;
        cache.remember(lookups, text, lookup);
        inPositioned = found;
        walked = found;
      }
      if (lookup.state() == null) {
        current = null;
        return false;
      }
      current = lookup;
      term.copyBytes(text);
      return true;
    }

    @Override
    public void seekExact(BytesRef text, TermState state) throws IOException {
      segment().seekExact(text, state);
      current = null;
      inPositioned = true;
      walked = false;
    }

    @Override
    public SeekStatus seekCeil(BytesRef text) throws IOException {
      current = null;
      inPositioned = true;
      walked = true;
      return segment().seekCeil(text);
    }

    @Override
    public void seekExact(long ord) throws IOException {
      current = null;
      inPositioned = true;
      walked = true;
      segment().seekExact(ord);
    }

    @Override
    public BytesRef next() throws IOException {
      if (current != null && !walked) {
        segment().seekExact(term.get());
      }
      walked = true;
      inPositioned = true;
      BytesRef next = segment().next();
      current = null;
      return next;
    }

    @Override
    public BytesRef term() throws IOException {
      return current != null ? term.get() : in == null ? null : in.term();
    }

    @Override
    public long ord() throws IOException {
      return positioned().ord();
    }

    @Override
    public int docFreq() throws IOException {
      return current != null ? current.docFreq() : in.docFreq();
    }

    @Override
    public long totalTermFreq() throws IOException {
      return current != null ? current.totalTermFreq() : in.totalTermFreq();
    }

    @Override
    public TermState termState() throws IOException {
      return current != null ? current.state().clone() : in.termState();
    }

    @Override
    public PostingsEnum postings(PostingsEnum reuse, int flags) throws IOException {
      return positioned().postings(reuse, flags);
    }

    @Override
    public ImpactsEnum impacts(int flags) throws IOException {
      return positioned().impacts(flags);
    }

    /** The segment's own enum, opened on first use. */
    private TermsEnum segment() throws IOException {
      if (in == null) {
        in = terms.iterator();
      }
      return in;
    }

    /**
     * The segment's own enum, moved by the cached state to the term a lookup was answered with from
     * the cache (enough for postings and ords; {@link #next} walks to the term instead, as a fresh
     * segment enum moved by state alone starts again from the first term).
     */
    private TermsEnum positioned() throws IOException {
      TermsEnum segment = segment();
      if (current != null && !inPositioned) {
        segment.seekExact(term.get(), current.state());
        inPositioned = true;
      }
      return segment;
    }
  }
}
