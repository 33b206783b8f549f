package ai.lyss.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.RequiredTools;
import ai.lyss.tracing.jdbc.TracingDataSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** JDBC spans against a real PostgreSQL server; skipped when PostgreSQL is not installed. */
class PostgresJdbcTracingTest {

  private static Path dataDir;
  private static Process postgres;
  private static int port;

  private static Optional<Path> postgresBin() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.naturalOrder());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static List<String> asPostgresUser(String... command) {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(Arrays.asList(command));
    return full;
  }

  @BeforeAll
  static void startPostgres() throws Exception {
    Optional<Path> bin = postgresBin();
    RequiredTools.available(
        bin.isPresent(),
        "PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb)",
        "apt-get install postgresql");
    dataDir = Files.createTempDirectory("lyss-tracing-pg");
    if (isRoot()) {
      Process chown = new ProcessBuilder("chown", "-R", "postgres", dataDir.toString()).start();
      assertThat(chown.waitFor()).isZero();
    }
    Process initdb =
        new ProcessBuilder(
                asPostgresUser(
                    bin.get().resolve("initdb").toString(),
                    "-D",
                    dataDir.resolve("data").toString(),
                    "-A",
                    "trust",
                    "-U",
                    "postgres"))
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("initdb.log").toFile())
            .start();
    assertThat(initdb.waitFor()).as("initdb, see " + dataDir + "/initdb.log").isZero();
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    postgres =
        new ProcessBuilder(
                asPostgresUser(
                    bin.get().resolve("postgres").toString(),
                    "-D",
                    dataDir.resolve("data").toString(),
                    "-p",
                    Integer.toString(port),
                    "-k",
                    dataDir.toString(),
                    "-c",
                    "listen_addresses=127.0.0.1"))
            .redirectErrorStream(true)
            .redirectOutput(new File(dataDir.toFile(), "postgres.log"))
            .start();
    Await.until(
        "PostgreSQL accepting connections",
        Duration.ofSeconds(60),
        () -> {
          try (Connection c = DriverManager.getConnection(url(), "postgres", "")) {
            return c.isValid(5);
          } catch (Exception e) {
            return false;
          }
        });
  }

  private static String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.destroy();
      postgres.onExit().get();
    }
    if (dataDir != null) {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @Test
  void preparedStatementGivesASanitisedClientSpanWithoutParameters() throws Exception {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    try (LyssTracing tracing = TestTracing.start(spans)) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(url());
      pg.setUser("postgres");
      try (Connection c = TracingDataSource.wrap(pg, tracing).getConnection();
          PreparedStatement ps =
              c.prepareStatement("SELECT 'secret-literal' AS k, ?::int + 1 AS v")) {
        ps.setInt(1, 41);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt("v")).isEqualTo(42);
        }
      }
      List<SpanData> client =
          spans.getFinishedSpanItems().stream()
              .filter(s -> s.getKind() == SpanKind.CLIENT)
              .toList();
      assertThat(client).hasSize(1);
      var attributes = client.get(0).getAttributes();
      assertThat(attributes.get(AttributeKey.stringKey("db.system"))).isEqualTo("postgresql");
      assertThat(attributes.get(AttributeKey.stringKey("db.statement")))
          .isEqualTo("SELECT ? AS k, ?::int + ? AS v");
      assertThat(attributes.asMap().values().toString())
          .doesNotContain("secret-literal")
          .doesNotContain("41");
    }
  }
}
