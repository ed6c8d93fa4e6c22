package org.hotpapers.server.lucene;

import java.io.IOException;

/** An index commit whose files fail their checksums or cannot be read: it is never served. */
public final class DamagedIndexException extends IOException {
  private static final long serialVersionUID = 1L;

  /** A damaged commit, described by {@code message}, found because of {@code cause}. */
  public DamagedIndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
