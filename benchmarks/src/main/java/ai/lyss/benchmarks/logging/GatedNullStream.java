package ai.lyss.benchmarks.logging;

import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/**
 * A discarding output stream that can hold its writer back. While closed, the pipeline's writer
 * thread parks on its first write, so a measured batch sees only the logging thread's own cost;
 * opened between batches, the writer encodes and discards everything queued.
 */
final class GatedNullStream extends OutputStream {

  private volatile CountDownLatch gate = new CountDownLatch(0);

  void hold(boolean closed) {
    if (closed) {
      gate = new CountDownLatch(1);
    } else {
      gate.countDown();
    }
  }

  @Override
  public void write(int b) {
    await();
  }

  @Override
  public void write(byte[] b, int off, int len) {
    await();
  }

  private void await() {
    CountDownLatch current = gate;
    while (current.getCount() > 0) {
      try {
        current.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
