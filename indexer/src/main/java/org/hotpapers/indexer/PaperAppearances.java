package org.hotpapers.indexer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tracks, across threads, which arXiv ids were already seen during a rebuild. Only the first
 * appearance of a paper is indexed straight away; later ones are kept (they are rare) so the paper
 * can be merged in post order once every post has been read. {@link #add} may be called from many
 * threads; the other methods are for after they have all finished.
 */
public final class PaperAppearances {

  private final Map<String, Long> firstPositions = new ConcurrentHashMap<>();
  private final Map<String, List<Appearance>> repeats = new HashMap<>();

  /** A paper as one post listed it; {@code position} orders appearances as the posts are sorted. */
  private record Appearance(long position, Paper paper) {}

  /** The position of the {@code ordinal}-th paper of the {@code post}-th post. */
  public static long position(int post, int ordinal) {
    return ((long) post << 32) | ordinal;
  }

  /**
   * Records an appearance; true if it is the first one for its id (index it now), false if it was
   * kept for {@link #merged}. Safe to call from many threads.
   */
  public boolean add(Paper paper, long position) {
    if (firstPositions.putIfAbsent(paper.id(), position) == null) {
      return true;
    }
    synchronized (repeats) {
      repeats
          .computeIfAbsent(paper.id(), id -> new ArrayList<>())
          .add(new Appearance(position, paper));
    }
    return false;
  }

  /** Ids seen more than once. */
  public Set<String> repeatedIds() {
    return Set.copyOf(repeats.keySet());
  }

  /** How many appearances repeat a paper seen earlier. */
  public int repeatCount() {
    return repeats.values().stream().mapToInt(List::size).sum();
  }

  /**
   * The repeated paper merged over all its appearances in post order, given the appearance that was
   * indexed first (as read back from the index).
   */
  public Paper merged(Paper indexed) {
    List<Appearance> all = new ArrayList<>(repeats.get(indexed.id()));
    all.add(new Appearance(firstPositions.get(indexed.id()), indexed));
    all.sort(Comparator.comparingLong(Appearance::position));
    Paper merged = all.get(0).paper();
    for (Appearance appearance : all.subList(1, all.size())) {
      merged = merged.mergedWith(appearance.paper());
    }
    return merged;
  }
}
