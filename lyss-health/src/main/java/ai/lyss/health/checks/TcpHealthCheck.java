package ai.lyss.health.checks;

import static java.util.Objects.requireNonNull;

import ai.lyss.health.HealthCheck;
import ai.lyss.health.HealthCheckResult;
import ai.lyss.health.internal.CancelScope;
import ai.lyss.health.internal.DownstreamCheck;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;

/** Healthy when a TCP connection to {@code host:port} opens within the timeout. */
public final class TcpHealthCheck implements HealthCheck, DownstreamCheck {

  private final String host;
  private final int port;
  private final Duration timeout;

  private TcpHealthCheck(String host, int port, Duration timeout) {
    this.host = host;
    this.port = port;
    this.timeout = timeout;
  }

  /**
   * A check of {@code host:port} with the default 5 s connect timeout.
   *
   * @param host host name or address
   * @param port port, 1-65535
   */
  public static TcpHealthCheck of(String host, int port) {
    requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    return new TcpHealthCheck(host, CheckSupport.port(port), CheckSupport.DEFAULT_TIMEOUT);
  }

  /**
   * This check with another connect timeout.
   *
   * @param timeout positive duration
   */
  public TcpHealthCheck withTimeout(Duration timeout) {
    return new TcpHealthCheck(host, port, CheckSupport.positive(timeout, "timeout"));
  }

  @Override
  public HealthCheckResult check() {
    try (Socket socket = new Socket()) {
      CancelScope.closeOnCancel(socket);
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      return HealthCheckResult.healthy();
    } catch (SocketTimeoutException e) {
      return CheckSupport.timeout(timeout);
    } catch (IOException e) {
      return CheckSupport.failure(e, List.of());
    }
  }

  @Override
  public String toString() {
    return "TcpHealthCheck{" + host + ':' + port + '}';
  }
}
