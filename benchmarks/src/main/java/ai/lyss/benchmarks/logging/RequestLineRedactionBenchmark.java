package ai.lyss.benchmarks.logging;

import ai.lyss.core.Redactor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Redaction of the string values the log writer encodes for one {@code Request started} plus {@code
 * Request completed} pair (message, logger, thread, method, URL, client address, user agent,
 * request id, tenant, trace and span ids, service, version): the per-request redaction work of the
 * request log, which a JFR profile of the end-to-end run put at the top of the writer thread. Run
 * an earlier build's benchmarks.jar beside it for a before/after figure.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class RequestLineRedactionBenchmark {

  private final Redactor redactor = Redactor.defaults();
  private final String[] values = {
    "Request started",
    "ai.lyss.logging.request",
    "qtp1780034814-17",
    "GET",
    "http://127.0.0.1:18080/hello",
    "127.0.0.1",
    "wrk/4.1.0",
    "4f0c2a9e-7b1d-4c3e-9a8f-2d6b5e1c0a93",
    "unknown",
    "0af7651916cd43dd8448eb211c80319c",
    "b7ad6b7169203331",
    "Request completed",
    "ai.lyss.logging.request",
    "qtp1780034814-17",
    "4f0c2a9e-7b1d-4c3e-9a8f-2d6b5e1c0a93",
    "unknown",
    "0af7651916cd43dd8448eb211c80319c",
    "b7ad6b7169203331",
    "lyss-e2e-hello",
    "unknown-version"
  };

  /**
   * Redacts every value of the pair.
   *
   * @param bh keeps the results alive
   */
  @Benchmark
  public void requestLinePair(Blackhole bh) {
    for (String value : values) {
      bh.consume(redactor.redact(value));
    }
  }
}
