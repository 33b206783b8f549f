/**
 * One request pipeline per HTTP stack. An entry filter ({@code
 * ai.lyss.core.servlet.LyssServletFilter} or {@code ai.lyss.core.jdkhttp.LyssHttpFilter}) builds
 * one {@link ai.lyss.core.http.ObservedRequest} per request - request id, tenant and start time
 * resolved once - and drives the {@link ai.lyss.core.http.HttpObserver}s that the signal modules
 * contribute (tracing, request logging, metrics) in a fixed order, so a service never orders
 * filters by hand and links in only the signals it wants.
 */
@NullMarked
package ai.lyss.core.http;

import org.jspecify.annotations.NullMarked;
