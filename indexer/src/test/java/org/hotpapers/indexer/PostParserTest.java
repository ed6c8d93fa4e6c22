package org.hotpapers.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostParserTest {

  private final PostParser parser = new PostParser();

  private Post parse(String name) throws MalformedPostException {
    return parser.parse(name, Fixtures.bytes(name));
  }

  /** A post of one paper, 2102.00001, whose abstract and tweets are {@code body}. */
  private Post onePaper(String body) throws MalformedPostException {
    String post =
        "---\ntitle: Hot Papers 2021-02-01\n---\n# 1. T\n\nA\n\n- retweets: 1, favorites: 2\n"
            + "- links: [abs](https://arxiv.org/abs/2102.00001)\n\n"
            + body;
    return parser.parse("x.md", post.getBytes());
  }

  @Test
  void readsEverySectionOfAPost() throws Exception {
    Post post = parse("2021-01-04---Hot-Papers.md");
    assertEquals(LocalDate.of(2021, 1, 4), post.date());
    assertEquals(List.of(), post.problems());
    assertEquals(
        List.of("2102.03902", "2101.00001", "2101.00002"),
        post.papers().stream().map(Paper::id).toList());

    Paper first = post.papers().get(0);
    assertEquals(
        "Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention", first.title());
    assertEquals(7, first.authors().size());
    assertEquals("Yunyang Xiong", first.authors().get(0));
    assertEquals(List.of("cs.CL", "cs.LG"), first.categories());
    assertEquals(120, first.retweets());
    assertEquals(480, first.favorites());
    assertEquals(List.of(LocalDate.of(2021, 1, 4)), first.dates());
    assertEquals(
        "Transformers have emerged as a powerful tool for a broad range of natural language"
            + " processing tasks. We approximate self-attention with $O(n)$ complexity when $n >"
            + " 512$ and memory $< 4$GB.\n\nA second paragraph follows the triple space.",
        first.abstractText());
  }

  @Test
  void decodesTweetTextAuthorHandleAndDate() throws Exception {
    Paper paper = parse("2021-01-04---Hot-Papers.md").papers().get(0);
    assertEquals(2, paper.tweets().size());
    Tweet tweet = paper.tweets().get(0);
    assertEquals(
        "Nyströmformer approximates attention in linear time & memory 🚀 — \"it's fast\" >"
            + " softmax\npaper: https://t.co/abc123",
        tweet.text());
    assertEquals("Alice Researcher", tweet.authorName());
    assertEquals("alice_ml", tweet.handle());
    assertEquals(LocalDate.of(2021, 1, 4), tweet.date());
    assertEquals("https://twitter.com/alice_ml/status/1001?ref_src=twsrc%5Etfw", tweet.url());

    Tweet japanese = paper.tweets().get(1);
    assertEquals("自己注意機構を線形時間で近似する手法 pic.twitter.com/xyz", japanese.text());
    assertEquals("山田太郎", japanese.authorName());
  }

  @Test
  void keepsLatexNonAsciiAndHashtagLinkText() throws Exception {
    Paper paper = parse("2021-01-04---Hot-Papers.md").papers().get(1);
    assertEquals("The $SU(N)$ Lattice and t-SNE Embeddings of GPT-3 Activations", paper.title());
    assertEquals(List.of("Émile Zola", "Bob Smith"), paper.authors());
    assertTrue(paper.abstractText().contains("$\\mathrm{QAC}^0$"));
    assertEquals(
        "Très belle visualisation des activations de GPT-3 ! #NLP", paper.tweets().get(0).text());
  }

  @Test
  void paperWithoutTweets() throws Exception {
    Paper paper = parse("2021-01-04---Hot-Papers.md").papers().get(2);
    assertEquals(List.of(), paper.tweets());
    assertEquals(List.of("cs.LG", "stat.ML"), paper.categories());
  }

  @Test
  void handlesByteOrderMarkCrlfAndVersionSuffix() throws Exception {
    Post post = parse("2021-01-05---Hot-Papers.md");
    assertEquals(LocalDate.of(2021, 1, 5), post.date());
    assertEquals(List.of(), post.problems());
    assertEquals(2, post.papers().size());
    Paper paper = post.papers().get(0);
    assertEquals("2102.03902", paper.id());
    assertTrue(paper.title().endsWith("Self-Attention"), paper.title());
    assertEquals("Day two and still the best linear attention paper", paper.tweets().get(1).text());
  }

  @Test
  void postWithZeroPapers() throws Exception {
    Post post = parse("2021-01-06---Hot-Papers.md");
    assertEquals(List.of(), post.papers());
    assertEquals(List.of(), post.problems());
  }

  @Test
  void emptyAbstractStillYieldsThePaper() throws Exception {
    Post post = parse("2021-01-07---Hot-Papers.md");
    assertEquals(2, post.papers().size());
    assertEquals("", post.papers().get(0).abstractText());
    assertEquals(1, post.papers().get(0).tweets().size());
    assertEquals("", post.papers().get(1).abstractText());
  }

  @Test
  void dateFallsBackToFileNameWhenTitleHasNone() throws Exception {
    String post = "---\ntitle: Something else\n---\n";
    assertEquals(
        LocalDate.of(2020, 6, 29),
        parser.parse("2020-06-29---Hot-Papers.md", post.getBytes()).date());
  }

  @Test
  void tweetWithoutHandleIsDroppedAndReported() throws Exception {
    Post parsed =
        onePaper(
            "Abstract.\n\n"
                + "<blockquote class=\"twitter-tweet\"><p>text</p>&mdash; nobody</blockquote>\n");
    assertEquals(1, parsed.papers().size());
    assertEquals(List.of(), parsed.papers().get(0).tweets());
    assertEquals(1, parsed.problems().size());
    assertEquals(13, parsed.problems().get(0).line());
  }

  @Test
  void linesEndAtEveryKindOfLineBreakAndKeepEmptyOnes() {
    assertEquals(
        List.of("a", "b", "", "c", "d", ""), List.of(PostParser.lines("a\r\nb\n\nc\rd\n")));
    assertEquals(List.of(""), List.of(PostParser.lines("")));
  }

  @Test
  void collapseMakesEachRunOfSpacesTabsAndBreaksOneSpace() {
    assertEquals("a b c d", PostParser.collapse(" \ta \u000B\f b\r\n\nc d  "));
    assertEquals("a\u00A0 b", PostParser.collapse("\u2003a\u00A0  b\u2003"));
    assertEquals("", PostParser.collapse(" \t\n"));
  }

  @Test
  void abstractParagraphsBreakAtThreeSpacesOrMore() throws Exception {
    Post parsed = onePaper("First  part\tof one.   Second\n\n\n   \tThird.  \n");
    assertEquals("First part of one.\n\nSecond\n\nThird.", parsed.papers().get(0).abstractText());
  }

  @Test
  void tweetTextKeepsOneLineBreakPerRunThatHoldsOneAndOneSpaceOtherwise() {
    assertEquals(
        "a b\nc\r d\ne",
        TweetParser.collapseKeepingLineBreaks("  a \t b \n\n c\r\fd\u000B\n e \n"));
  }
}
