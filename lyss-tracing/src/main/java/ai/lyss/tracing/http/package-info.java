/**
 * CLIENT spans for {@code java.net.http.HttpClient}, with the trace context injected into the
 * request headers.
 */
@NullMarked
package ai.lyss.tracing.http;

import org.jspecify.annotations.NullMarked;
