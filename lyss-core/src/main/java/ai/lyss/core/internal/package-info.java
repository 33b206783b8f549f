/** Implementation of lyss-core; not public API, may change in any release. */
@NullMarked
package ai.lyss.core.internal;

import org.jspecify.annotations.NullMarked;
