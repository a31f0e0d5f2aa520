package app.steady.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "0.0.0.0",
            "100.64.0.1", "[::1]", "[fd00::1]", "[fe80::1]", "[::ffff:10.0.0.1]", "localhost", "LOCALHOST.",
            "pager.localhost", "metadata.google.internal", "printer.local", "intranet", ""})
    void privatePlacesAreRecognised(String host) {
        assertThat(PrivateAddresses.isPrivateHost(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pager.example", "8.8.8.8", "[2001:4860:4860::8888]", "events.pagerduty.com"})
    void publicPlacesAreNot(String host) {
        assertThat(PrivateAddresses.isPrivateHost(host)).isFalse();
    }
}
