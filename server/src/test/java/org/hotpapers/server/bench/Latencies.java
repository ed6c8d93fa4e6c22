package org.hotpapers.server.bench;

import java.util.Arrays;

/** Recorded durations in milliseconds, with their median and 99th percentile. */
public final class Latencies {

  private double[] values = new double[1024];
  private int count;

  /** Records one duration. */
  public void add(double millis) {
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
    }
    values[count++] = millis;
  }

  /** Records every duration of {@code other}. */
  public void addAll(Latencies other) {
    for (int i = 0; i < other.count; i++) {
      add(other.values[i]);
    }
  }

  /** How many durations were recorded. */
  public int count() {
    return count;
  }

  /** The median, in milliseconds. */
  public double median() {
    return percentile(50);
  }

  /** The 99th percentile, in milliseconds. */
  public double p99() {
    return percentile(99);
  }

  /** The nearest-rank percentile, in milliseconds; 0 when nothing was recorded. */
  public double percentile(double percent) {
    if (count == 0) {
      return 0;
    }
    double[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percent / 100 * count);
    return sorted[Math.max(rank, 1) - 1];
  }
}
