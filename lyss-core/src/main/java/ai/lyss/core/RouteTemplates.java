package ai.lyss.core;

import org.jspecify.annotations.Nullable;

/**
 * Route templates: the low-cardinality name of an endpoint ({@code /v1/conversations/{id}}) that
 * metrics, spans and logs use instead of the raw path.
 *
 * <p>The template is taken, in order, from the {@link #ROUTE_ATTRIBUTE} request attribute that a
 * framework integration sets when it knows the matched route, and otherwise from the raw path with
 * id-like segments collapsed to {@value #ID_PLACEHOLDER} (see {@link #collapseIds}).
 */
public final class RouteTemplates {

  /**
   * Request attribute under which an integration stores the matched route template (a {@code
   * String}), for example Spring MVC's best-matching pattern or a router's path spec.
   */
  public static final String ROUTE_ATTRIBUTE = "ai.lyss.route";

  /** What an id-like path segment is replaced by. */
  public static final String ID_PLACEHOLDER = "{id}";

  /** Templates longer than this are cut, so a hostile path cannot make a huge label. */
  public static final int MAX_TEMPLATE_LENGTH = 256;

  /** Paths with more segments than this keep the first ones and end in {@code /...}. */
  public static final int MAX_SEGMENTS = 16;

  private static final int MIN_TOKEN_LENGTH = 16;

  private RouteTemplates() {}

  /**
   * The route template of a request: the framework's template when it set {@link #ROUTE_ATTRIBUTE},
   * else the collapsed path.
   *
   * @param request the request
   */
  public static String of(RequestView request) {
    Object route = request.attribute(ROUTE_ATTRIBUTE);
    if (route instanceof String template && !template.isBlank()) {
      return template;
    }
    return collapseIds(request.path());
  }

  /**
   * Replaces id-like segments of a raw path by {@value #ID_PLACEHOLDER}: numbers, UUIDs, and tokens
   * of 16 or more characters that mix letters and digits (hex ids, base64/base64url tokens, ULIDs,
   * prefixed ids such as {@code conv_01HX...}). Words are kept, the query string is dropped, and
   * the result is bounded in length and segment count.
   *
   * @param rawPath the request path, possibly with a query string; {@code null} gives {@code /}
   */
  public static String collapseIds(@Nullable String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    int queryStart = indexOfQueryOrFragment(rawPath);
    String path = queryStart >= 0 ? rawPath.substring(0, queryStart) : rawPath;
    StringBuilder out = new StringBuilder(Math.min(path.length() + 4, MAX_TEMPLATE_LENGTH));
    int segments = 0;
    int start = path.startsWith("/") ? 1 : 0;
    while (true) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      if (++segments > MAX_SEGMENTS) {
        out.append("/...");
        break;
      }
      out.append('/');
      String segment = path.substring(start, end);
      out.append(isIdLike(segment) ? ID_PLACEHOLDER : segment);
      if (end == path.length() || out.length() > MAX_TEMPLATE_LENGTH) {
        break;
      }
      start = end + 1;
    }
    if (out.length() == 0) {
      return "/";
    }
    if (out.length() > MAX_TEMPLATE_LENGTH) {
      out.setLength(MAX_TEMPLATE_LENGTH);
    }
    return out.toString();
  }

  /**
   * Whether a single path segment looks like an identifier rather than a route word.
   *
   * @param segment one path segment, without slashes
   */
  public static boolean isIdLike(String segment) {
    int length = segment.length();
    if (length == 0) {
      return false;
    }
    boolean digits = false;
    boolean letters = false;
    boolean allDigits = true;
    boolean allHex = true;
    for (int i = 0; i < length; i++) {
      char c = segment.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
        continue;
      }
      allDigits = false;
      if (isAsciiLetter(c)) {
        letters = true;
        if (!((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
          allHex = false;
        }
      } else if (c == '-' || c == '_' || c == '=' || c == '+' || c == '.' || c == '~' || c == '%') {
        allHex = allHex && c == '-';
      } else {
        return false;
      }
    }
    if (allDigits) {
      return true;
    }
    if (isUuid(segment)) {
      return true;
    }
    if (length < MIN_TOKEN_LENGTH) {
      return false;
    }
    return (allHex && digits) || (digits && letters);
  }

  private static boolean isUuid(String s) {
    if (s.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : Character.digit(c, 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static int indexOfQueryOrFragment(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '?' || c == '#') {
        return i;
      }
    }
    return -1;
  }
}
