/** Implementation of lyss-logging; not public API, may change in any release. */
@NullMarked
package ai.lyss.logging.internal;

import org.jspecify.annotations.NullMarked;
