package org.hotpapers.indexer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes many small, valid posts, for tests that need a reindex that takes a while. */
public final class SyntheticPosts {

  private SyntheticPosts() {}

  /** Writes {@code posts} posts of {@code sections} distinct papers each into {@code dir}. */
  public static Path write(Path dir, int posts, int sections) throws IOException {
    Files.createDirectories(dir);
    String abstractText = "We study attention, diffusion and graph networks at scale. ".repeat(12);
    for (int post = 0; post < posts; post++) {
      StringBuilder text = new StringBuilder("---\ntitle: Hot Papers 2021-01-01\n---\n\n");
      for (int section = 0; section < sections; section++) {
        String id = String.format("%04d.%05d", 1000 + post, section);
        text.append("# ").append(section + 1).append(". Paper ").append(id).append("\n\n");
        text.append("Ann Author, Bob Writer\n\n");
        text.append("- retweets: ").append(section).append(", favorites: ").append(post);
        text.append("\n- links: [abs](https://arxiv.org/abs/").append(id).append(")\n");
        text.append("- [cs.LG](https://arxiv.org/list/cs.LG/recent)\n\n");
        text.append(abstractText).append("\n\n");
      }
      Files.writeString(dir.resolve(String.format("post-%04d.md", post)), text);
    }
    return dir;
  }
}
