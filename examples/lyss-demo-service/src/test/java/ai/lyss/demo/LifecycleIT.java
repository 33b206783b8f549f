package ai.lyss.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.Poll;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Start-up, configuration errors and shutdown of the real process. */
class LifecycleIT {

  @Test
  void firstLogLineNamesTheActualPortAndWhereToLook() {
    try (DemoProcess demo = DemoProcess.start(List.of(), Map.of())) {
      String first = demo.stdout().get(0);

      assertThat(first)
          .contains("listening on http://127.0.0.1:" + demo.port())
          .contains("/metrics")
          .contains("/health")
          .contains("/debug/traces");
    }
  }

  @Test
  void sigtermStopsCleanlyWithoutStackTraces() {
    DemoProcess demo = DemoProcess.start(List.of("--traffic", "--traffic-rate", "20"), Map.of());
    Poll.until(
        "generated traffic to reach the service",
        Duration.ofSeconds(60),
        () ->
            demo.stdout().stream()
                .anyMatch(l -> l.contains("Request completed") || l.contains("Unhandled error")));

    int exit = demo.terminate();

    assertThat(exit).as("exit code; stdout %s", demo.stdout()).isIn(0, 143);
    List<String> out = demo.stdout();
    int stopping = indexOf(out, "Lyss demo service stopping");
    assertThat(stopping).as("shutdown log line in %s", out).isNotNegative();
    List<String> shutdown = out.subList(stopping, out.size());
    assertThat(shutdown).last().asString().contains("Lyss demo service stopped");
    assertThat(shutdown).noneMatch(l -> l.contains("\tat ") || l.contains("Exception"));
    assertThat(demo.stderr()).noneMatch(l -> l.contains("\tat ") || l.contains("Exception"));
  }

  private static int indexOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void invalidSettingExitsWith2AndNamesTheSetting() {
    DemoProcess demo = DemoProcess.launch(List.of("--provider-failure-rate", "2"), Map.of());

    assertThat(demo.awaitExit()).isEqualTo(2);
    assertThat(String.join("\n", demo.stderr()))
        .contains("--provider-failure-rate")
        .contains("LYSS_PROVIDER_FAILURE_RATE")
        .contains("from 0 to 1");
  }

  @Test
  void invalidEnvironmentVariableExitsWith2AndNamesIt() {
    DemoProcess demo = DemoProcess.launch(List.of(), Map.of("LYSS_QUOTA", "many"));

    assertThat(demo.awaitExit()).isEqualTo(2);
    assertThat(String.join("\n", demo.stderr())).contains("LYSS_QUOTA").contains("'many'");
  }

  @Test
  void portInUseExitsWith1AndSaysHowToFixIt() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      DemoProcess demo =
          DemoProcess.launch(List.of("--port", Integer.toString(taken.getLocalPort())), Map.of());

      assertThat(demo.awaitExit()).isEqualTo(1);
      assertThat(String.join("\n", demo.stderr())).contains("--port 0");
    }
  }
}
