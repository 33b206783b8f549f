/** Implementation of lyss-health: not public API, may change in any release. */
@NullMarked
package ai.lyss.health.internal;

import org.jspecify.annotations.NullMarked;
