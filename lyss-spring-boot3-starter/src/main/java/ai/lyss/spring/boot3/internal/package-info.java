/** Boot 3.5 adapters of the Lyss starter; not an API. */
@NullMarked
package ai.lyss.spring.boot3.internal;

import org.jspecify.annotations.NullMarked;
