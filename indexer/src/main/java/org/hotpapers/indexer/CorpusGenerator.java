package org.hotpapers.indexer;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a synthetic corpus of posts in the real format, deterministically from a seed, shaped like
 * the real digests: about 8 title words, 165 abstract words, 5 authors, 2 categories (cs.CV, cs.LG
 * and cs.CL first), 1.1 tweets of about 24 words per paper, log-normal engagement (median about
 * 170, heavy tail), Zipf-distributed words and topics whose terms many papers share. The vocabulary
 * is taken, ranked by frequency, from real posts when a folder of them is given, else made of
 * pronounceable pseudo-words.
 */
public final class CorpusGenerator {

  private static final String[] CATEGORIES = {
    "cs.CV", "cs.LG", "cs.CL", "cs.SD", "cs.RO", "cs.AI", "stat.ML", "quant-ph", "cs.CY", "eess.AS",
    "cs.SI", "cs.CR", "cs.GR", "eess.IV", "cs.NE", "cs.IR", "cs.DC", "math.OC", "cs.HC", "q-bio.NC"
  };
  private static final double[] CATEGORY_WEIGHTS = {
    34, 19, 14, 2.6, 2.2, 2.2, 2, 2, 1.8, 1.7, 1.5, 1.5, 1.4, 1.3, 1.2, 1.1, 1, 1, 1, 0.9
  };
  private static final int TOPICS = 400;
  private static final int TOPIC_WORDS = 25;
  private static final int HANDLES = 20_000;
  private static final double ENGAGEMENT_MEDIAN_LOG = Math.log(171);
  private static final double ENGAGEMENT_SIGMA = 1.84;
  private static final Pattern WORD = Pattern.compile("[a-z][a-z-]{2,}");
  private static final DateTimeFormatter TWEET_DATE =
      DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);

  private final List<String> vocabulary;
  private final double[] zipf;
  private final double[] topicZipf = cumulativeZipf(TOPICS, 0.8);
  private final double[] handleZipf = cumulativeZipf(HANDLES, 1.0);
  private final String[][] topics;
  private final SplittableRandom random;

  /** A generator over {@code vocabulary} (most frequent first), seeded. */
  public CorpusGenerator(List<String> vocabulary, long seed) {
    this.vocabulary = List.copyOf(vocabulary);
    this.random = new SplittableRandom(seed);
    this.zipf = cumulativeZipf(vocabulary.size(), 1.07);
    this.topics = new String[TOPICS][TOPIC_WORDS];
    int middle = Math.min(vocabulary.size() - 1, 200);
    for (String[] topic : topics) {
      for (int w = 0; w < TOPIC_WORDS; w++) {
        int rank = middle + random.nextInt(Math.max(1, Math.min(vocabulary.size() - middle, 8000)));
        topic[w] = vocabulary.get(rank);
      }
    }
  }

  /** The words of real posts under {@code posts}, most frequent first. */
  public static List<String> vocabularyOf(Path posts) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    try (Stream<Path> files = Files.walk(posts)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.startsWith("<") || line.startsWith("-") || line.startsWith("---")) {
            continue;
          }
          Matcher m = WORD.matcher(line.toLowerCase(Locale.ROOT));
          while (m.find()) {
            counts.merge(m.group(), 1, Integer::sum);
          }
        }
      }
    }
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** {@code size} pronounceable pseudo-words, deterministic, when no real posts are at hand. */
  public static List<String> pseudoWords(int size, long seed) {
    String[] onsets = {
      "b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "tr", "st", "pr"
    };
    String[] vowels = {"a", "e", "i", "o", "u", "ea", "io"};
    SplittableRandom random = new SplittableRandom(seed);
    List<String> words = new ArrayList<>(size);
    Set<String> seen = new HashSet<>();
    while (words.size() < size) {
      StringBuilder word = new StringBuilder();
      int syllables = 1 + random.nextInt(4);
      for (int s = 0; s < syllables; s++) {
        word.append(onsets[random.nextInt(onsets.length)])
            .append(vowels[random.nextInt(vowels.length)]);
      }
      if (random.nextBoolean()) {
        word.append("n");
      }
      if (seen.add(word.toString())) {
        words.add(word.toString());
      }
    }
    return words;
  }

  /**
   * Writes posts holding {@code papers} papers (a few of them repeated on a later day, as in the
   * real digests) into {@code dir}; returns the number of posts written.
   */
  public int write(Path dir, int papers) throws IOException {
    Files.createDirectories(dir);
    LocalDate day = LocalDate.of(2019, 1, 1);
    int written = 0;
    int post = 0;
    List<String> repeats = new ArrayList<>();
    while (written < papers) {
      int count = Math.min(papers - written, 1 + random.nextInt(30));
      if (post % 8 == 7) {
        day = day.plusDays(1);
      }
      String name = String.format(Locale.ROOT, "%s-%03d---Hot-Papers.md", day, post % 8);
      Path file = dir.resolve(day.getYear() + "").resolve(name);
      Files.createDirectories(file.getParent());
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write(
            "---\ntitle: Hot Papers "
                + day
                + "\ndate: "
                + day.plusDays(1)
                + "T08:00:00.Z\n"
                + "template: \"post\"\ndraft: false\ncategory: \"arXiv\"\n\n---\n\n");
        for (int i = 0; i < count; i++) {
          int n = written + i;
          String id = String.format(Locale.ROOT, "%04d.%05d", 1000 + n / 100_000, n % 100_000);
          if (random.nextInt(1000) == 0 && !repeats.isEmpty()) {
            id = repeats.remove(repeats.size() - 1);
          } else if (random.nextInt(1000) == 0) {
            repeats.add(id);
          }
          section(out, i + 1, id, day);
        }
      }
      written += count;
      post++;
    }
    return post;
  }

  private void section(Writer out, int number, String id, LocalDate day) throws IOException {
    int topic = zipfIndex(topicZipf, random.nextDouble());
    String title = capitalize(words(topic, 5 + random.nextInt(8), 0.6));
    StringBuilder authors = new StringBuilder();
    int authorCount = 1 + (int) Math.min(64, -Math.log(1 - random.nextDouble()) * 4.1);
    for (int a = 0; a < authorCount; a++) {
      authors
          .append(a == 0 ? "" : ", ")
          .append(capitalize(vocabulary.get(random.nextInt(Math.min(vocabulary.size(), 5000)))))
          .append(' ')
          .append(capitalize(vocabulary.get(random.nextInt(Math.min(vocabulary.size(), 5000)))));
    }
    long engagement = Math.round(Math.exp(ENGAGEMENT_MEDIAN_LOG + ENGAGEMENT_SIGMA * gaussian()));
    long retweets = Math.round(engagement * random.nextDouble());
    out.write("# " + number + ". " + title + "\n\n" + authors + "\n\n");
    out.write(
        "- retweets: "
            + retweets
            + ", favorites: "
            + (engagement - retweets)
            + " (01/01/2021 08:00:00)\n\n");
    out.write(
        "- links: [abs](https://arxiv.org/abs/"
            + id
            + ") | [pdf](https://arxiv.org/pdf/"
            + id
            + ")\n");
    int categories = 1 + (int) Math.min(5, -Math.log(1 - random.nextDouble()) * 1.1);
    StringBuilder line = new StringBuilder("- ");
    Set<String> chosen = new LinkedHashSet<>();
    while (chosen.size() < categories) {
      chosen.add(CATEGORIES[weighted(CATEGORY_WEIGHTS)]);
    }
    for (String category : chosen) {
      line.append(line.length() > 2 ? " | " : "")
          .append('[')
          .append(category)
          .append("](https://arxiv.org/list/")
          .append(category)
          .append("/recent)");
    }
    out.write(line + "\n\n");
    out.write(capitalize(words(topic, 120 + random.nextInt(100), 0.3)) + ".\n\n");
    int tweets = random.nextInt(100) < 6 ? 0 : 1 + (int) (-Math.log(1 - random.nextDouble()) * 0.2);
    for (int t = 0; t < tweets; t++) {
      int handle = zipfIndex(handleZipf, random.nextDouble());
      out.write(
          "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">"
              + capitalize(words(topic, 12 + random.nextInt(24), 0.4))
              + " &amp; more <a href=\"https://t.co/x"
              + handle
              + "\">https://t.co/x"
              + handle
              + "</a></p>&mdash; User "
              + handle
              + " (@user_"
              + handle
              + ") <a href=\"https://twitter.com/user_"
              + handle
              + "/status/"
              + id.replace(".", "")
              + t
              + "\">"
              + TWEET_DATE.format(day)
              + "</a></blockquote>\n"
              + "<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>\n\n");
    }
    out.write("\n\n");
  }

  private String words(int topic, int count, double topicShare) {
    StringBuilder text = new StringBuilder();
    for (int w = 0; w < count; w++) {
      String word =
          random.nextDouble() < topicShare
              ? topics[topic][random.nextInt(TOPIC_WORDS)]
              : vocabulary.get(zipfIndex(zipf, random.nextDouble()));
      text.append(w == 0 ? "" : " ").append(word);
    }
    return text.toString();
  }

  private static double[] cumulativeZipf(int size, double exponent) {
    double[] cumulative = new double[size];
    double sum = 0;
    for (int rank = 0; rank < size; rank++) {
      sum += 1 / Math.pow(rank + 1, exponent);
      cumulative[rank] = sum;
    }
    for (int rank = 0; rank < size; rank++) {
      cumulative[rank] /= sum;
    }
    return cumulative;
  }

  private static int zipfIndex(double[] cumulative, double u) {
    int index = Arrays.binarySearch(cumulative, u);
    return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
  }

  private int weighted(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u <= 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private double gaussian() {
    double u = Math.max(random.nextDouble(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
