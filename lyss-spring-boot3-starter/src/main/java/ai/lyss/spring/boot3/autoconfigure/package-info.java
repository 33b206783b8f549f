/** Boot 3.5 auto-configuration of the Lyss starter. */
@NullMarked
package ai.lyss.spring.boot3.autoconfigure;

import org.jspecify.annotations.NullMarked;
