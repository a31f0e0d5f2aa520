package app.steady.gateway;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

import java.time.Duration;
import java.util.List;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/** The routes (one per service, from {@link ServicePaths}) and CORS for the apps' origins. */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    @Bean
    RouterFunction<ServerResponse> serviceRoutes(GatewayProperties properties) {
        RouterFunction<ServerResponse> routes = null;
        for (String service : ServicePaths.SERVICES) {
            RequestPredicate owned = ServicePaths.of(service).stream().map(RequestPredicates::path)
                    .reduce(RequestPredicate::or).orElseThrow();
            RouterFunction<ServerResponse> route = GatewayRouterFunctions.route(service)
                    .route(owned, http())
                    .before(uri(properties.serviceUri(service)))
                    .build();
            routes = routes == null ? route : routes.and(route);
        }
        return routes;
    }

    /**
     * Browsers may call from the configured app origins only, with a bearer token (no cookies: the APIs take none).
     * The request id is exposed so that an app can show it in an error report.
     */
    @Bean
    CorsFilter corsFilter(GatewayProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.allowedOrigins().isEmpty()) {
            CorsConfiguration apps = new CorsConfiguration();
            apps.setAllowedOrigins(properties.allowedOrigins());
            apps.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "PATCH"));
            apps.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match",
                    RequestIds.HEADER));
            apps.setExposedHeaders(List.of("ETag", "Location", "Retry-After", RequestIds.HEADER));
            apps.setAllowCredentials(false);
            apps.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/**", apps);
        }
        return new CorsFilter(source);
    }
}
