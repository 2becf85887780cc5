package dev.steward.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientOriginTest {
  private static final TrustedProxies PROXIES =
      TrustedProxies.of(List.of("10.0.0.0/8", "192.0.2.1", "fd00::/8"));

  private static ClientOrigin resolve(
      String peer, String forwarded, String forwardedFor, String proto) {
    return ClientOrigin.resolve(peer, "http", forwarded, forwardedFor, proto, PROXIES);
  }

  @Test
  void headers_fromAPeerNotTrusted_areIgnored() {
    ClientOrigin origin =
        resolve("198.51.100.9", "for=203.0.113.5;proto=https", "203.0.113.6", "https");

    assertThat(origin).isEqualTo(new ClientOrigin("198.51.100.9", "http"));
  }

  @Test
  void forwarded_fromATrustedProxy_namesTheClientAndScheme() {
    ClientOrigin origin = resolve("10.1.2.3", "for=203.0.113.5;proto=https", null, null);

    assertThat(origin).isEqualTo(new ClientOrigin("203.0.113.5", "https"));
  }

  @Test
  void forwarded_throughTwoTrustedProxies_isReadFromTheRight() {
    ClientOrigin origin =
        resolve(
            "10.1.2.3",
            "for=198.51.100.1, for=\"203.0.113.5:4711\";proto=https, for=192.0.2.1",
            null,
            null);

    // 198.51.100.1 was written by the client itself; the first untrusted hop from the right wins.
    assertThat(origin).isEqualTo(new ClientOrigin("203.0.113.5", "https"));
  }

  @Test
  void forwarded_withAnIpv6ClientInBrackets_isUnderstood() {
    ClientOrigin origin = resolve("fd00::1", "For=\"[2001:db8:cafe::17]:4711\"", null, null);

    assertThat(origin.address()).isEqualTo("2001:db8:cafe::17");
  }

  @Test
  void forwarded_withAHiddenClient_stopsAtTheProxyThatReportedIt() {
    ClientOrigin origin = resolve("10.1.2.3", "for=unknown, for=192.0.2.1", null, null);

    assertThat(origin.address()).isEqualTo("192.0.2.1");
  }

  @Test
  void xForwardedFor_fromATrustedProxy_takesTheFirstUntrustedFromTheRight() {
    ClientOrigin origin = resolve("10.1.2.3", null, "6.6.6.6, 203.0.113.5, 10.9.9.9", "https");

    assertThat(origin).isEqualTo(new ClientOrigin("203.0.113.5", "https"));
  }

  @Test
  void xForwardedProto_alone_setsOnlyTheScheme() {
    assertThat(resolve("10.1.2.3", null, null, "https"))
        .isEqualTo(new ClientOrigin("10.1.2.3", "https"));
    assertThat(resolve("10.1.2.3", null, null, "gopher"))
        .isEqualTo(new ClientOrigin("10.1.2.3", "http"));
  }

  @Test
  void forwardedFor_thatIsNotAnAddress_isNeverLookedUp() {
    assertThat(resolve("10.1.2.3", null, "evil.example.com", null).address()).isEqualTo("10.1.2.3");
  }

  @Test
  void trustedProxies_refuseWhatIsNotAnAddressOrRange_namingIt() {
    assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.example.com")))
        .hasMessageContaining("trusted-proxies: 'proxy.example.com'");
    assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33")))
        .hasMessageContaining("between 0 and 32");
    assertThat(TrustedProxies.of(List.of("10.0.0.0/8")).trusts("10.255.0.1")).isTrue();
    assertThat(TrustedProxies.of(List.of("10.0.0.0/8")).trusts("11.0.0.1")).isFalse();
    assertThat(TrustedProxies.of(List.of("127.0.0.1")).trusts("::ffff:127.0.0.1")).isTrue();
  }
}
