package org.hotpapers.server.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.store.LockObtainFailedException;
import org.hotpapers.indexer.PostAdder;
import org.hotpapers.indexer.ReindexSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks up posts that appear in (or change under) the posts folder while the server runs, and adds
 * them to the index it serves: a day's digest dropped into the folder becomes searchable without a
 * rebuild. Posts already there when watching starts count as indexed. The file system reports which
 * folders changed, so an idle folder of any size costs nothing; a folder that changed is compared
 * with what was seen. Not thread-safe: one scheduled thread calls {@link #scan()}.
 */
public final class PostsWatcher implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(PostsWatcher.class);

  private final Path posts;
  private final Path index;
  private final PostAdder adder;
  private final SearchService search;
  private final WatchService watcher;
  private final Map<WatchKey, Path> folders = new HashMap<>();
  private final Map<Path, FileTime> seen = new HashMap<>();
  private final List<Path> pending = new ArrayList<>();

  /** Watches {@code posts}, adding what appears to {@code index}, which {@code search} serves. */
  public PostsWatcher(Path posts, Path index, PostAdder adder, SearchService search)
      throws IOException {
    this.posts = posts;
    this.index = index;
    this.adder = adder;
    this.search = search;
    this.watcher = FileSystems.getDefault().newWatchService();
    seen.putAll(watchAndList(posts));
  }

  /**
   * Adds the posts that are new or changed since the last scan, in one commit, and switches
   * searches to it; returns how many posts it read. A scan that meets a rebuild holding the index
   * leaves them for the next one.
   */
  public int scan() {
    try {
      collectChanges();
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("cannot list {}; trying again later: {}", posts, e.getMessage());
      return 0;
    }
    if (pending.isEmpty()) {
      return 0;
    }
    List<Path> adding = List.copyOf(pending);
    try {
      ReindexSummary summary = adder.add(adding, index);
      pending.clear();
      LOG.info(
          "added {} new or changed post(s) from {}: {} papers, {} skipped, {} problems",
          summary.postsRead(),
          posts,
          summary.papersIndexed(),
          summary.skippedPosts().size(),
          summary.problems().size());
      summary.skippedPosts().forEach(problem -> LOG.warn("skipped {}", problem));
      summary.problems().forEach(problem -> LOG.warn("{}", problem));
      search.refresh();
      return summary.postsRead();
    } catch (LockObtainFailedException e) {
      LOG.info("the index is being rebuilt; adding {} post(s) after it", adding.size());
    } catch (IllegalArgumentException e) {
      pending.clear();
      LOG.error("cannot add {} post(s) from {}: {}", adding.size(), posts, e.getMessage());
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not add {} post(s) from {}; trying again later", adding.size(), posts, e);
    }
    return 0;
  }

  /** Moves the posts of every folder the file system reported as changed to {@link #pending}. */
  private void collectChanges() throws IOException {
    for (WatchKey key = watcher.poll(); key != null; key = watcher.poll()) {
      Path folder = folders.get(key);
      boolean overflow = false;
      for (WatchEvent<?> event : key.pollEvents()) {
        overflow |= event.kind() == StandardWatchEventKinds.OVERFLOW;
      }
      if (!key.reset()) {
        folders.remove(key);
      }
      if (folder != null) {
        compare(watchAndList(overflow ? posts : folder), folder);
      }
    }
  }

  /** Queues the posts of {@code listed} that are new or changed, and forgets vanished ones. */
  private void compare(Map<Path, FileTime> listed, Path folder) {
    listed.forEach(
        (file, time) -> {
          if (!time.equals(seen.put(file, time)) && !pending.contains(file)) {
            pending.add(file);
          }
        });
    seen.keySet().removeIf(file -> file.startsWith(folder) && !listed.containsKey(file));
  }

  /** Every post under {@code root} with its last-modified time; watches each folder on the way. */
  private Map<Path, FileTime> watchAndList(Path root) throws IOException {
    Map<Path, FileTime> files = new HashMap<>();
    if (!Files.isDirectory(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.toList()) {
        try {
          BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
          if (attributes.isDirectory()) {
            WatchKey key =
                path.register(
                    watcher,
                    StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            folders.put(key, path);
          } else if (attributes.isRegularFile() && path.toString().endsWith(".md")) {
            files.put(path, attributes.lastModifiedTime());
          }
        } catch (IOException vanished) {
          LOG.debug("{} vanished while listing", path);
        }
      }
    }
    return files;
  }

  @Override
  public void close() throws IOException {
    watcher.close();
  }
}
