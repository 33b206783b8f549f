package ai.lyss.health.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The cancellation hook of one check run. A check registers what it blocks on (a socket, a JDBC
 * connection) with {@link #closeOnCancel}; when the run times out the registry interrupts the
 * thread and closes those resources, which unblocks socket reads that ignore interruption.
 */
public final class CancelScope {

  private static final ThreadLocal<@Nullable CancelScope> CURRENT = new ThreadLocal<>();

  private final Thread thread;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private boolean running = true;
  private boolean cancelled;

  private CancelScope(Thread thread) {
    this.thread = thread;
  }

  /** Opens a scope for the current thread; the caller must {@link #exit()} it. */
  static CancelScope enter() {
    CancelScope scope = new CancelScope(Thread.currentThread());
    CURRENT.set(scope);
    return scope;
  }

  /**
   * Registers a resource to close if the current check run is cancelled. Outside a run (a check
   * called directly) this does nothing. If the run is already cancelled the resource is closed at
   * once.
   *
   * @param resource the socket, connection or stream the check blocks on
   */
  public static void closeOnCancel(AutoCloseable resource) {
    CancelScope scope = CURRENT.get();
    if (scope != null) {
      scope.add(resource);
    }
  }

  private void add(AutoCloseable resource) {
    boolean closeNow;
    synchronized (this) {
      closeNow = cancelled;
      if (!closeNow) {
        resources.add(resource);
      }
    }
    if (closeNow) {
      closeQuietly(resource);
    }
  }

  /** Cancels the run: interrupts its thread (only while it still runs) and closes resources. */
  void cancel() {
    List<AutoCloseable> toClose;
    synchronized (this) {
      if (!running || cancelled) {
        return;
      }
      cancelled = true;
      thread.interrupt();
      toClose = new ArrayList<>(resources);
      resources.clear();
    }
    toClose.forEach(CancelScope::closeQuietly);
  }

  /** Ends the run on its own thread: no interrupt can arrive after this returns. */
  void exit() {
    synchronized (this) {
      running = false;
      resources.clear();
    }
    CURRENT.remove();
    // An interrupt aimed at this run must not leak into the next task on this pooled thread.
    Thread.interrupted();
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception | LinkageError ignored) {
      // Best effort: the run is being abandoned anyway.
    }
  }
}
