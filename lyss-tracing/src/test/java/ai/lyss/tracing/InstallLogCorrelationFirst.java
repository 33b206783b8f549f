package ai.lyss.tracing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs the MDC bridge before any test touches OpenTelemetry's context, as a service does at the
 * start of {@code main}.
 */
public final class InstallLogCorrelationFirst implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    LogCorrelation.install();
  }
}
