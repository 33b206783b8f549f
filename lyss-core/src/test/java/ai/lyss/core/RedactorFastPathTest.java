package ai.lyss.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.core.internal.SecretRules;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RedactorFastPathTest {

  private final Redactor redactor = Redactor.defaults();

  @Test
  void textWithoutAnyTriggerIsReturnedAsTheSameInstance() {
    String path = "/v1/chat/completions";

    assertThat(SecretRules.triggers(path)).isZero();
    assertThat(redactor.redact(path)).isSameAs(path);
  }

  @Test
  void separatorsWithoutASensitiveWordLeaveTheTextAlone() {
    String url = "http://127.0.0.1:18080/hello?page=2&size=10";

    assertThat(redactor.redact(url)).isSameAs(url);
  }

  @Test
  void aSensitiveWordInAnyCaseNextToASeparatorIsStillMasked() {
    assertThat(redactor.redact("login with PassWord=hunter2 ok"))
        .isEqualTo("login with PassWord=[REDACTED] ok");
    assertThat(redactor.redact("{\"refresh_token\":\"abc123def\"}"))
        .isEqualTo("{\"refresh_token\":\"[REDACTED]\"}");
  }

  @Test
  void eachBuiltInShapeIsFoundBehindItsTrigger() {
    assertThat(redactor.redact("key sk-proj-abcdefghijklmnopqrst")).contains(Redactor.MASK);
    assertThat(redactor.redact("Authorization Bearer abcdefgh12345678")).contains(Redactor.MASK);
    assertThat(redactor.redact("id AKIAABCDEFGHIJKLMNOP here")).contains(Redactor.MASK);
    assertThat(redactor.redact("slack xoxb-1234567890-abcdef")).contains(Redactor.MASK);
    assertThat(redactor.redact("postgres://app:s3cret@db:5432/x")).contains(Redactor.MASK);
  }

  @Test
  void extraPatternsRunEvenWhenNoBuiltInTriggerIsPresent() {
    Redactor custom = Redactor.create(Set.of(), List.of(Pattern.compile("LYSS[0-9]{6}")));

    assertThat(custom.redact("customer LYSS123456 called")).isEqualTo("customer [REDACTED] called");
  }

  @Test
  void everyGitHubTokenPrefixIsMaskedBehindItsNarrowerPrecheck() {
    String body = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";

    assertThat(List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_11AB_"))
        .allSatisfy(
            prefix ->
                assertThat(redactor.redact("token " + prefix + body))
                    .isEqualTo("token " + Redactor.MASK));
  }

  @Test
  void underscoreIdsAreLeftAlone() {
    String path = "/v1/conversations/conv_01HXZ4Q8J5KABCDEFGHIJKLMNOPQRSTU";

    assertThat(redactor.redact(path)).isSameAs(path);
  }
}
