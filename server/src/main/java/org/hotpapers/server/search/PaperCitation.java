package org.hotpapers.server.search;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotpapers.indexer.Paper;

/**
 * A paper's BibTeX entry in arXiv's own style: {@code @misc} with {@code eprint}, {@code
 * archivePrefix}, {@code primaryClass} and {@code url}; authors as {@code Last, First} joined by
 * {@code and}; accents as TeX accent commands and BibTeX's special characters escaped, while {@code
 * $...$} math in titles is kept as written.
 */
public final class PaperCitation {

  private static final Pattern NEW_ID = Pattern.compile("(\\d{2})(\\d{2})\\.\\d{4,5}");
  private static final Pattern OLD_ID = Pattern.compile("[a-z-]+(?:\\.[A-Z]{2})?/(\\d{2})\\d{5}");
  private static final Pattern MATH = Pattern.compile("\\$[^$]+\\$");
  private static final Map<Character, String> ACCENTS =
      Map.ofEntries(
          Map.entry('\u0301', "\\'"),
          Map.entry('\u0300', "\\`"),
          Map.entry('\u0302', "\\^"),
          Map.entry('\u0308', "\\\""),
          Map.entry('\u0303', "\\~"),
          Map.entry('\u0304', "\\="),
          Map.entry('\u0307', "\\."),
          Map.entry('\u0306', "\\u"),
          Map.entry('\u030C', "\\v"),
          Map.entry('\u030B', "\\H"),
          Map.entry('\u030A', "\\r"),
          Map.entry('\u0327', "\\c"),
          Map.entry('\u0328', "\\k"));

  private PaperCitation() {}

  /** The BibTeX entry of {@code paper}. */
  public static String bibtex(Paper paper) {
    String primary = paper.categories().isEmpty() ? "" : paper.categories().get(0);
    StringBuilder entry = new StringBuilder("@misc{").append(key(paper)).append(",\n");
    field(entry, "title", title(paper.title()));
    field(entry, "author", authors(paper.authors()));
    field(entry, "year", year(paper.id()));
    field(entry, "eprint", paper.id());
    field(entry, "archivePrefix", "arXiv");
    if (!primary.isEmpty()) {
      field(entry, "primaryClass", primary);
    }
    field(entry, "url", paper.url());
    return entry.append("}\n").toString();
  }

  private static void field(StringBuilder entry, String name, String value) {
    entry.append("      ").append(name).append("={").append(value).append("},\n");
  }

  /** First author's last name, year and first title word, in lower-case ASCII letters. */
  private static String key(Paper paper) {
    String author = paper.authors().isEmpty() ? "anonymous" : lastName(paper.authors().get(0));
    String word =
        List.of(paper.title().split("[^\\p{L}\\p{N}]+")).stream()
            .map(PaperCitation::ascii)
            .filter(w -> w.length() > 3)
            .findFirst()
            .orElse("paper");
    return ascii(author) + year(paper.id()) + word;
  }

  private static String ascii(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("[^A-Za-z0-9]", "")
        .toLowerCase(Locale.ROOT);
  }

  /** The year of an arXiv id: {@code 2102.03902} is 2021, {@code hep-th/9901001} is 1999. */
  static String year(String id) {
    Matcher current = NEW_ID.matcher(id);
    if (current.matches()) {
      return "20" + current.group(1);
    }
    Matcher old = OLD_ID.matcher(id);
    if (old.matches()) {
      int yy = Integer.parseInt(old.group(1));
      return (yy >= 91 ? "19" : "20") + old.group(1);
    }
    return "";
  }

  private static String authors(List<String> authors) {
    return String.join(
        " and ",
        authors.stream()
            .map(
                name -> {
                  String last = lastName(name);
                  String first = name.substring(0, name.length() - last.length()).strip();
                  return first.isEmpty() ? escape(last) : escape(last) + ", " + escape(first);
                })
            .toList());
  }

  private static String lastName(String name) {
    String trimmed = name.strip();
    int space = trimmed.lastIndexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(space + 1);
  }

  /** The title escaped, its {@code $...$} math kept as written. */
  private static String title(String title) {
    StringBuilder out = new StringBuilder();
    Matcher math = MATH.matcher(title);
    int last = 0;
    while (math.find()) {
      out.append(escape(title.substring(last, math.start()))).append(math.group());
      last = math.end();
    }
    return out.append(escape(title.substring(last))).toString();
  }

  /** Text with BibTeX's special characters escaped and accented letters as TeX accents. */
  static String escape(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      char next = i + 1 < decomposed.length() ? decomposed.charAt(i + 1) : 0;
      String accent = ACCENTS.get(next);
      if (accent != null && Character.isLetter(c)) {
        out.append('{').append(accent);
        out.append(accent.length() == 2 && Character.isLetter(accent.charAt(1)) ? " " : "");
        out.append(c == 'i' ? "\\i" : String.valueOf(c)).append('}');
        i++;
        continue;
      }
      switch (c) {
        case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append(c);
        case '~' -> out.append("\\textasciitilde{}");
        case '^' -> out.append("\\textasciicircum{}");
        case '\\' -> out.append("\\textbackslash{}");
        default -> {
          if (!ACCENTS.containsKey(c)) {
            out.append(c);
          }
        }
      }
    }
    return Normalizer.normalize(out.toString(), Normalizer.Form.NFC);
  }
}
