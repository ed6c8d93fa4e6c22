package org.hotpapers.indexer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one "Hot Papers" markdown post into a {@link Post}. A section that cannot be read is
 * reported and skipped; a post that cannot be read at all raises {@link MalformedPostException}.
 * Holds no Lucene types and no mutable state, so one parser serves many threads.
 */
public final class PostParser {

  /** Posts larger than this are refused whole: real posts are under 100 KiB. */
  public static final int MAX_POST_BYTES = 16 * 1024 * 1024;

  /** A section with a line longer than this is skipped: real lines are under 10,000 chars. */
  public static final int MAX_LINE_CHARS = 100_000;

  private static final Pattern TITLE_DATE = Pattern.compile("Hot Papers (\\d{4}-\\d{2}-\\d{2})");
  private static final Pattern FILE_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[^/\\\\]*$");
  private static final Pattern HEADING = Pattern.compile("^#\\s+\\d+\\.\\s*(.*)$");
  private static final Pattern ENGAGEMENT =
      Pattern.compile("^- retweets:\\s*([^,]*),\\s*favorites:\\s*(.*?)\\s*(\\([^)]*\\))?$");
  private static final Pattern ABS_LINK =
      Pattern.compile("\\[abs]\\(https?://arxiv\\.org/abs/([^)\\s]+)\\)");
  private static final Pattern ARXIV_ID =
      Pattern.compile("(\\d{4}\\.\\d{4,5}|[a-z-]+(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?");
  private static final Pattern CATEGORY_LINK =
      Pattern.compile("\\[([^\\]]+)]\\(https?://arxiv\\.org/list/[^)]*\\)");

  /** Spaces in a row that end a paragraph in an abstract. */
  private static final int PARAGRAPH_BREAK = 3;

  private final TweetParser tweetParser = new TweetParser();

  /**
   * Parses the bytes of one post.
   *
   * @param source the file name used in reports and, failing the title, for the post date
   */
  public Post parse(String source, byte[] content) throws MalformedPostException {
    if (content.length > MAX_POST_BYTES) {
      throw new MalformedPostException(
          source, 0, "post is " + content.length + " bytes, over the limit of " + MAX_POST_BYTES);
    }
    String text = decode(source, content);
    String[] lines = lines(text);
    int bodyStart = frontMatterEnd(source, lines);
    LocalDate date = postDate(source, lines, bodyStart);
    List<Paper> papers = new ArrayList<>();
    List<PostProblem> problems = new ArrayList<>();
    int sectionStart = -1;
    for (int i = bodyStart; i <= lines.length; i++) {
      boolean end = i == lines.length;
      if (end || HEADING.matcher(lines[i]).matches()) {
        if (sectionStart >= 0) {
          parseSection(source, date, lines, sectionStart, i, papers, problems);
        }
        sectionStart = i;
      }
    }
    return new Post(source, date, papers, problems);
  }

  private static String decode(String source, byte[] content) throws MalformedPostException {
    int start = 0;
    if (content.length >= 3
        && (content[0] & 0xFF) == 0xEF
        && (content[1] & 0xFF) == 0xBB
        && (content[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    for (int i = start; i < content.length; i++) {
      if (content[i] == 0) {
        throw new MalformedPostException(
            source, lineAt(content, i), "binary data (NUL byte at offset " + i + "), not a post");
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
    try {
      return decoder.decode(bytes).toString();
    } catch (CharacterCodingException e) {
      int offset = firstInvalidUtf8(content, start);
      throw new MalformedPostException(
          source, lineAt(content, offset), "invalid UTF-8 at byte offset " + offset);
    }
  }

  private static int firstInvalidUtf8(byte[] content, int start) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
    CharBuffer out = CharBuffer.allocate(content.length + 1);
    decoder.decode(bytes, out, true);
    return bytes.position();
  }

  private static int lineAt(byte[] content, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < content.length; i++) {
      if (content[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Returns the index of the first line after the closing {@code ---} of the front matter. */
  private static int frontMatterEnd(String source, String[] lines) throws MalformedPostException {
    if (lines.length == 0 || !lines[0].strip().equals("---")) {
      throw new MalformedPostException(source, 1, "no front matter: the first line must be '---'");
    }
    for (int i = 1; i < lines.length && i < 200; i++) {
      if (lines[i].strip().equals("---")) {
        return i + 1;
      }
      if (HEADING.matcher(lines[i]).matches()) {
        break;
      }
    }
    throw new MalformedPostException(
        source, 1, "front matter is not closed: no '---' line before the first paper");
  }

  private static LocalDate postDate(String source, String[] lines, int bodyStart)
      throws MalformedPostException {
    for (int i = 1; i < bodyStart - 1; i++) {
      String line = lines[i];
      if (line.startsWith("title:")) {
        Matcher m = TITLE_DATE.matcher(line);
        if (m.find()) {
          LocalDate date = parseDate(m.group(1));
          if (date != null) {
            return date;
          }
        }
      }
    }
    Matcher m = FILE_DATE.matcher(source);
    if (m.find()) {
      LocalDate date = parseDate(m.group(1));
      if (date != null) {
        return date;
      }
    }
    throw new MalformedPostException(
        source,
        1,
        "no post date: the title is not 'Hot Papers YYYY-MM-DD' and the file name has no date");
  }

  private static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Parses lines [from, to) of one section (from is the heading) into a paper or a problem. */
  private void parseSection(
      String source,
      LocalDate date,
      String[] lines,
      int from,
      int to,
      List<Paper> papers,
      List<PostProblem> problems) {
    int headingLine = from + 1;
    for (int i = from; i < to; i++) {
      if (lines[i].length() > MAX_LINE_CHARS) {
        problems.add(
            new PostProblem(
                source,
                i + 1,
                "section skipped: line is "
                    + lines[i].length()
                    + " characters long, over the limit of "
                    + MAX_LINE_CHARS));
        return;
      }
    }
    Matcher heading = HEADING.matcher(lines[from]);
    heading.matches();
    String title = collapse(heading.group(1));
    if (title.isEmpty()) {
      problems.add(new PostProblem(source, headingLine, "section skipped: empty title"));
      return;
    }
    String authorsLine = null;
    Integer retweets = null;
    Integer favorites = null;
    String id = null;
    List<String> categories = new ArrayList<>();
    StringBuilder abstractText = new StringBuilder();
    List<Tweet> tweets = new ArrayList<>();
    for (int i = from + 1; i < to; i++) {
      String line = lines[i].strip();
      int lineNo = i + 1;
      if (line.isEmpty() || line.startsWith("<script")) {
        continue;
      }
      if (line.startsWith("- retweets:")) {
        Matcher m = ENGAGEMENT.matcher(line);
        if (!m.matches()) {
          problems.add(
              new PostProblem(
                  source,
                  lineNo,
                  "section skipped: engagement line is not '- retweets: R, favorites: F'"));
          return;
        }
        retweets = count(m.group(1));
        favorites = count(m.group(2));
        if (retweets == null || favorites == null) {
          problems.add(
              new PostProblem(
                  source,
                  lineNo,
                  "section skipped: retweets '"
                      + m.group(1)
                      + "' and favorites '"
                      + m.group(2)
                      + "' must be whole numbers from 0 to "
                      + Integer.MAX_VALUE));
          return;
        }
      } else if (line.startsWith("- links:")) {
        Matcher m = ABS_LINK.matcher(line);
        if (!m.find()) {
          problems.add(
              new PostProblem(
                  source,
                  lineNo,
                  "section skipped: no arXiv id (links line has no [abs](https://arxiv.org/abs/ID))"));
          return;
        }
        Matcher idMatcher = ARXIV_ID.matcher(m.group(1));
        if (!idMatcher.matches()) {
          problems.add(
              new PostProblem(
                  source, lineNo, "section skipped: '" + m.group(1) + "' is not an arXiv id"));
          return;
        }
        id = idMatcher.group(1);
      } else if (line.startsWith("- [") && line.contains("arxiv.org/list/")) {
        Matcher m = CATEGORY_LINK.matcher(line);
        while (m.find()) {
          categories.add(m.group(1).strip());
        }
      } else if (line.startsWith("<blockquote")) {
        Tweet tweet = tweetParser.parse(line);
        if (tweet == null) {
          problems.add(
              new PostProblem(
                  source, lineNo, "tweet skipped: embed has no text or no author handle"));
        } else {
          tweets.add(tweet);
        }
      } else if (retweets == null) {
        if (authorsLine == null) {
          authorsLine = line;
        }
      } else if (id != null) {
        if (abstractText.length() > 0) {
          abstractText.append("   ");
        }
        abstractText.append(line);
      }
    }
    if (retweets == null) {
      problems.add(
          new PostProblem(
              source,
              headingLine,
              "section skipped: no '- retweets: R, favorites: F' line (truncated section?)"));
      return;
    }
    if (id == null) {
      problems.add(
          new PostProblem(
              source,
              headingLine,
              "section skipped: no arXiv id (no '- links: [abs](https://arxiv.org/abs/ID)' line)"));
      return;
    }
    papers.add(
        new Paper(
            id,
            title,
            authors(authorsLine),
            categories,
            paragraphs(abstractText.toString()),
            retweets,
            favorites,
            List.of(date),
            tweets));
  }

  private static Integer count(String text) {
    String digits = text.strip();
    if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(Character::isDigit)) {
      return null;
    }
    long value = Long.parseLong(digits);
    return value > Integer.MAX_VALUE ? null : (int) value;
  }

  private static List<String> authors(String line) {
    List<String> authors = new ArrayList<>();
    if (line != null) {
      for (String name : line.split(",")) {
        String author = collapse(name);
        if (!author.isEmpty()) {
          authors.add(author);
        }
      }
    }
    return authors;
  }

  /**
   * The lines of {@code text}, ended by {@code \n}, {@code \r\n} or {@code \r}, empty ones (the
   * last one too) kept.
   */
  static String[] lines(String text) {
    String unix = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    return unix.split("\n", -1);
  }

  /**
   * Joins arXiv's folded lines: runs of three or more spaces become paragraph breaks, shorter runs
   * one space.
   */
  private static String paragraphs(String text) {
    String stripped = text.strip();
    List<String> paragraphs = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < stripped.length()) {
      if (!isSpace(stripped.charAt(i))) {
        i++;
        continue;
      }
      int run = i;
      while (i < stripped.length() && isSpace(stripped.charAt(i))) {
        i++;
      }
      if (i - run >= PARAGRAPH_BREAK) {
        addParagraph(paragraphs, stripped.substring(start, run));
        start = i;
      }
    }
    addParagraph(paragraphs, stripped.substring(start));
    return String.join("\n\n", paragraphs);
  }

  private static void addParagraph(List<String> paragraphs, String paragraph) {
    String collapsed = collapse(paragraph);
    if (!collapsed.isEmpty()) {
      paragraphs.add(collapsed);
    }
  }

  /** {@code text} with each run of spaces, tabs and line breaks made one space, and stripped. */
  static String collapse(String text) {
    StringBuilder collapsed = new StringBuilder(text.length());
    boolean inRun = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        inRun = true;
      } else {
        if (inRun) {
          collapsed.append(' ');
          inRun = false;
        }
        collapsed.append(c);
      }
    }
    return collapsed.toString().strip();
  }

  /** Whether {@code c} is what {@code \s} matches in a regex: a space, tab or line break. */
  static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }
}
