package ai.lyss.health.internal;

import ai.lyss.health.HealthRegistry;
import ai.lyss.health.HealthReport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the servlet and the JDK handler share: routing and the response for a report. */
public final class HealthEndpoint {

  /** {@code Content-Type} of every response. */
  public static final String CONTENT_TYPE = "application/json";

  /** {@code Cache-Control} of every response: probes must never see a cached answer. */
  public static final String CACHE_CONTROL = "no-store";

  /** Which report a path asks for. */
  public enum Kind {
    /** {@code /health}: every check. */
    ALL,
    /** {@code /health/live}: liveness checks only. */
    LIVE,
    /** {@code /health/ready}: every check. */
    READY
  }

  /**
   * A response: status code and UTF-8 body.
   *
   * @param status 200 or 503
   * @param body the JSON
   */
  public record Response(int status, byte[] body) {}

  private HealthEndpoint() {}

  /**
   * Routes the part of the path after the mount point ({@code ""}, {@code /live}, {@code /ready}).
   *
   * @param subPath the path below the mount point
   * @return the report kind, or {@code null} for a path that is not a health endpoint
   */
  public static @Nullable Kind route(@Nullable String subPath) {
    if (subPath == null || subPath.isEmpty() || subPath.equals("/")) {
      return Kind.ALL;
    }
    switch (subPath) {
      case "/live":
      case "/live/":
        return Kind.LIVE;
      case "/ready":
      case "/ready/":
        return Kind.READY;
      default:
        return null;
    }
  }

  /**
   * Runs the report and renders it: 200 when healthy, 503 otherwise.
   *
   * @param registry the registry
   * @param kind which report
   * @param detailed whether the caller may see error texts
   */
  public static Response respond(HealthRegistry registry, Kind kind, boolean detailed) {
    HealthReport report;
    try {
      report =
          kind == Kind.LIVE
              ? registry.liveness()
              : kind == Kind.READY ? registry.readiness() : registry.report();
    } catch (RuntimeException e) {
      // Never a stack trace to a probe: an empty unhealthy report.
      report = HealthReport.of(Instant.now(), List.of());
      String body =
          "{\"overall_status\":\"unhealthy\",\"timestamp\":\""
              + Json.timestamp(report.timestamp())
              + "\",\"services\":[]}";
      return new Response(503, body.getBytes(StandardCharsets.UTF_8));
    }
    byte[] body = report.toJson(detailed).getBytes(StandardCharsets.UTF_8);
    return new Response(report.isHealthy() ? 200 : 503, body);
  }

  /** A small JSON body for 404/405 answers. */
  public static byte[] errorBody(String error) {
    return ("{\"error\":" + Json.string(error) + "}").getBytes(StandardCharsets.UTF_8);
  }
}
