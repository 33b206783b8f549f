package ai.lyss.benchmarks.scale;

import java.io.IOException;

/** One side of the scale run: records a tenant's traffic and renders {@code /metrics}. */
interface ScaleTraffic extends AutoCloseable {

  /** The label of this side in the table. */
  String name();

  /**
   * Records the traffic of one tenant: two HTTP requests, one AI model call with tokens, a login, a
   * conversation created and a message sent.
   *
   * @param tenant the tenant id
   * @param i the tenant's index, varies the durations and token counts
   */
  void record(String tenant, int i);

  /** One {@code /metrics} scrape in the Prometheus text format 0.0.4, as sent. */
  byte[] scrape() throws IOException;

  @Override
  void close();
}
