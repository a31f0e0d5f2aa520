package app.steady.reminders.channels;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, defect 7: webhook and pager posts went wherever a URL pointed, including the provider's own network and
 * the cloud's metadata endpoint. Unless a deployment allows private hosts (local runs, tests), they are refused
 * before any connection is made.
 */
class SignedPostTest {

    final SignedPost production = new SignedPost(Clock.systemUTC(), false);

    @Test
    void aPostToAPrivateLoopbackOrInternalAddressIsRefused() {
        for (String url : new String[] {"http://127.0.0.1:9/hook", "https://169.254.169.254/latest/meta-data",
                "https://10.0.0.5/page", "http://localhost:9/hook", "https://[::1]:9/hook"}) {
            assertThatThrownBy(() -> production.send(url, "secret", "key-1", "{}"))
                    .as(url).isInstanceOf(IllegalStateException.class).hasMessageContaining("private address");
        }
    }
}
