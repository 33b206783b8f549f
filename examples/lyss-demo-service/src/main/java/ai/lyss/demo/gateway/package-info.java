/**
 * The demo gateway's business logic, free of HTTP: chat completions through a simulated model
 * provider, per-tenant quotas, conversations and sessions.
 */
@NullMarked
package ai.lyss.demo.gateway;

import org.jspecify.annotations.NullMarked;
