/** The built-in load generator behind {@code --traffic}. */
@NullMarked
package ai.lyss.demo.traffic;

import org.jspecify.annotations.NullMarked;
