package dev.steward.onetime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.onetime.OneTimeSecret.Form;
import dev.steward.onetime.OneTimeSecret.Stored;
import dev.steward.onetime.OneTimeSecret.Verdict;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class OneTimeSecretTest {
  private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
  private static final OneTimeSecret CODES =
      new OneTimeSecret(
          Form.CODE, Duration.ofMinutes(15), 5, (scope, value) -> scope + "#" + value);
  private static final OneTimeSecret TOKENS =
      new OneTimeSecret(Form.TOKEN, Duration.ofDays(30), 5, (scope, value) -> scope + "#" + value);

  private static Stored stored(OneTimeSecret rules, String secret, int attempts, Instant usedAt) {
    return new Stored(rules.hash("r-1", secret), rules.expiresAt(NOW), attempts, usedAt);
  }

  @Property(tries = 200)
  void aSecret_isRightForItsScope_andWrongForAnyOtherScopeOrText(
      @ForAll @StringLength(min = 1, max = 40) String other) {
    String secret = CODES.next();
    Stored row = stored(CODES, secret, 0, null);
    assertThat(CODES.judge(row, "r-1", secret, NOW)).isEqualTo(Verdict.RIGHT);
    assertThat(CODES.judge(row, "r-2", secret, NOW)).isEqualTo(Verdict.WRONG);
    if (!other.strip().equals(secret)) {
      assertThat(CODES.judge(row, "r-1", other, NOW)).isEqualTo(Verdict.WRONG);
    }
  }

  @Test
  void codes_areSixDigits_andTokens26LettersRead_withoutCaseOrSpaces() {
    assertThat(CODES.next()).matches("[0-9]{6}");
    String token = TOKENS.next();
    assertThat(token).matches("[A-Z2-9]{26}");
    Stored row = stored(TOKENS, token, 0, null);
    assertThat(TOKENS.judge(row, "r-1", " " + token.toLowerCase() + " ", NOW))
        .isEqualTo(Verdict.RIGHT);
  }

  @Test
  void aSecret_usedExpiredOrLocked_isJudgedSo_beforeItsValueCounts() {
    String secret = CODES.next();
    assertThat(CODES.judge(stored(CODES, secret, 0, NOW), "r-1", secret, NOW))
        .isEqualTo(Verdict.USED);
    assertThat(
            CODES.judge(
                stored(CODES, secret, 0, null), "r-1", secret, NOW.plus(Duration.ofMinutes(15))))
        .isEqualTo(Verdict.EXPIRED);
    assertThat(CODES.judge(stored(CODES, secret, 5, null), "r-1", secret, NOW))
        .isEqualTo(Verdict.LOCKED);
    assertThat(CODES.explain(Verdict.WRONG, stored(CODES, secret, 3, null), "code"))
        .isEqualTo("the code is not right; 1 attempt left");
  }
}
