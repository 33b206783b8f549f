/** {@code /debug/traces}: recent spans, kept in memory, so traces are visible without a backend. */
@NullMarked
package ai.lyss.demo.debug;

import org.jspecify.annotations.NullMarked;
