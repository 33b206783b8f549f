/**
 * Test helpers shared by the Lyss modules' test suites: not public API, never deployed, each kept
 * here once instead of copied per module. {@link ai.lyss.testing.Poll} waits for a condition
 * instead of sleeping or bounding wall-clock time; {@link ai.lyss.testing.RequiredTools} finds the
 * servers and tools a test drives and turns their absence into a skip, or into a failure when
 * {@code LYSS_REQUIRE_TEST_SERVERS=1} (as in CI). The real servers: {@link
 * ai.lyss.testing.PostgresServer}, {@link ai.lyss.testing.RedisServer}, {@link
 * ai.lyss.testing.ServerProcess} (Prometheus, Alertmanager); {@link ai.lyss.testing.Net} for
 * loopback ports; {@link ai.lyss.testing.SlowStatements} for a slow SQL statement. Only the JDK and
 * JUnit's API: heavy servers (OpenSearch) stay in the module that needs them ({@code
 * monitoring/elasticsearch}), off the other modules' test class paths.
 */
package ai.lyss.testing;
