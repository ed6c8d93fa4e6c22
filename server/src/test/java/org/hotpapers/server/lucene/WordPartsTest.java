package org.hotpapers.server.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotpapers.indexer.Paper;
import org.hotpapers.indexer.PaperIndexer;
import org.hotpapers.server.FixturePapers;
import org.hotpapers.server.Requests;
import org.hotpapers.server.search.SearchHit;
import org.hotpapers.server.search.SearchResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A word of letters and digits finds the papers that write it with a hyphen or a space ("gpt3"
 * finds "GPT-3") and a hyphenated word its joined form ("GPT-3" finds "GPT3"), and the rarer way of
 * writing a common word does not rank first for it; a name finds its versions ("stylegan" finds
 * "StyleGAN2").
 */
class WordPartsTest {

  @TempDir static Path tmp;

  private static SearchService service;

  private static Paper paper(String id, String title, String abstractText) {
    return FixturePapers.paper(id, title, "Ana Lopes", abstractText);
  }

  @BeforeAll
  static void index() throws IOException {
    Path index = tmp.resolve("index");
    try (PaperIndexer indexer = new PaperIndexer(index)) {
      indexer.add(
          paper(
              "2101.00001",
              "Language Models are Few-Shot Learners",
              "We train GPT-3, an autoregressive language model."));
      indexer.add(paper("2101.00002", "Probing GPT3 for Facts", "Which facts a model recalls."));
      indexer.add(
          paper("2101.00003", "Detecting COVID-19 Misinformation", "Tweets about the pandemic."));
      indexer.add(paper("2101.00004", "3D Object Detection", "Boxes around objects."));
      indexer.add(paper("2101.00005", "3D Scene Graphs", "Graphs of rooms."));
      indexer.add(paper("2101.00006", "3D Human Pose", "Joints of people."));
      indexer.add(paper("2101.00007", "Fast 3D Meshes", "Meshes in real time."));
      indexer.add(
          paper("2101.00008", "A Study of 3-D Shape Priors for Learning", "Shapes as priors."));
      indexer.add(paper("2101.00009", "Graph Partitioning", "Cutting graphs."));
      indexer.add(paper("2101.00011", "Editing StyleGAN2 Latents", "Directions in latent space."));
      indexer.add(paper("2101.00012", "StyleGAN Inversion", "Images to latent codes."));
      indexer.add(paper("2101.00013", "Scaled YOLOv4", "Detectors for every budget."));
      indexer.add(paper("2101.00014", "Multimodal Pretraining at Scale", "Image and text."));
      indexer.add(paper("2101.00015", "Pre-training via Paraphrasing", "Multi-modal models."));
      indexer.add(paper("2101.00010", "Protein Folding", "Folding proteins."));
      indexer.commit(Map.of());
    }
    service = SearchService.open(index);
  }

  @AfterAll
  static void close() throws IOException {
    service.close();
  }

  private static List<String> ids(String q) {
    SearchResponse response = service.search(Requests.filtered(q, List.of(), ""));
    return response.hits().stream().map(SearchHit::id).toList();
  }

  @Test
  void aWordOfLettersAndDigitsFindsItsHyphenatedForm() {
    assertEquals(Set.of("2101.00001", "2101.00002"), Set.copyOf(ids("gpt3")));
    assertEquals(Set.of("2101.00001", "2101.00002"), Set.copyOf(ids("GPT3")));
    assertEquals(List.of("2101.00003"), ids("covid19"));
  }

  @Test
  void aHyphenatedWordFindsItWrittenJoined() {
    assertEquals(Set.of("2101.00001", "2101.00002"), Set.copyOf(ids("GPT-3")));
    assertEquals(Set.of("2101.00014", "2101.00015"), Set.copyOf(ids("pre-training")));
    assertEquals(Set.of("2101.00014", "2101.00015"), Set.copyOf(ids("multi-modal")));
  }

  @Test
  void aNameAlsoFindsItsVersions() {
    assertEquals(Set.of("2101.00011", "2101.00012"), Set.copyOf(ids("stylegan")));
    assertEquals(List.of("2101.00013"), ids("yolo"));
    assertEquals(List.of(), ids("style"), "only a version number may follow the word");
  }

  @Test
  void aVersionTypedApartFindsThePapersThatWriteItJoined() {
    assertEquals(List.of("2101.00011"), ids("stylegan 2"));
    assertEquals(List.of("2101.00013"), ids("yolo v4"));
    assertEquals(List.of("2101.00011"), ids("editing stylegan 2 latents"));
  }

  @Test
  void aPaperThatWritesItHyphenatedHoldsEveryWordOfAKnownItemQuery() {
    SearchResponse response =
        service.search(Requests.filtered("gpt3 few-shot learners", List.of(), ""));
    assertEquals(List.of("2101.00001"), response.hits().stream().map(SearchHit::id).toList());
    assertEquals(response.match().of(), response.match().required(), "every word required");
  }

  @Test
  void theRareWayOfWritingACommonWordDoesNotRankFirst() {
    List<String> ids = ids("3d");
    assertEquals(5, ids.size(), ids.toString());
    assertTrue(ids.contains("2101.00008"), ids.toString());
    assertNotEquals("2101.00008", ids.get(0), "the paper that writes 3-D: " + ids);
  }
}
