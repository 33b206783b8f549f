package ai.lyss.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineBatchingOutputStreamTest {

  /** Records every write the wrapped stream makes, one entry per call. */
  private static final class RecordingStream extends OutputStream {
    final List<String> writes = new ArrayList<>();
    int flushes;
    boolean closed;

    @Override
    public void write(int b) {
      writes.add(String.valueOf((char) b));
    }

    @Override
    public void write(byte[] b, int off, int len) {
      writes.add(new String(b, off, len, StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {
      flushes++;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private static byte[] line(String text) {
    return (text + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void linesAreHeldUntilFlushAndThenWrittenInOneCall() throws IOException {
    RecordingStream target = new RecordingStream();
    LineBatchingOutputStream out = new LineBatchingOutputStream(target, 1024);

    out.write(line("a"));
    out.write(line("b"));
    out.write(line("c"));
    assertThat(target.writes).isEmpty();
    assertThat(out.pending()).isEqualTo(6);

    out.flush();
    assertThat(target.writes).containsExactly("a\nb\nc\n");
    assertThat(target.flushes).isEqualTo(1);
    assertThat(out.pending()).isZero();
  }

  @Test
  void aLineThatDoesNotFitWritesTheBufferFirstAndIsNeverSplit() throws IOException {
    RecordingStream target = new RecordingStream();
    LineBatchingOutputStream out = new LineBatchingOutputStream(target, 8);

    out.write(line("12345"));
    out.write(line("abcde"));
    out.flush();

    assertThat(target.writes).containsExactly("12345\n", "abcde\n");
  }

  @Test
  void aLineLargerThanTheBufferGoesStraightThroughAfterThePendingLines() throws IOException {
    RecordingStream target = new RecordingStream();
    LineBatchingOutputStream out = new LineBatchingOutputStream(target, 8);

    out.write(line("ab"));
    out.write(line("a line much longer than eight bytes"));

    assertThat(target.writes).containsExactly("ab\n", "a line much longer than eight bytes\n");
    assertThat(out.pending()).isZero();
  }

  @Test
  void closeWritesWhatIsPendingThenClosesTheTarget() throws IOException {
    RecordingStream target = new RecordingStream();
    LineBatchingOutputStream out = new LineBatchingOutputStream(target, 64);
    out.write(line("last words"));

    out.close();

    assertThat(target.writes).containsExactly("last words\n");
    assertThat(target.closed).isTrue();
  }

  @Test
  void aFailedTargetWriteDoesNotRepeatTheBatchOnTheNextFlush() throws IOException {
    ByteArrayOutputStream good = new ByteArrayOutputStream();
    boolean[] fail = {true};
    OutputStream flaky =
        new OutputStream() {
          @Override
          public void write(int b) {
            good.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            if (fail[0]) {
              throw new IOException("disk full");
            }
            good.write(b, off, len);
          }
        };
    LineBatchingOutputStream out = new LineBatchingOutputStream(flaky, 64);
    out.write(line("lost"));
    assertThatThrownBy(out::flush).isInstanceOf(IOException.class);

    fail[0] = false;
    out.write(line("next"));
    out.flush();

    assertThat(good.toString(StandardCharsets.UTF_8)).isEqualTo("next\n");
  }

  @Test
  void capacityMustBePositive() {
    assertThatThrownBy(() -> new LineBatchingOutputStream(new ByteArrayOutputStream(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity");
  }
}
