package ai.lyss.health.checks;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.health.HealthCheckResult;
import ai.lyss.testing.RedisServer;
import ai.lyss.testing.RequiredTools;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rediss://} against a real redis-server with TLS and a self-signed certificate. */
class RedisTlsHealthCheckTest {

  private static final String PASSWORD = "tls-Redis-Secret-64";

  @TempDir static Path certs;

  private static RedisServer redis;
  private static SSLSocketFactory trusting;

  @BeforeAll
  static void start() throws Exception {
    Path openssl = RequiredTools.binary("openssl", "openssl"); // makes the test certificate
    Path cert = certs.resolve("cert.pem");
    Path key = certs.resolve("key.pem");
    Process p =
        new ProcessBuilder(
                List.of(
                    openssl.toString(),
                    "req",
                    "-x509",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-keyout",
                    key.toString(),
                    "-out",
                    cert.toString(),
                    "-days",
                    "1",
                    "-subj",
                    "/CN=127.0.0.1",
                    "-addext",
                    "subjectAltName=IP:127.0.0.1"))
            .redirectErrorStream(true)
            .redirectOutput(certs.resolve("openssl.log").toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(certs.resolve("openssl.log"))).isZero();
    redis = RedisServer.startTls(PASSWORD, cert, key);
    trusting = trusting(cert);
  }

  @AfterAll
  static void stop() {
    if (redis != null) {
      redis.close();
    }
  }

  private static SSLSocketFactory trusting(Path cert) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(cert)) {
      trust.setCertificateEntry(
          "redis", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context.getSocketFactory();
  }

  private static RedisHealthCheck.Builder rediss() {
    return RedisHealthCheck.builder(
            java.net.URI.create("rediss://:" + PASSWORD + "@127.0.0.1:" + redis.port()))
        .timeout(Duration.ofSeconds(5));
  }

  @Test
  void isHealthyOverTlsWithATrustedCertificate() {
    HealthCheckResult r = rediss().sslSocketFactory(trusting).build().check();

    assertThat(r.isHealthy()).as("%s", r).isTrue();
  }

  @Test
  void anUntrustedCertificateIsUnhealthyWithoutThePassword() {
    HealthCheckResult r = rediss().build().check();

    assertThat(r.error()).startsWith("SSLHandshakeException").doesNotContain(PASSWORD);
  }

  @Test
  void plainTextToATlsPortIsUnhealthy() {
    HealthCheckResult r =
        RedisHealthCheck.builder("127.0.0.1", redis.port())
            .password(PASSWORD)
            .timeout(Duration.ofSeconds(2))
            .build()
            .check();

    assertThat(r.isHealthy()).isFalse();
    assertThat(r.error()).doesNotContain(PASSWORD);
  }
}
