package ai.lyss.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventQueueTest {

  @Test
  void ordinaryEventsStopAtTheirLimitAndReservedOnesMayUseTheReserve() {
    EventQueue queue = new EventQueue(2, 1);

    assertThat(queue.tryReserve(false)).isTrue();
    assertThat(queue.tryReserve(false)).isTrue();
    assertThat(queue.tryReserve(false)).isFalse();
    assertThat(queue.tryReserve(true)).isTrue();
    assertThat(queue.tryReserve(true)).isFalse();
    assertThat(queue.size()).isEqualTo(3);
  }

  @Test
  void aReleasedSlotCanBeTakenAgain() {
    EventQueue queue = new EventQueue(1, 1);
    assertThat(queue.tryReserve(false)).isTrue();

    queue.release();

    assertThat(queue.tryReserve(false)).isTrue();
  }

  @Test
  void drainingFreesSlotsAndKeepsTheOrder() {
    EventQueue queue = new EventQueue(3, 0);
    for (String item : List.of("a", "b", "c")) {
      assertThat(queue.tryReserve(false)).isTrue();
      queue.add(item);
    }
    List<Object> batch = new ArrayList<>();

    assertThat(queue.drainTo(batch, 2)).isEqualTo(2);
    assertThat(batch).containsExactly("a", "b");
    assertThat(queue.size()).isEqualTo(1);
    assertThat(queue.tryReserve(false)).isTrue();
  }

  @Test
  void aWaitingConsumerIsWokenByTheNextItem() throws InterruptedException {
    EventQueue queue = new EventQueue(8, 0);
    CountDownLatch waiting = new CountDownLatch(1);
    CountDownLatch woke = new CountDownLatch(1);
    Thread consumer =
        new Thread(
            () -> {
              waiting.countDown();
              long start = System.nanoTime();
              while (queue.isEmpty() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60)) {
                queue.awaitItems(TimeUnit.SECONDS.toNanos(60));
              }
              woke.countDown();
            });
    queue.consumer(consumer);
    consumer.start();
    assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (consumer.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(consumer.getState())
        .as("consumer parked in awaitItems")
        .isEqualTo(Thread.State.TIMED_WAITING);

    assertThat(queue.tryReserve(false)).isTrue();
    queue.add("event");

    // Without the wake-up the consumer would sleep for its whole 60 s wait.
    assertThat(woke.await(30, TimeUnit.SECONDS)).isTrue();
    consumer.join(TimeUnit.SECONDS.toMillis(30));
  }
}
