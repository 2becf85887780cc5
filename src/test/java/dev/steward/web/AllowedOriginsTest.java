package dev.steward.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedOriginsTest {
  private final AllowedOrigins origins =
      AllowedOrigins.of(
          List.of("https://www.acme.example", "http://localhost:8080/", "https://*.shop.example"));

  @Test
  void configuredOrigin_isAllowed_whateverTheCaseOrDefaultPort() {
    assertThat(origins.allows("https://www.acme.example")).isTrue();
    assertThat(origins.allows("https://WWW.Acme.Example")).isTrue();
    assertThat(origins.allows("https://www.acme.example:443")).isTrue();
    assertThat(origins.allows("http://localhost:8080")).isTrue();
  }

  @Test
  void otherSchemePortOrHost_isNotAllowed() {
    assertThat(origins.allows("http://www.acme.example")).isFalse();
    assertThat(origins.allows("https://www.acme.example:8443")).isFalse();
    assertThat(origins.allows("https://acme.example")).isFalse();
    assertThat(origins.allows("https://www.acme.example.evil.example")).isFalse();
    assertThat(origins.allows("https://evilwww.acme.example")).isFalse();
    assertThat(origins.allows("http://localhost")).isFalse();
  }

  @Test
  void wildcard_allowsSubdomainsOnly() {
    assertThat(origins.allows("https://eu.shop.example")).isTrue();
    assertThat(origins.allows("https://a.b.shop.example")).isTrue();
    assertThat(origins.allows("https://shop.example")).isFalse();
    assertThat(origins.allows("https://evilshop.example")).isFalse();
  }

  @Test
  void opaqueOrMalformedOriginHeader_isNeverAllowed() {
    assertThat(origins.allows("null")).isFalse();
    assertThat(origins.allows("")).isFalse();
    assertThat(origins.allows("https://www.acme.example/")).isFalse();
    assertThat(origins.allows("https://www.acme.example/form")).isFalse();
    assertThat(origins.allows("https://user@www.acme.example")).isFalse();
    assertThat(origins.allows("file://")).isFalse();
    assertThat(origins.allows("https://*.shop.example")).isFalse();
    assertThat(origins.allows("https://www.acme.example https://evil.example")).isFalse();
  }

  @Test
  void noneConfigured_allowsNoOrigin() {
    assertThat(AllowedOrigins.of(List.of()).allows("https://www.acme.example")).isFalse();
  }

  @Test
  void configuredEntryThatIsNotAnOrigin_isRefusedNamingTheSettingAndTheEntry() {
    for (String entry :
        List.of(
            "www.acme.example",
            "*",
            "https://www.acme.example/contact",
            "ftp://files.acme.example",
            "https://")) {
      assertThatThrownBy(() -> new HttpSettings("127.0.0.1", 0, 16_384, 1, 1, List.of(entry)))
          .as(entry)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cors-origins")
          .hasMessageContaining("'" + entry + "'");
    }
  }
}
