package ai.lyss.logging.internal;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The queue between logging threads and the one writer thread: bounded, without locks (a logging
 * thread preempted inside it cannot hold up the others), with a separate limit for events that may
 * use the reserve. Logging threads wake the writer only when it is waiting for work.
 */
public final class EventQueue {

  private final ConcurrentLinkedQueue<Object> items = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final int ordinaryLimit;
  private final int reservedLimit;
  private volatile @Nullable Thread consumer;
  private volatile boolean consumerWaiting;

  /**
   * A queue.
   *
   * @param ordinaryLimit slots ordinary events may fill
   * @param reserve further slots only reserved (AUDIT/SECURITY) events may fill
   */
  public EventQueue(int ordinaryLimit, int reserve) {
    this.ordinaryLimit = ordinaryLimit;
    this.reservedLimit = ordinaryLimit + reserve;
  }

  /**
   * The thread that takes items; it is unparked when an item arrives while it waits.
   *
   * @param thread the writer thread
   */
  public void consumer(Thread thread) {
    this.consumer = thread;
  }

  /**
   * Takes a slot if one is free for this kind of event; never blocks. A taken slot must be filled
   * with {@link #add} or given back with {@link #release}.
   *
   * @param reserved whether the event may use the reserve
   */
  public boolean tryReserve(boolean reserved) {
    if (size.incrementAndGet() > (reserved ? reservedLimit : ordinaryLimit)) {
      size.decrementAndGet();
      return false;
    }
    return true;
  }

  /** Gives back a slot taken with {@link #tryReserve} and not filled. */
  public void release() {
    size.decrementAndGet();
  }

  /**
   * Fills a slot taken with {@link #tryReserve}.
   *
   * @param item the item
   */
  public void add(Object item) {
    items.offer(item);
    if (consumerWaiting) {
      Thread thread = consumer;
      if (thread != null) {
        LockSupport.unpark(thread);
      }
    }
  }

  /**
   * Moves up to {@code max} items into {@code batch} (writer thread).
   *
   * @param batch where items go
   * @param max most items to move
   * @return how many were moved
   */
  public int drainTo(List<Object> batch, int max) {
    int n = 0;
    Object item;
    while (n < max && (item = items.poll()) != null) {
      batch.add(item);
      n++;
    }
    if (n > 0) {
      size.addAndGet(-n);
    }
    return n;
  }

  /**
   * Writer thread only: waits until an item may have arrived, at most {@code nanos}.
   *
   * @param nanos longest wait
   */
  public void awaitItems(long nanos) {
    consumerWaiting = true;
    try {
      if (items.isEmpty()) {
        LockSupport.parkNanos(this, nanos);
      }
    } finally {
      consumerWaiting = false;
    }
  }

  /** Items queued or slots taken. */
  public int size() {
    return size.get();
  }

  /** Whether no item is queued. */
  public boolean isEmpty() {
    return items.isEmpty();
  }
}
