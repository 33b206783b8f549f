/** Implementation of lyss-tracing: not public API, may change in any release. */
@NullMarked
package ai.lyss.tracing.internal;

import org.jspecify.annotations.NullMarked;
