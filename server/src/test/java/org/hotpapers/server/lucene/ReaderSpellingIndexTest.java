package org.hotpapers.server.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.hotpapers.indexer.PaperSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Corrections one edit away are offered alone; two edits away only when none is one edit away, and
 * for a word of six or more characters.
 */
class ReaderSpellingIndexTest {

  private Directory directory;
  private DirectoryReader reader;
  private SpellingIndex index;

  @BeforeEach
  void indexTitleWords() throws IOException {
    directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      for (String title :
          List.of(
              "vision language", "visions of language", "vision models", "languages", "speak")) {
        Document paper = new Document();
        paper.add(new TextField(PaperSchema.SPELL, title, Field.Store.NO));
        writer.addDocument(paper);
      }
    }
    reader = DirectoryReader.open(directory);
    index = new SpellingCorrector(new WhitespaceAnalyzer()).index(reader);
  }

  @AfterEach
  void close() throws IOException {
    reader.close();
    directory.close();
  }

  @Test
  void aWordOneEditAwayIsOfferedWithoutThoseTwoEditsAway() throws IOException {
    assertEquals(List.of("vision"), words(index.similar("visoin")));
    assertEquals(List.of("language"), words(index.similar("langauge")));
  }

  @Test
  void wordsTwoEditsAwayAreOfferedWhenNoneIsOneEditAway() throws IOException {
    assertEquals(List.of("language"), words(index.similar("lnguge")));
  }

  @Test
  void aShortWordIsNotOfferedWordsTwoEditsAway() throws IOException {
    assertEquals(List.of(), words(index.similar("steal")));
    assertEquals(List.of("speak"), words(index.similar("speal")));
  }

  @Test
  void wordsInCapitalsAreNotCandidatesForCorrection() {
    assertEquals(
        List.of("control", "bootstraping"),
        SpellingCorrector.candidates("FDR control AND bootstraping GANs"));
  }

  private static List<String> words(SuggestWord[] suggestions) {
    return Arrays.stream(suggestions).map(suggestion -> suggestion.string).toList();
  }
}
