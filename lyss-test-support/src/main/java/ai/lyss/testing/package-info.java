/**
 * Test helpers shared by the Lyss modules' test suites: not public API, never deployed. {@link
 * ai.lyss.testing.Poll} waits for a condition instead of sleeping or bounding wall-clock time;
 * {@link ai.lyss.testing.RequiredTools} finds the servers and tools a test drives and turns their
 * absence into a skip, or into a failure when {@code LYSS_REQUIRE_TEST_SERVERS=1} (as in CI).
 */
package ai.lyss.testing;
