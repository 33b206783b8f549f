/**
 * JSON structured logging for Lyss services: {@link ai.lyss.logging.StructuredLogger} with audit
 * and security events, the Logback encoder {@link ai.lyss.logging.LyssJsonEncoder} that writes the
 * platform schema with redaction, and the non-blocking {@link ai.lyss.logging.LyssAsyncAppender}.
 */
@NullMarked
package ai.lyss.logging;

import org.jspecify.annotations.NullMarked;
