package ai.lyss.health.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One in-process run of the probe: exit code and captured output. */
record ProbeRun(int exitCode, String out, String err) {

  static ProbeRun run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        HealthProbe.run(
            args,
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new ProbeRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static ProbeRun run(String... args) {
    return run(Map.of(), args);
  }

  JsonNode json() {
    return JsonMapper.builder().build().readTree(out);
  }

  /** The status of one service in the printed report. */
  String status(String service) {
    for (JsonNode s : json().get("services")) {
      if (s.get("service").asString().equals(service)) {
        return s.get("status").asString();
      }
    }
    throw new AssertionError("no service " + service + " in " + out);
  }

  String error(String service) {
    for (JsonNode s : json().get("services")) {
      if (s.get("service").asString().equals(service)) {
        return s.path("error").asString();
      }
    }
    throw new AssertionError("no service " + service + " in " + out);
  }
}
