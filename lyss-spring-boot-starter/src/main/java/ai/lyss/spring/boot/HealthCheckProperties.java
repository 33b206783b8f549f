package ai.lyss.spring.boot;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One downstream check of {@code lyss.health.checks.<name>.*}: {@code type} with {@code url} (http,
 * redis, jdbc) or {@code host}/{@code port} (tcp, redis), and whether it is critical. These are
 * readiness checks: a dependency never belongs in liveness (lyss-health refuses it), so liveness
 * checks of the process's own state are registered with a {@code LyssHealthRegistryCustomizer}.
 */
public final class HealthCheckProperties {

  /** The kind of check. */
  public enum Type {
    /** GET the url and expect the expected status. */
    HTTP,
    /** Open a JDBC connection to the url, or to the application's DataSource when no url. */
    JDBC,
    /** PING a Redis server (redis:// or rediss:// url, or host and port). */
    REDIS,
    /** Open a TCP connection to host and port. */
    TCP
  }

  /** The kind of check: http, jdbc, redis or tcp. */
  private @Nullable Type type;

  /** URL of the dependency (http, jdbc, redis). */
  private @Nullable String url;

  /** Host (tcp, redis). */
  private @Nullable String host;

  /** Port (tcp, redis). */
  private int port;

  /** JDBC user or Redis ACL user. */
  private @Nullable String username;

  /** JDBC or Redis password. */
  private @Nullable String password;

  /** HTTP status the http check expects. */
  private int expectedStatus = 200;

  /** Whether a failure makes the report unhealthy. */
  private boolean critical = true;

  /** Timeout of this check; default lyss.health.default-timeout. */
  private @Nullable Duration timeout;

  /** The type, or {@code null} when not set. */
  public @Nullable Type getType() {
    return type;
  }

  /**
   * Sets the type.
   *
   * @param type the kind of check
   */
  public void setType(@Nullable Type type) {
    this.type = type;
  }

  /** The URL, or {@code null}. */
  public @Nullable String getUrl() {
    return url;
  }

  /**
   * Sets the URL.
   *
   * @param url for example {@code http://models:8080/health} or {@code redis://cache:6379}
   */
  public void setUrl(@Nullable String url) {
    this.url = url;
  }

  /** The host, or {@code null}. */
  public @Nullable String getHost() {
    return host;
  }

  /**
   * Sets the host.
   *
   * @param host a host name or address
   */
  public void setHost(@Nullable String host) {
    this.host = host;
  }

  /** The port, 0 when not set. */
  public int getPort() {
    return port;
  }

  /**
   * Sets the port.
   *
   * @param port 1 to 65535
   */
  public void setPort(int port) {
    this.port = Checks.between("lyss.health.checks.<name>.port", port, 1, 65_535);
  }

  /** The user name, or {@code null}. */
  public @Nullable String getUsername() {
    return username;
  }

  /**
   * Sets the user name.
   *
   * @param username JDBC user or Redis ACL user
   */
  public void setUsername(@Nullable String username) {
    this.username = username;
  }

  /** The password, or {@code null}. */
  public @Nullable String getPassword() {
    return password;
  }

  /**
   * Sets the password.
   *
   * @param password the password
   */
  public void setPassword(@Nullable String password) {
    this.password = password;
  }

  /** The status the http check expects. */
  public int getExpectedStatus() {
    return expectedStatus;
  }

  /**
   * Sets the status the http check expects.
   *
   * @param expectedStatus 100 to 599
   */
  public void setExpectedStatus(int expectedStatus) {
    this.expectedStatus =
        Checks.between("lyss.health.checks.<name>.expected-status", expectedStatus, 100, 599);
  }

  /** Whether the check is critical. */
  public boolean isCritical() {
    return critical;
  }

  /**
   * Sets whether the check is critical.
   *
   * @param critical the flag
   */
  public void setCritical(boolean critical) {
    this.critical = critical;
  }

  /** The timeout, or {@code null} for the default. */
  public @Nullable Duration getTimeout() {
    return timeout;
  }

  /**
   * Sets the timeout.
   *
   * @param timeout a positive duration
   */
  public void setTimeout(@Nullable Duration timeout) {
    this.timeout =
        timeout == null
            ? null
            : Checks.positive("lyss.health.checks.<name>.timeout", timeout, false);
  }
}
