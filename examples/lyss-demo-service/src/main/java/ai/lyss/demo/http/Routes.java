package ai.lyss.demo.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The API's route table: method plus template such as {@code /v1/conversations/{id}}. Matching
 * gives the template, which becomes the low-cardinality {@code endpoint} label of metrics and the
 * {@code http.route} of spans.
 */
final class Routes {

  private static final String ID = "{id}";
  private static final Pattern ID_SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private record Route(String method, String template, String[] segments, Endpoint endpoint) {}

  /**
   * The outcome of matching a request.
   *
   * @param template the matched template, {@code null} when no path matched (lyss-metrics then
   *     groups the 404 under one endpoint, so random paths cannot add series)
   * @param endpoint the handler, {@code null} when no route matched the method and path
   * @param pathId the {@code {id}} segment, empty when none
   * @param allowed the methods the path supports, for a 405's {@code Allow} header
   */
  record Match(
      @Nullable String template, @Nullable Endpoint endpoint, String pathId, Set<String> allowed) {}

  private final List<Route> routes = new ArrayList<>();

  Routes add(String method, String template, Endpoint endpoint) {
    routes.add(new Route(method, template, template.substring(1).split("/", -1), endpoint));
    return this;
  }

  Match match(String method, String path) {
    String[] segments = path.length() > 1 ? path.substring(1).split("/", -1) : new String[0];
    Set<String> allowed = new LinkedHashSet<>();
    String template = null;
    for (Route route : routes) {
      String id = matchSegments(route.segments(), segments);
      if (id == null) {
        continue;
      }
      if (route.method().equals(method)) {
        return new Match(route.template(), route.endpoint(), id, Set.of(method));
      }
      allowed.add(route.method());
      template = route.template();
    }
    return new Match(template, null, "", allowed);
  }

  private static @Nullable String matchSegments(String[] template, String[] actual) {
    if (template.length != actual.length) {
      return null;
    }
    String id = "";
    for (int i = 0; i < template.length; i++) {
      if (template[i].equals(ID)) {
        if (!ID_SEGMENT.matcher(actual[i]).matches()) {
          return null;
        }
        id = actual[i];
      } else if (!template[i].equals(actual[i])) {
        return null;
      }
    }
    return id;
  }
}
