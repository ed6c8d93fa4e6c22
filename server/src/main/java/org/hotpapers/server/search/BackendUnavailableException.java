package org.hotpapers.server.search;

/** The search backend could not be reached; the API answers with HTTP 503. */
public final class BackendUnavailableException extends RuntimeException {

  /** Says which backend failed and why. */
  public BackendUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
