package app.steady.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token checks ({@code steady.security.*}).
 *
 * @param jwt             how tokens are verified
 * @param anonymousApiDocs whether the OpenAPI document and UI are served without a token (they hold no data;
 *                        off by default, on in the local run)
 * @param adminPaths      paths only a tenant's admins may call, refused (403) before anything reads the request
 * @param publicPaths     static assets served without a token (a page and its scripts, never data: the page calls
 *                        the APIs with the user's bearer token)
 */
@ConfigurationProperties("steady.security")
public record SecurityProperties(Jwt jwt, boolean anonymousApiDocs, java.util.List<String> publicPaths,
                                 java.util.List<String> adminPaths) {

    /**
     * @param jwkSetUri   the identity provider's JWK set (production); takes precedence over {@code hmacSecret}
     * @param hmacSecret  a shared HS256 secret of at least 32 bytes, used only in local mode
     * @param localMode   allows HS256 with {@code hmacSecret} (local run and tests); never set in a deployment
     * @param issuer      the required {@code iss}
     * @param audience    the required {@code aud}
     * @param clockSkew   tolerated clock difference for {@code exp} and {@code nbf}
     * @param maxLifetime the longest a token may live from {@code iat} (or from now, without one) to {@code exp}, for
     *                    every role, operators included
     */
    public record Jwt(String jwkSetUri, String hmacSecret, boolean localMode, String issuer, String audience,
                      Duration clockSkew, Duration maxLifetime) {
    }
}
