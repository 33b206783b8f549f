package ai.lyss.logging;

import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * SLF4J markers that turn an event into an {@code AUDIT} or {@code SECURITY} line. {@link
 * StructuredLogger} sets them; plain SLF4J code may set them too. Events carrying them are never
 * dropped by {@link LyssAsyncAppender}, and the shipped Logback configuration lets them through
 * whatever the logger's level.
 */
public final class LyssMarkers {

  /** The name of the {@link #AUDIT} marker (a constant: reading it loads no SLF4J class). */
  public static final String AUDIT_NAME = "AUDIT";

  /** The name of the {@link #SECURITY} marker (a constant: reading it loads no SLF4J class). */
  public static final String SECURITY_NAME = "SECURITY";

  /** Marks an audit event ({@code level:"AUDIT"}). */
  public static final Marker AUDIT = MarkerFactory.getMarker(AUDIT_NAME);

  /** Marks a security event ({@code level:"SECURITY"}). */
  public static final Marker SECURITY = MarkerFactory.getMarker(SECURITY_NAME);

  private LyssMarkers() {}
}
