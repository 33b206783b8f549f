/**
 * Built-in checks for the usual dependencies of a Lyss service, written with the JDK only: HTTP
 * ({@link ai.lyss.health.checks.HttpHealthCheck}), JDBC/PostgreSQL ({@link
 * ai.lyss.health.checks.JdbcHealthCheck}), Redis ({@link ai.lyss.health.checks.RedisHealthCheck})
 * and TCP ({@link ai.lyss.health.checks.TcpHealthCheck}). Each bounds every network wait by its
 * timeout, closes its sockets when cancelled, and reports errors without credentials or connection
 * strings.
 */
@NullMarked
package ai.lyss.health.checks;

import org.jspecify.annotations.NullMarked;
