package ai.lyss.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-pass sensitive-word scan finds exactly what a search for each word finds. */
class SensitiveWordScanTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:18080/hello",
        "https://gw/v1/chat?api_key=abc",
        "PASSWORD=x",
        "db_Pwd: y",
        "x-Session-Id=1",
        "refresh_TOKEN",
        "Credentials: z",
        "jwt",
        "SeCrEt",
        "\u212Aey=1", // the Kelvin sign folds to k, as String.regionMatches(true, ...) does
        "passwor",
        "tok",
        "k",
        "",
        "cache=hit; sessio"
      })
  void findsAWordExactlyWhenASearchPerWordDoes(String text) {
    boolean perWord =
        SecretRules.SENSITIVE_WORDS.stream()
            .anyMatch(
                word -> {
                  for (int i = 0; i + word.length() <= text.length(); i++) {
                    if (text.regionMatches(true, i, word, 0, word.length())) {
                      return true;
                    }
                  }
                  return false;
                });

    assertThat(SecretRules.containsSensitiveWord(text)).isEqualTo(perWord);
  }

  @ParameterizedTest
  @ValueSource(strings = {"pass", "pwd", "secret", "key", "token", "session", "credential", "jwt"})
  void findsEveryWordInAnyCase(String word) {
    assertThat(SecretRules.containsSensitiveWord("a=" + word.toUpperCase(Locale.ROOT))).isTrue();
    assertThat(SecretRules.containsSensitiveWord("x:" + word)).isTrue();
  }
}
