package org.hotpapers.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotpapers.server.search.BackendUnavailableException;
import org.hotpapers.server.search.InvalidQueryException;
import org.hotpapers.server.search.SearchEngine;
import org.hotpapers.server.search.SearchTimeoutException;
import org.hotpapers.server.search.UnsupportedSearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the unstarted Javalin app: routes, JSON errors, parameter converters. */
public final class HotpapersApp {

  private static final Logger LOG = LoggerFactory.getLogger(HotpapersApp.class);

  /** Only the page's own script, styles and connections; no inline script, no framing. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  /** How long a connection may sit without sending or reading before Jetty closes it. */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

  private HotpapersApp() {}

  /** Largest request body accepted: the API takes no bodies beyond an empty POST. */
  static final long MAX_REQUEST_BYTES = 16 * 1024;

  /** Largest request line plus headers accepted. */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  /**
   * The app serving {@code search} without admin routes, which stops without waiting for requests
   * in flight (as tests want); start it with {@code start(port)}.
   */
  public static Javalin create(SearchEngine search) {
    return create(search, Optional.empty(), Duration.ZERO, new FairUse(FairUse.Limits.none()));
  }

  /**
   * The app serving {@code search}, with admin routes when {@code admin} is present and the
   * searching routes guarded by {@code fairUse}; on stop, requests in flight get up to {@code
   * gracefulStop} to finish.
   */
  public static Javalin create(
      SearchEngine search, Optional<AdminRoutes> admin, Duration gracefulStop, FairUse fairUse) {
    SearchRoutes routes = new SearchRoutes(search);
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.http.maxRequestSize = MAX_REQUEST_BYTES;
          config.jetty.modifyHttpConfiguration(
              http -> {
                http.setRequestHeaderSize(MAX_HEADER_BYTES);
                http.setIdleTimeout(IDLE_TIMEOUT.toMillis());
                http.setSendServerVersion(false);
              });
          config.jetty.modifyServer(server -> server.setStopTimeout(gracefulStop.toMillis()));
          config.validation.register(LocalDate.class, LocalDate::parse);
          config.staticFiles.add("/public", Location.CLASSPATH);
          config.routes.before(HotpapersApp::securityHeaders);
          config.routes.before(HotpapersApp::limitBody);
          config.routes.get("/health", routes::health);
          config.routes.get("/search", fairUse.guard(routes::search));
          config.routes.get("/search.atom", fairUse.guard(routes::atom));
          config.routes.get("/papers/{id}", routes::paper);
          config.routes.get("/papers/{id}/similar", fairUse.guard(routes::similar));
          config.routes.get("/suggest", fairUse.guard(routes::suggest));
          config.routes.get("/openapi.json", routes::openApi);
          admin.ifPresent(
              adminRoutes -> {
                config.routes.before("/admin/*", adminRoutes::authorize);
                config.routes.post("/admin/reindex", adminRoutes::startReindex);
                config.routes.get("/admin/reindex/{id}", adminRoutes::reindexStatus);
              });
          config.routes.exception(
              BadRequestException.class,
              (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(new ErrorBody(e.getMessage())));
          config.routes.exception(
              InvalidQueryException.class,
              (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(new ErrorBody(e.getMessage())));
          config.routes.exception(
              TooManyRequestsException.class,
              (e, ctx) ->
                  ctx.status(HttpStatus.TOO_MANY_REQUESTS)
                      .header("Retry-After", Integer.toString(e.retryAfterSeconds()))
                      .json(new ErrorBody(e.getMessage())));
          config.routes.exception(
              ServerBusyException.class,
              (e, ctx) ->
                  ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                      .header("Retry-After", Integer.toString(e.retryAfterSeconds()))
                      .json(new ErrorBody(e.getMessage())));
          config.routes.exception(
              UnsupportedSearchException.class,
              (e, ctx) ->
                  ctx.status(HttpStatus.NOT_IMPLEMENTED).json(new ErrorBody(e.getMessage())));
          config.routes.exception(
              BackendUnavailableException.class,
              (e, ctx) -> {
                LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "5")
                    .json(new ErrorBody(e.getMessage()));
              });
          config.routes.exception(
              SearchTimeoutException.class,
              (e, ctx) ->
                  ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(new ErrorBody(e.getMessage())));
          config.routes.exception(
              ValidationException.class,
              (e, ctx) ->
                  ctx.status(HttpStatus.BAD_REQUEST).json(new ErrorBody(describe(e.getErrors()))));
          config.routes.exception(
              HttpResponseException.class,
              (e, ctx) -> ctx.status(e.getStatus()).json(new ErrorBody(e.getMessage())));
          config.routes.exception(
              Exception.class,
              (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .json(new ErrorBody("internal error; the server log has the details"));
              });
        });
  }

  /** Headers that keep the page safe even if some text were ever rendered as HTML. */
  private static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
  }

  /** Refuses declared bodies over the limit before any handler runs. */
  private static void limitBody(Context ctx) {
    if (ctx.contentLength() > MAX_REQUEST_BYTES) {
      throw new HttpResponseException(
          HttpStatus.CONTENT_TOO_LARGE.getCode(),
          "request body is " + ctx.contentLength() + " bytes; the limit is " + MAX_REQUEST_BYTES);
    }
  }

  /** One readable sentence for Javalin's validation errors, naming each bad parameter. */
  static String describe(Map<String, List<ValidationError<Object>>> errors) {
    StringBuilder out = new StringBuilder();
    errors.forEach(
        (param, list) -> {
          for (ValidationError<Object> error : list) {
            if (out.length() > 0) {
              out.append("; ");
            }
            if ("TYPE_CONVERSION_FAILED".equals(error.getMessage())) {
              out.append(param).append(" must be ").append(expected(param));
              out.append(" (not '").append(String.valueOf(error.value)).append("')");
            } else {
              out.append(error.getMessage());
            }
          }
        });
    return out.toString();
  }

  private static String expected(String param) {
    return switch (param) {
      case "from", "to" -> "a date as YYYY-MM-DD";
      default -> "a whole number";
    };
  }
}
