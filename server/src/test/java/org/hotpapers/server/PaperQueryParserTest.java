package org.hotpapers.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.hotpapers.indexer.PaperSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which queries get an all-words query to rank first: only those of two or more words. */
class PaperQueryParserTest {

  private final PaperQueryParser parser = new PaperQueryParser(PaperSchema.analyzer());

  @ParameterizedTest
  @CsvSource({
    "model, false",
    "transform*, false",
    "'\"graph networks\"', false",
    "modle~, false",
    "+model, false",
    "graph networks, true",
    "graph title:networks, true",
    "diffusion +models, true"
  })
  void onlySeveralWordsRankAllWordsFirst(String q, boolean ranksAllWordsFirst) {
    UserQuery query = parser.parse(q);
    assertNotNull(query.match());
    if (ranksAllWordsFirst) {
      assertNotNull(query.allWords(), q);
    } else {
      assertNull(query.allWords(), q);
    }
    assertEquals(query.match(), query.highlight());
  }
}
