package ai.lyss.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class LabelValuesTest {

  @Test
  void cleanShortValueIsReturnedAsTheSameInstance() {
    String value = "tenant-a";

    assertThat(LabelValues.sanitize(value)).isSameAs(value);
  }

  @Test
  void missingValuesBecomeUnknown() {
    assertThat(LabelValues.sanitize(null)).isEqualTo("unknown");
    assertThat(LabelValues.sanitize("")).isEqualTo("unknown");
    assertThat(LabelValues.sanitize(" \t\r\n ")).isEqualTo("unknown");
  }

  @Test
  void controlCharactersAndLineSeparatorsAreRemoved() {
    assertThat(LabelValues.sanitize("a\nb\rc\td\u0000e\u2028f\u0085g")).isEqualTo("abcdefg");
  }

  @Test
  void quotesAndBackslashesAreKeptForTheExpositionFormatToEscape() {
    assertThat(LabelValues.sanitize("he said \"hi\" \\o/")).isEqualTo("he said \"hi\" \\o/");
  }

  @Test
  void longValuesAreCapped() {
    assertThat(LabelValues.sanitize("x".repeat(10_240))).hasSize(LabelValues.DEFAULT_MAX_LENGTH);
    assertThat(LabelValues.sanitize("abcdef", 3)).isEqualTo("abc");
  }

  @Test
  void capNeverSplitsASurrogatePair() {
    String emoji = "\uD83D\uDE00"; // one code point, two chars

    assertThat(LabelValues.sanitize("ab" + emoji, 3)).isEqualTo("ab");
    assertThat(LabelValues.sanitize("ab" + emoji, 4)).isEqualTo("ab" + emoji);
  }

  @Test
  void unpairedSurrogatesAreDropped() {
    assertThat(LabelValues.sanitize("a\uD800b\uDC00c")).isEqualTo("abc");
  }

  @Test
  void capBelowOneIsAConfigurationError() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LabelValues.sanitize("x", 0))
        .withMessageContaining("maxLength");
  }
}
