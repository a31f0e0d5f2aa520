package app.steady.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Stateless bearer-token security for every service: health is anonymous, management needs OPERATOR. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        return JwtDecoderFactory.create(properties.jwt());
    }

    @Bean
    SecurityFilterChain steadySecurityFilterChain(HttpSecurity http, SecurityProperties properties, JsonMapper json)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    if (properties.anonymousApiDocs()) {
                        requests.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll();
                    }
                    if (properties.publicPaths() != null && !properties.publicPaths().isEmpty()) {
                        requests.requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll();
                    }
                    requests.requestMatchers("/audit", "/audit/**").hasRole(Role.ADMIN.name());
                    if (properties.adminPaths() != null && !properties.adminPaths().isEmpty()) {
                        requests.requestMatchers(properties.adminPaths().toArray(String[]::new)).hasRole(Role.ADMIN.name());
                    }
                    requests.requestMatchers("/actuator/**").hasRole(Role.OPERATOR.name());
                    requests.requestMatchers("/error").permitAll();
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roleFromClaim()))
                        .authenticationEntryPoint(ProblemResponses.unauthorized(json)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemResponses.unauthorized(json))
                        .accessDeniedHandler(ProblemResponses.forbidden(json)));
        return http.build();
    }

    @Bean
    WebMvcConfigurer callerParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    private static JwtAuthenticationConverter roleFromClaim() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt ->
                List.of(new SimpleGrantedAuthority("ROLE_" + jwt.getClaimAsString(Claims.ROLE))));
        return converter;
    }
}
