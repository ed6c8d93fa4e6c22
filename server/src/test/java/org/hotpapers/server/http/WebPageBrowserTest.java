package org.hotpapers.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hotpapers.server.ServerFixture;
import org.hotpapers.server.lucene.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the search page in headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}): typing, highlights, category chips, paging with Back/Forward, the paper view,
 * escaping of hostile text, empty and error states, keyboard and phone width. Screenshots of the
 * main states go to {@code target/screenshots/}. Skips, saying so, when no browser is installed.
 */
class WebPageBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String HOSTILE = "<img src=x onerror=alert(1)>";

  @TempDir static Path tmp;
  static SearchService service;
  static Javalin app;
  static ChromeDriver browser;
  static String base;

  @BeforeAll
  static void start() throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "WebPageBrowserTest skipped: no headless browser here; install Debian's chromium and"
            + " chromium-driver (.ci/run does)");
    Path posts = Files.createDirectories(tmp.resolve("posts"));
    Files.writeString(posts.resolve("2022-01-05---Hot-Papers.md"), hostilePost());
    service = ServerFixture.openService(tmp, posts);
    app = HotpapersApp.create(service).start(0);
    base = "http://localhost:" + app.port();

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + tmp.resolve("chromium-profile"),
        "--window-size=1280,1000");
    ChromeDriverService driverService =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(driverService, options);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.stop();
    }
    if (service != null) {
      service.close();
    }
  }

  private static String hostilePost() {
    return "---\ntitle: Hot Papers 2022-01-05\n---\n\n"
        + "# 1. "
        + HOSTILE
        + " Escaping Matters\n\nMallory Tester\n\n- retweets: 1, favorites: 1\n\n"
        + "- links: [abs](https://arxiv.org/abs/2201.00099) | [pdf](https://arxiv.org/pdf/2201.00099)\n"
        + "- [cs.CR](https://arxiv.org/list/cs.CR/recent)\n\n"
        + "Escaping user text keeps pages safe. We reach $512 \\times 512$ pixels in"
        + " $\\mathcal{O}(n)$ memory; $<img src=x onerror=alert(1)>$,"
        + " $\\href{javascript:alert(1)}{click}$ and $\\frac{1}{$ stay harmless.\n\n"
        + "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">&lt;img src=x"
        + " onerror=alert(1)&gt; escaping in a tweet</p>&mdash; Mallory (@mallory) <a"
        + " href=\"https://twitter.com/mallory/status/1\">January 5, 2022</a></blockquote>\n";
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(10));
  }

  private static void open(String path) {
    browser.get(base + path);
    waitForResults();
  }

  private static void waitForResults() {
    waiting()
        .until(
            d ->
                !d.findElement(By.id("status")).getText().isEmpty()
                    || d.findElement(By.id("error")).isDisplayed()
                    || d.findElement(By.id("paper")).isDisplayed());
  }

  /** The titles of the listed hits, read in one script so a re-render cannot interleave. */
  @SuppressWarnings("unchecked")
  private static List<String> hitTitles() {
    return (List<String>)
        browser.executeScript(
            "return [...document.querySelectorAll('#hits .hit h3')].map(h => h.innerText)");
  }

  private static void screenshot(String name) throws IOException {
    Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  private static void assertNoAlert() {
    assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
  }

  @Test
  void emptyQueryShowsTheMostDiscussedPapers() throws IOException {
    open("/");
    assertTrue(browser.findElement(By.id("status")).getText().startsWith("Most discussed papers"));
    assertEquals("Image Synthesis with Transformers", hitTitles().get(0));
    assertEquals(9, hitTitles().size());
    screenshot("home");
  }

  @Test
  void typingSearchesAndHighlightsThenAChipFilters() throws IOException {
    open("/");
    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys("diffusion image");
    waiting().until(ExpectedConditions.urlContains("q=diffusion+image"));
    waiting().until(d -> hitTitles().size() == 1);
    assertEquals("Diffusion Models Beat GANs on Image Synthesis", hitTitles().get(0));
    waiting()
        .until(
            d ->
                "Diffusion"
                    .equals(
                        browser.executeScript(
                            "const m = document.querySelector('#hits .hit h3 mark');"
                                + " return m && m.innerText")));
    screenshot("results");
    box.sendKeys(Keys.ESCAPE);
    waiting().until(d -> !d.findElement(By.id("suggestions")).isDisplayed());

    browser
        .findElement(By.xpath("//li[@class='hit'][1]//button[@class='chip' and text()='cs.LG']"))
        .click();
    waiting().until(ExpectedConditions.urlContains("cat=cs.LG"));
    waiting()
        .until(
            d ->
                Boolean.TRUE.equals(
                    browser.executeScript(
                        "const hits = [...document.querySelectorAll('#hits .hit')];"
                            + " const box = document.querySelector(\"#cat-facet input[value='cs.LG']\");"
                            + " return hits.length === 1 && hits.every(h => h.innerText.includes('cs.LG'))"
                            + " && box !== null && box.checked")));
  }

  @Test
  void aRelaxedQuerySaysHowManyWordsItRequired() {
    open("/?q=diffusion+graphs+zebras&fuzzy=off");
    waiting().until(d -> hitTitles().size() == 1);
    assertEquals("Diffusion on Graphs", hitTitles().get(0));
    WebElement relaxed = browser.findElement(By.id("relaxed"));
    assertTrue(relaxed.isDisplayed());
    assertEquals("No paper has all 3 words; showing papers with at least 2.", relaxed.getText());
    open("/?q=diffusion+graphs");
    waiting().until(d -> hitTitles().size() == 1);
    assertFalse(browser.findElement(By.id("relaxed")).isDisplayed());
  }

  @Test
  void pagingWorksWithBackAndForward() {
    open("/?size=4");
    List<String> first = hitTitles();
    assertEquals("Page 1 of 3", browser.findElement(By.id("page-of")).getText());
    browser.findElement(By.id("next")).click();
    waiting().until(ExpectedConditions.urlContains("page=2"));
    waiting().until(d -> !hitTitles().equals(first));
    List<String> second = hitTitles();
    assertEquals(4, second.size());
    browser.navigate().back();
    waiting().until(d -> hitTitles().equals(first));
    browser.navigate().forward();
    waiting().until(d -> hitTitles().equals(second));
    assertEquals("Page 2 of 3", browser.findElement(By.id("page-of")).getText());
  }

  @Test
  void paperViewShowsAbstractTweetsAndLinks() throws IOException {
    open("/?q=diffusion+models+beat");
    browser.findElement(By.cssSelector("#hits .hit a.details")).click();
    waiting().until(ExpectedConditions.urlContains("paper=2201.00001"));
    waiting().until(d -> d.findElement(By.cssSelector("#paper h1")).isDisplayed());
    WebElement paper = browser.findElement(By.id("paper"));
    assertEquals(
        "Diffusion Models Beat GANs on Image Synthesis",
        paper.findElement(By.tagName("h1")).getText());
    assertTrue(paper.getText().contains("unconditional image synthesis"));
    assertEquals(
        "Diffusion models now beat GANs on ImageNet",
        paper.findElement(By.cssSelector(".tweets .text")).getText());
    assertTrue(paper.findElement(By.cssSelector(".tweets .by")).getText().contains("@annchen"));
    assertTrue(paper.findElement(By.cssSelector(".tweets .by")).getText().contains("2021-12-30"));
    assertEquals(
        "https://arxiv.org/abs/2201.00001",
        paper.findElement(By.linkText("arXiv abstract")).getAttribute("href"));
    assertEquals(
        "https://arxiv.org/pdf/2201.00001",
        paper.findElement(By.linkText("PDF")).getAttribute("href"));
    screenshot("paper");
    paper.findElement(By.linkText("← Back to results")).click();
    waiting().until(ExpectedConditions.urlContains("q=diffusion"));
    waiting().until(d -> !hitTitles().isEmpty());
  }

  @Test
  void mathIsTypesetHighlightedAndHarmless() throws IOException {
    open("/?q=pixels+memory+512");
    WebElement snippet = browser.findElement(By.cssSelector("#hits .hit .snippet"));
    assertFalse(snippet.findElements(By.cssSelector(".katex")).isEmpty(), snippet.getText());
    assertFalse(
        snippet.findElements(By.cssSelector("mark .katex")).isEmpty(),
        "the formula holding the highlighted 512 is highlighted");
    browser.findElement(By.cssSelector("#hits .hit a.details")).click();
    waiting().until(d -> d.findElement(By.cssSelector("#paper h1")).isDisplayed());
    WebElement abstractText = browser.findElement(By.cssSelector("#paper .abstract"));
    List<WebElement> formulas = abstractText.findElements(By.cssSelector(".katex"));
    assertTrue(formulas.size() >= 3, "typeset: " + formulas.size());
    assertTrue(abstractText.getText().contains("$\\frac{1}{$"), "invalid LaTeX stays as text");
    assertEquals(List.of(), browser.findElements(By.cssSelector("#paper img")));
    assertEquals(List.of(), browser.findElements(By.cssSelector("#paper a[href^='javascript']")));
    screenshot("math");
    assertNoAlert();
  }

  @Test
  void theResultsOfferTheirFeedAndThePaperItsCitation() {
    open("/?q=graph&cat=cs.LG");
    String feed = browser.findElement(By.id("follow")).getAttribute("href");
    assertEquals(base + "/search.atom?q=graph&cat=cs.LG", feed);
    open("/?paper=2201.00003");
    waiting().until(d -> d.findElement(By.cssSelector("#paper h1")).isDisplayed());
    browser.findElement(By.cssSelector("#paper .cite summary")).click();
    waiting().until(d -> d.findElement(By.id("bibtex")).getText().startsWith("@misc{"));
    assertTrue(browser.findElement(By.id("bibtex")).getText().contains("eprint={2201.00003}"));
  }

  @Test
  void hostileTitleAndTweetRenderAsText() throws IOException {
    open("/?q=escaping");
    assertEquals(HOSTILE + " Escaping Matters", hitTitles().get(0));
    assertEquals(List.of(), browser.findElements(By.cssSelector("#hits img")));
    assertTrue(
        browser.findElement(By.cssSelector("#hits .tweet-snippet")).getText().contains(HOSTILE));
    assertNoAlert();
    browser.findElement(By.cssSelector("#hits .hit a.details")).click();
    waiting().until(d -> d.findElement(By.cssSelector("#paper h1")).isDisplayed());
    assertEquals(
        HOSTILE + " Escaping Matters", browser.findElement(By.cssSelector("#paper h1")).getText());
    assertTrue(browser.findElement(By.cssSelector(".tweets .text")).getText().startsWith(HOSTILE));
    assertEquals(List.of(), browser.findElements(By.cssSelector("#paper img")));
    assertNoAlert();
  }

  @Test
  void noResultsOffersToDropFilters() throws IOException {
    open("/?q=diffusion&cat=cs.CR");
    assertTrue(browser.findElement(By.id("empty")).isDisplayed());
    assertEquals(
        "No papers match “diffusion” with these filters.",
        browser.findElement(By.id("empty-text")).getText());
    screenshot("no-results");
    browser.findElement(By.id("drop-filters")).click();
    waiting().until(d -> !d.getCurrentUrl().contains("cat="));
    waiting().until(d -> hitTitles().size() == 2);
  }

  @Test
  void apiErrorsAreShownNotABlankPage() {
    open("/?q=%22unclosed");
    WebElement error = browser.findElement(By.id("error"));
    assertTrue(error.isDisplayed());
    assertEquals("q has unbalanced quotes: a '\"' is not closed", error.getText());
  }

  @Test
  void slashFocusesTheSearchBoxAndResultsAreReachableByTab() {
    open("/?q=transformers");
    browser.executeScript("document.activeElement.blur()");
    new Actions(browser).sendKeys("/").perform();
    assertEquals("q", browser.executeScript("return document.activeElement.id"));
    new Actions(browser).sendKeys(Keys.ESCAPE).perform();
    boolean reachedResult = false;
    for (int i = 0; i < 60 && !reachedResult; i++) {
      new Actions(browser).sendKeys(Keys.TAB).perform();
      reachedResult =
          "title".equals(browser.executeScript("return document.activeElement.className"));
    }
    assertTrue(reachedResult, "no result title link was reached with Tab");
    Object focusStyle =
        browser.executeScript(
            "const e = document.activeElement;"
                + " return e.matches(':focus-visible') ? getComputedStyle(e).outlineStyle : 'rule:'"
                + " + [...document.styleSheets].flatMap(s => [...s.cssRules])"
                + ".some(r => r.selectorText === ':focus-visible'"
                + " && r.style.outlineStyle !== 'none')");
    assertTrue(
        !"none".equals(focusStyle) && !"rule:false".equals(focusStyle),
        "focused result link has no visible outline: " + focusStyle);
  }

  @Test
  void phoneWidthHasNoHorizontalScroll() throws IOException {
    Dimension desktop = browser.manage().window().getSize();
    try {
      browser.manage().window().setSize(new Dimension(390, 844));
      open("/?q=attention");
      Long overflow =
          (Long)
              ((JavascriptExecutor) browser)
                  .executeScript("return document.documentElement.scrollWidth - window.innerWidth");
      assertTrue(overflow <= 0, "page is " + overflow + " px wider than the phone screen");
      screenshot("phone");
    } finally {
      browser.manage().window().setSize(desktop);
    }
  }

  @Test
  void misspelledQueryShowsCorrectedResultsAndOffersTheQueryAsTyped() {
    open("/?q=difusion+modles");
    waiting().until(d -> d.findElement(By.id("didyoumean")).isDisplayed());
    assertEquals(
        "Showing results for diffusion models. Search instead for “difusion modles”",
        browser.findElement(By.id("didyoumean")).getText());
    assertEquals("Diffusion Models Beat GANs on Image Synthesis", hitTitles().get(0));
    browser.findElement(By.cssSelector("#didyoumean a.as-typed")).click();
    waiting().until(ExpectedConditions.urlContains("fuzzy=off"));
    waiting().until(d -> d.findElement(By.id("empty")).isDisplayed());
  }

  @Test
  void autocompleteSuggestsTitlesAndOpensTheChosenPaper() throws IOException {
    open("/");
    browser.findElement(By.id("q")).sendKeys("diffu");
    waiting().until(d -> d.findElement(By.id("suggestions")).isDisplayed());
    WebElement first = browser.findElement(By.cssSelector("#suggestions li"));
    assertTrue(first.getText().startsWith("Diffusion Models Beat GANs on Image Synthesis"));
    screenshot("autocomplete");
    browser.findElement(By.id("q")).sendKeys(Keys.ARROW_DOWN);
    browser.findElement(By.id("q")).sendKeys(Keys.ENTER);
    waiting().until(ExpectedConditions.urlContains("paper=2201.00001"));
    waiting().until(d -> d.findElement(By.cssSelector("#paper h1")).isDisplayed());
  }

  @Test
  void paperViewListsSimilarPapers() {
    open("/?paper=2201.00006");
    waiting().until(d -> !d.findElements(By.cssSelector("#similar li a")).isEmpty());
    List<String> similar =
        browser.findElements(By.cssSelector("#similar li a")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals("A Survey of Graph Neural Networks", similar.get(0));
    assertFalse(similar.contains("Diffusion on Graphs"));
  }

  @Test
  void whyThisResultShowsThePartsOfTheScore() throws IOException {
    open("/?q=diffusion+image+synthesis");
    browser.findElement(By.cssSelector("#hits .hit .why summary")).click();
    waiting().until(d -> !d.findElements(By.cssSelector("#hits .hit .why table")).isEmpty());
    String table = browser.findElement(By.cssSelector("#hits .hit .why table")).getText();
    assertTrue(table.contains("title text match"), table);
    assertTrue(table.contains("engagement (retweets + favorites)"), table);
    assertTrue(table.contains("distinct words matched"), table);
    assertTrue(table.contains("score"), table);
    screenshot("why");
  }

  @Test
  void popularityKnobAndTrendingSort() {
    open("/?q=transformers");
    browser.executeScript(
        "const pop = document.getElementById('pop'); pop.value = '0';"
            + " pop.dispatchEvent(new Event('change'));");
    waiting().until(ExpectedConditions.urlContains("pop=0"));
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("sort")))
        .selectByValue("trending");
    waiting().until(ExpectedConditions.urlContains("sort=trending"));
    waiting().until(d -> d.findElement(By.id("half-life-label")).isDisplayed());
    waiting().until(d -> "Image Synthesis with Transformers".equals(hitTitles().get(0)));
  }

  @Test
  void tweetersFacetFiltersByHandle() {
    open("/");
    WebElement eve =
        browser.findElements(By.cssSelector("#tweeter-facet button")).stream()
            .filter(b -> b.getText().startsWith("@eve_ml"))
            .findFirst()
            .orElseThrow();
    eve.click();
    waiting().until(ExpectedConditions.urlContains("tweeter=eve_ml"));
    waiting().until(d -> hitTitles().equals(List.of("A Survey of Graph Neural Networks")));
    assertTrue(
        browser.findElement(By.id("tweeter-filter")).getText().startsWith("Tweeted by @eve_ml"));
    browser.findElement(By.cssSelector("#tweeter-filter button")).click();
    waiting().until(d -> !d.getCurrentUrl().contains("tweeter="));
  }

  @Test
  void authorFilterAcceptsInitials() {
    open("/");
    WebElement author = browser.findElement(By.id("author"));
    author.sendKeys("Y. Wen");
    author.sendKeys(Keys.TAB);
    waiting().until(ExpectedConditions.urlContains("author=Y.+Wen"));
    waiting().until(d -> hitTitles().equals(List.of("Sparse Attention in Vision Transformers")));
  }
}
