package org.hotpapers.server.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.hotpapers.indexer.PaperSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a query splits into plain words (which matching may require) and explicit constraints. */
class PaperQueryParserTest {

  private static IndexReader reader;

  @BeforeAll
  static void openEmptyIndex() throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    new IndexWriter(directory, new IndexWriterConfig(PaperSchema.analyzer())).close();
    reader = DirectoryReader.open(directory);
  }

  @AfterAll
  static void closeIndex() throws IOException {
    reader.close();
  }

  private final PaperQueryParser parser =
      new PaperQueryParser(
          PaperSchema.queryAnalyzer(), PaperSchema.acronymAnalyzer(), RankingWeights.DEFAULT);

  @ParameterizedTest
  @CsvSource({
    "model, 1, 0, false",
    "transform*, 1, 0, false",
    "'\"graph networks\"', 1, 0, false",
    "modle~, 1, 0, false",
    "the graph of networks, 2, 0, false",
    "graph title:networks, 1, 1, false",
    "graph -networks, 1, 1, false",
    "diffusion +models, 1, 1, true",
    "diffusion AND models, 0, 2, true",
    "diffusion OR models, 2, 0, true",
    "'\"cats OR dogs\" pets', 2, 0, false",
    "(graph networks) diffusion, 2, 0, false",
    "generative adversarial networks for faces, 2, 0, false",
    "'\"generative adversarial networks\" faces', 2, 0, false",
    "title:generative adversarial networks, 2, 1, false"
  })
  void splitsPlainWordsFromConstraints(String q, int words, int constraints, boolean operators) {
    UserQuery query = parser.parse(q, reader);
    assertEquals(words, query.words().size(), q + " words");
    assertEquals(constraints, query.constraints().size(), q + " constraints");
    assertEquals(operators, query.operators(), q + " operators");
  }

  @Test
  void anAcronymAlsoSearchesItsSpelledOutForm() {
    String gan = parser.parse("gan", reader).words().get(0).toString();
    assertTrue(gan.contains("title:\"generative adversarial network\""), gan);
    assertTrue(gan.contains("title:gan"), gan);
  }

  @Test
  void aWordOfLettersAndDigitsAlsoSearchesItsPartsAsAPhrase() {
    String covid = parser.parse("covid19", reader).words().get(0).toString();
    assertTrue(covid.contains("tweet)(covid19)"), covid);
    assertTrue(covid.contains("abstract:\"covid 19\""), covid);
    String gpt = parser.parse("GPT3", reader).words().get(0).toString();
    assertTrue(gpt.contains("title:\"gpt 3\""), gpt);
    assertTrue(gpt.contains("title:\"generative pre train transformer 3\""), gpt);
  }

  @ParameterizedTest
  @CsvSource({"a100", "transformer", "3", "'\"gpt3\"'"})
  void noOtherWordIsSearchedAsParts(String q) {
    String word = parser.parse(q, reader).words().get(0).toString();
    assertTrue(!word.contains("\"") || q.contains("\""), word);
    assertTrue(!word.contains(" 3\"") && !word.contains("\"a 100"), word);
  }

  @Test
  void aSpelledOutFormAlsoSearchesItsAcronym() {
    String spelled =
        parser.parse("generative adversarial networks", reader).words().get(0).toString();
    assertTrue(spelled.contains("abstract:gan"), spelled);
    assertTrue(spelled.contains("abstract:\"generative adversarial network\""), spelled);
  }

  @Test
  void acronymsWhoseFormsHoldStopWordsExpandToPhrasesWithTheirGaps() {
    String tts = parser.parse("tts", reader).words().get(0).toString();
    assertTrue(tts.contains("title:\"text ? speech\""), tts);
    String moe = parser.parse("mixture of experts routing", reader).words().get(0).toString();
    assertTrue(moe.contains("title:moe"), moe);
  }

  @Test
  void aPrefixedWordIsARequiredConstraint() {
    UserQuery query = parser.parse("speech cat:cs.CL", reader);
    assertEquals(Occur.MUST, query.constraints().get(0).getOccur());
  }
}
