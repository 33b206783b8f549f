package ai.lyss.tracing.internal;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Turns the sampling settings into a {@link Sampler}, validating them. */
public final class SamplerConfig {

  private SamplerConfig() {}

  /**
   * The builder's ratio when set, else {@code OTEL_TRACES_SAMPLER(_ARG)}, else always on (parent
   * based).
   *
   * @param ratio the explicit ratio, or {@code null}
   * @param env the environment
   */
  public static Sampler resolve(@Nullable Double ratio, OtelEnvironment env) {
    if (ratio != null) {
      return Sampler.parentBased(Sampler.traceIdRatioBased(checkRatio(ratio, "samplingRatio")));
    }
    String name = env.get(OtelEnvironment.TRACES_SAMPLER);
    if (name == null) {
      return Sampler.parentBased(Sampler.alwaysOn());
    }
    switch (name.toLowerCase(Locale.ROOT)) {
      case "always_on":
        return Sampler.alwaysOn();
      case "always_off":
        return Sampler.alwaysOff();
      case "traceidratio":
        return Sampler.traceIdRatioBased(envRatio(env));
      case "parentbased_always_on":
        return Sampler.parentBased(Sampler.alwaysOn());
      case "parentbased_always_off":
        return Sampler.parentBased(Sampler.alwaysOff());
      case "parentbased_traceidratio":
        return Sampler.parentBased(Sampler.traceIdRatioBased(envRatio(env)));
      default:
        throw new IllegalArgumentException(
            OtelEnvironment.TRACES_SAMPLER
                + "="
                + name
                + " is not supported: use always_on, always_off, traceidratio,"
                + " parentbased_always_on, parentbased_always_off or parentbased_traceidratio");
    }
  }

  private static double envRatio(OtelEnvironment env) {
    String arg = env.get(OtelEnvironment.TRACES_SAMPLER_ARG);
    if (arg == null) {
      return 1.0;
    }
    try {
      return checkRatio(Double.parseDouble(arg), OtelEnvironment.TRACES_SAMPLER_ARG);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          OtelEnvironment.TRACES_SAMPLER_ARG + "=" + arg + " is not a number: use 0.0 to 1.0", e);
    }
  }

  /**
   * Returns {@code ratio} when it lies in [0, 1], else throws naming {@code setting}.
   *
   * @param ratio the ratio
   * @param setting the name of the setting, for the message
   */
  public static double checkRatio(double ratio, String setting) {
    if (!(ratio >= 0.0 && ratio <= 1.0)) {
      throw new IllegalArgumentException(
          setting + " must be between 0.0 and 1.0 (the fraction of traces kept), was " + ratio);
    }
    return ratio;
  }
}
