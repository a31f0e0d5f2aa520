package app.steady.gateway.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local demo sign-in ({@code steady.gateway.demo-sign-in.*}): on only where {@code hmac-secret} is set, which
 * the local launcher does with the run's own signing secret, the one the services verify in their local mode. A
 * deployment never sets it: there the services verify the identity provider's tokens only.
 *
 * @param hmacSecret the local run's HS256 signing secret (at least 32 bytes)
 * @param tenant     the demo tenant
 * @param lifetime   how long a demo sign-in lasts
 */
@ConfigurationProperties("steady.gateway.demo-sign-in")
public record DemoSignInProperties(String hmacSecret, @DefaultValue("demo") String tenant,
                                   @DefaultValue("PT8H") Duration lifetime) {
}
