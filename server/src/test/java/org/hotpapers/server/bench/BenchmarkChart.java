package org.hotpapers.server.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws the scale benchmark's results as one SVG: indexing rate against corpus size (hotpapers,
 * bare Lucene, FTS5), and query latency of the slowest class against corpus size (median and p99,
 * hotpapers beside FTS5). Both axes are logarithmic. Run with the results TSV and the SVG to write.
 */
public final class BenchmarkChart {

  private static final int PANEL_WIDTH = 440;
  private static final int PANEL_HEIGHT = 300;
  private static final int MARGIN_LEFT = 64;
  private static final int MARGIN_TOP = 40;
  private static final int MARGIN_BOTTOM = 96;
  private static final int GAP = 90;

  /** One figure of the results TSV. */
  record Row(
      String label, int papers, String metric, String engine, String queryClass, double value) {
    static Row parse(String line) {
      String[] cells = line.split("\t", -1);
      return new Row(
          cells[0],
          Integer.parseInt(cells[1]),
          cells[2],
          cells[3],
          cells[4],
          Double.parseDouble(cells[5]));
    }
  }

  /** A line on a panel: a name, a colour, a dash pattern and its points (papers → value). */
  record Series(String name, String colour, String dash, TreeMap<Integer, Double> points) {}

  private BenchmarkChart() {}

  /** Reads {@code args[0]} (results TSV) and writes {@code args[1]} (SVG). */
  public static void main(String[] args) throws IOException {
    List<Row> rows =
        Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8).stream()
            .filter(line -> !line.isBlank())
            .map(Row::parse)
            .toList();
    Files.writeString(Path.of(args[1]), svg(rows), StandardCharsets.UTF_8);
    System.out.println("wrote " + args[1]);
  }

  /** The chart of {@code rows}; when a corpus was measured twice, the later figure wins. */
  static String svg(List<Row> measured) {
    Map<List<String>, Row> latest = new LinkedHashMap<>();
    for (Row row : measured) {
      latest.put(List.of(row.label(), row.metric(), row.engine(), row.queryClass()), row);
    }
    List<Row> rows = List.copyOf(latest.values());
    List<Series> indexing =
        List.of(
            series(rows, "hotpapers", "#1f5fbf", "", "index_papers_per_s", "hotpapers", false),
            series(
                rows,
                "bare Lucene (ceiling)",
                "#777777",
                "6 4",
                "index_papers_per_s",
                "bare-lucene",
                false),
            series(
                rows,
                "SQLite FTS5 (from parsed papers)",
                "#c0392b",
                "2 3",
                "index_papers_per_s",
                "fts5",
                false));
    List<Series> latency =
        List.of(
            series(rows, "hotpapers median", "#1f5fbf", "", "query_median_ms", "hotpapers", true),
            series(rows, "hotpapers p99", "#1f5fbf", "6 4", "query_p99_ms", "hotpapers", true),
            series(rows, "FTS5 median", "#c0392b", "", "query_median_ms", "fts5", true),
            series(rows, "FTS5 p99", "#c0392b", "6 4", "query_p99_ms", "fts5", true));
    int width = MARGIN_LEFT + 2 * PANEL_WIDTH + GAP + 30;
    int height = MARGIN_TOP + PANEL_HEIGHT + MARGIN_BOTTOM;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n",
            width,
            height,
            width,
            height));
    svg.append(
        String.format(
            Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
    panel(
        svg,
        MARGIN_LEFT,
        "Indexing rate (papers/s, 2 cores)",
        indexing,
        Map.of(10_000.0, "target 10k/s"));
    panel(
        svg,
        MARGIN_LEFT + PANEL_WIDTH + GAP,
        "Query latency of the slowest class (ms)",
        latency,
        Map.of(5.0, "target median 5 ms", 50.0, "target p99 50 ms"));
    svg.append("</svg>\n");
    return svg.toString();
  }

  /**
   * A series of {@code metric} for {@code engine}; with {@code worstClass}, the largest value over
   * the query classes at each corpus size.
   */
  private static Series series(
      List<Row> rows,
      String name,
      String colour,
      String dash,
      String metric,
      String engine,
      boolean worstClass) {
    TreeMap<Integer, Double> points = new TreeMap<>();
    for (Row row : rows) {
      if (row.metric().equals(metric) && row.engine().equals(engine)) {
        points.merge(row.papers(), row.value(), worstClass ? Math::max : (a, b) -> b);
      }
    }
    return new Series(name, colour, dash, points);
  }

  private static void panel(
      StringBuilder svg, int left, String title, List<Series> series, Map<Double, String> targets) {
    double minX = 1e3;
    double maxX = 1e7;
    double minY = targets.keySet().stream().mapToDouble(v -> v).min().orElse(Double.MAX_VALUE);
    double maxY = targets.keySet().stream().mapToDouble(v -> v).max().orElse(0);
    for (Series line : series) {
      for (double value : line.points().values()) {
        minY = Math.min(minY, value);
        maxY = Math.max(maxY, value);
      }
    }
    if (maxY == 0) {
      minY = 1;
      maxY = 10;
    }
    double lowDecade = Math.floor(Math.log10(minY));
    double highDecade = Math.ceil(Math.log10(maxY));
    if (highDecade == lowDecade) {
      highDecade++;
    }
    int top = MARGIN_TOP;
    int bottom = MARGIN_TOP + PANEL_HEIGHT;
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
            left,
            top - 16,
            title));
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>%n",
            left,
            top,
            PANEL_WIDTH,
            PANEL_HEIGHT));
    for (double decade = Math.log10(minX); decade <= Math.log10(maxX); decade++) {
      double x =
          left + (decade - Math.log10(minX)) / (Math.log10(maxX) - Math.log10(minX)) * PANEL_WIDTH;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
              x,
              top,
              x,
              bottom));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
              x,
              bottom + 16,
              human(Math.pow(10, decade))));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">papers in the corpus</text>%n",
            left + PANEL_WIDTH / 2,
            bottom + 34));
    for (double decade = lowDecade; decade <= highDecade; decade++) {
      double y = bottom - (decade - lowDecade) / (highDecade - lowDecade) * PANEL_HEIGHT;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
              left,
              y,
              left + PANEL_WIDTH,
              y));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
              left - 6,
              y + 4,
              human(Math.pow(10, decade))));
    }
    for (Map.Entry<Double, String> target : targets.entrySet()) {
      double y =
          bottom
              - (Math.log10(target.getKey()) - lowDecade) / (highDecade - lowDecade) * PANEL_HEIGHT;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#2e8b57\""
                  + " stroke-dasharray=\"1 3\"/>%n"
                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#2e8b57\">%s</text>%n",
              left,
              y,
              left + PANEL_WIDTH,
              y,
              left + PANEL_WIDTH - 4,
              y - 4,
              target.getValue()));
    }
    int legendY = bottom + 52;
    for (int i = 0; i < series.size(); i++) {
      Series line = series.get(i);
      List<String> points = new ArrayList<>();
      for (Map.Entry<Integer, Double> point : line.points().entrySet()) {
        double x =
            left
                + (Math.log10(point.getKey()) - Math.log10(minX))
                    / (Math.log10(maxX) - Math.log10(minX))
                    * PANEL_WIDTH;
        double y =
            bottom
                - (Math.log10(point.getValue()) - lowDecade)
                    / (highDecade - lowDecade)
                    * PANEL_HEIGHT;
        points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        svg.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s: %s at %,d papers</title></circle>%n",
                x,
                y,
                line.colour(),
                line.name(),
                human(point.getValue()),
                point.getKey()));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
              String.join(" ", points),
              line.colour(),
              line.dash().isEmpty() ? "" : " stroke-dasharray=\"" + line.dash() + "\""));
      int column = i % 2;
      int rowY = legendY + (i / 2) * 18;
      int x = left + column * (PANEL_WIDTH / 2);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
              x,
              rowY - 4,
              x + 24,
              rowY - 4,
              line.colour(),
              line.dash().isEmpty() ? "" : " stroke-dasharray=\"" + line.dash() + "\""));
      svg.append(
          String.format(
              Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x + 30, rowY, line.name()));
    }
  }

  /** 1k, 10k, 1M, 0.1 and so on. */
  private static String human(double value) {
    if (value >= 1e6) {
      return trim(value / 1e6) + "M";
    }
    if (value >= 1e3) {
      return trim(value / 1e3) + "k";
    }
    return trim(value);
  }

  private static String trim(double value) {
    String text = String.format(Locale.ROOT, "%.2f", value);
    return text.replaceAll("\\.?0+$", "");
  }
}
