package org.hotpapers.server.http;

import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.hotpapers.server.lucene.ReindexJobs;
import org.hotpapers.server.lucene.ReindexStatus;

/**
 * Admin HTTP handlers, behind a bearer token: {@code POST /admin/reindex} starts a background
 * reindex, {@code GET /admin/reindex/{id}} reports it.
 */
public final class AdminRoutes {

  /** The environment variable that holds the admin token; without it admin routes are off. */
  public static final String TOKEN_VARIABLE = "HOTPAPERS_ADMIN_TOKEN";

  private final byte[] tokenDigest;
  private final ReindexJobs jobs;

  /** Routes that accept {@code token} and run {@code jobs}. */
  public AdminRoutes(String token, ReindexJobs jobs) {
    if (token.isBlank()) {
      throw new IllegalArgumentException("the admin token must not be blank");
    }
    this.tokenDigest = sha256(token);
    this.jobs = jobs;
  }

  /** Before every admin route: a missing or wrong token is a 401. */
  public void authorize(Context ctx) {
    String header = ctx.header(Header.AUTHORIZATION);
    String presented =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).strip()
            : "";
    if (!MessageDigest.isEqual(tokenDigest, sha256(presented))) {
      ctx.header(Header.WWW_AUTHENTICATE, "Bearer realm=\"hotpapers admin\"");
      throw new UnauthorizedResponse("a valid admin bearer token is required");
    }
  }

  /** {@code POST /admin/reindex}: 202 with the new job, or 409 when one is running. */
  public void startReindex(Context ctx) {
    ReindexStatus status =
        jobs.start()
            .orElseThrow(
                () -> new ConflictResponse("a reindex is already running; try again later"));
    ctx.status(HttpStatus.ACCEPTED)
        .header(Header.LOCATION, "/admin/reindex/" + status.id())
        .json(status);
  }

  /** {@code GET /admin/reindex/{id}}: progress, then the summary. */
  public void reindexStatus(Context ctx) {
    String id = ctx.pathParam("id");
    ctx.json(jobs.status(id).orElseThrow(() -> new NotFoundResponse("no reindex job " + id)));
  }

  /** Digests compared with {@link MessageDigest#isEqual} take the same time for any input. */
  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
