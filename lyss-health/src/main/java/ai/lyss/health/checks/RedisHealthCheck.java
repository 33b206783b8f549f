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
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * Healthy when Redis answers {@code PING} with {@code PONG}. Speaks RESP over a plain socket (or
 * TLS for {@code rediss://}) with connect and read timeouts; authenticates with {@code AUTH
 * password} or, for an ACL user, {@code AUTH user password}. A server still loading its dataset
 * ({@code -LOADING}) is reported unhealthy, because it cannot serve yet.
 */
public final class RedisHealthCheck implements HealthCheck, DownstreamCheck {

  private final String host;
  private final int port;
  private final @Nullable String username;
  private final @Nullable String password;
  private final boolean tls;
  private final @Nullable SSLSocketFactory sslSocketFactory;
  private final Duration timeout;

  private RedisHealthCheck(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.username = b.username;
    this.password = b.password;
    this.tls = b.tls;
    this.sslSocketFactory = b.sslSocketFactory;
    this.timeout = b.timeout;
  }

  /**
   * A check from a URL: {@code redis://[[user]:password@]host[:port][/db]}, or {@code rediss://}
   * for TLS. The port defaults to 6379; the database number is ignored ({@code PING} needs none).
   *
   * @param url the URL
   */
  public static RedisHealthCheck of(URI url) {
    return builder(url).build();
  }

  /**
   * A builder preset from a URL (see {@link #of(URI)}).
   *
   * @param url the URL
   */
  public static Builder builder(URI url) {
    requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("redis") && !scheme.equals("rediss") || url.getHost() == null) {
      throw new IllegalArgumentException(
          "redis url must look like redis://[user:password@]host[:port] or rediss://... for TLS");
    }
    Builder b = builder(url.getHost(), url.getPort() < 0 ? 6379 : url.getPort());
    b.tls = scheme.equals("rediss");
    String userInfo = url.getUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      if (colon < 0) {
        // redis://user@host: an ACL user whose password is set on the builder.
        b.username(userInfo);
      } else {
        String user = userInfo.substring(0, colon);
        b.password(userInfo.substring(colon + 1));
        if (!user.isEmpty()) {
          b.username(user);
        }
      }
    }
    return b;
  }

  /**
   * A builder for {@code host:port} without authentication or TLS.
   *
   * @param host host name or address
   * @param port port, 1-65535
   */
  public static Builder builder(String host, int port) {
    return new Builder(host, port);
  }

  @Override
  public HealthCheckResult check() {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Socket raw = new Socket()) {
      CancelScope.closeOnCancel(raw);
      raw.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      raw.setSoTimeout(remainingMillis(deadline));
      Socket socket = raw;
      if (tls) {
        SSLSocketFactory factory =
            sslSocketFactory != null
                ? sslSocketFactory
                : (SSLSocketFactory) SSLSocketFactory.getDefault();
        SSLSocket ssl = (SSLSocket) factory.createSocket(raw, host, port, true);
        CancelScope.closeOnCancel(ssl);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(params);
        ssl.startHandshake();
        socket = ssl;
      }
      RespConnection resp = new RespConnection(socket, deadline);
      return ping(resp);
    } catch (SocketTimeoutException e) {
      return CheckSupport.timeout(timeout);
    } catch (IOException e) {
      return CheckSupport.failure(e, secrets());
    }
  }

  private HealthCheckResult ping(RespConnection resp) throws IOException {
    // AUTH and PING are pipelined: one round trip.
    if (password != null) {
      resp.send(username == null ? List.of("AUTH", password) : List.of("AUTH", username, password));
    }
    resp.send(List.of("PING"));
    resp.flush();
    if (password != null) {
      String auth = resp.readLine();
      if (auth.startsWith("-")) {
        return HealthCheckResult.unhealthy(describeError(auth));
      }
    }
    String pong = resp.readLine();
    if (pong.equals("+PONG")) {
      return HealthCheckResult.healthy();
    }
    if (pong.startsWith("-")) {
      return HealthCheckResult.unhealthy(describeError(pong));
    }
    return HealthCheckResult.unhealthy("unexpected reply to PING (not a Redis server?)");
  }

  private static String describeError(String line) {
    String code = line.substring(1).split(" ", 2)[0].toUpperCase(Locale.ROOT);
    switch (code) {
      case "LOADING":
        return "redis is loading its dataset (LOADING): not ready";
      case "NOAUTH":
        return "redis requires authentication (NOAUTH): set a password";
      case "WRONGPASS":
        return "redis authentication failed (WRONGPASS)";
      case "MASTERDOWN":
        return "redis replica has lost its master (MASTERDOWN)";
      case "BUSY":
        return "redis is busy running a script (BUSY)";
      default:
        // Redis error texts echo no arguments, but keep them short and generic anyway.
        return "redis error " + code;
    }
  }

  private List<String> secrets() {
    List<String> secrets = new ArrayList<>();
    if (password != null) {
      secrets.add(password);
    }
    return secrets;
  }

  static int remainingMillis(long deadlineNanos) throws SocketTimeoutException {
    long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000;
    if (remaining <= 0) {
      throw new SocketTimeoutException("deadline reached");
    }
    return (int) Math.min(Integer.MAX_VALUE, remaining);
  }

  @Override
  public String toString() {
    return "RedisHealthCheck{" + (tls ? "rediss://" : "redis://") + host + ':' + port + '}';
  }

  /** Settings of a {@link RedisHealthCheck}. */
  public static final class Builder {
    private final String host;
    private final int port;
    private @Nullable String username;
    private @Nullable String password;
    private boolean tls;
    private @Nullable SSLSocketFactory sslSocketFactory;
    private Duration timeout = CheckSupport.DEFAULT_TIMEOUT;

    private Builder(String host, int port) {
      requireNonNull(host, "host");
      if (host.isBlank()) {
        throw new IllegalArgumentException("host must not be blank");
      }
      this.host = host;
      this.port = CheckSupport.port(port);
    }

    /**
     * ACL user name, sent as {@code AUTH user password} (Redis 6+).
     *
     * @param username the user
     */
    public Builder username(String username) {
      this.username = requireNonNull(username, "username");
      return this;
    }

    /**
     * Password ({@code requirepass} or the ACL user's).
     *
     * @param password the password; never appears in error texts
     */
    public Builder password(String password) {
      this.password = requireNonNull(password, "password");
      return this;
    }

    /**
     * Whether to speak TLS (default false; true for {@code rediss://}).
     *
     * @param tls true for TLS
     */
    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    /**
     * The TLS socket factory, for a private CA (default: the JDK's default). Implies TLS.
     *
     * @param factory the factory
     */
    public Builder sslSocketFactory(SSLSocketFactory factory) {
      this.sslSocketFactory = requireNonNull(factory, "sslSocketFactory");
      this.tls = true;
      return this;
    }

    /**
     * Timeout of connect, TLS handshake, AUTH and PING together (default 5 s).
     *
     * @param timeout positive duration
     */
    public Builder timeout(Duration timeout) {
      this.timeout = CheckSupport.positive(timeout, "timeout");
      return this;
    }

    /** Builds the check. */
    public RedisHealthCheck build() {
      if (username != null && password == null) {
        throw new IllegalArgumentException(
            "redis username is set without a password: set both for an ACL user");
      }
      return new RedisHealthCheck(this);
    }
  }
}
