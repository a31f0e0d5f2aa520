package app.steady.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Steady's front door: one origin for providers' apps. It routes each path to the one service that owns it
 * ({@link ServicePaths}), serves one merged OpenAPI document ({@link MergedOpenApi}), answers CORS for the app
 * origins a deployment configures, passes a request id through ({@link RequestIds}) and limits each caller at the
 * edge ({@link EdgeRateLimit}). It holds no data and checks no token: every service verifies the bearer token itself,
 * so a request that bypasses the gateway is no more trusted than one through it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SteadyGateway {

    public static void main(String[] args) {
        SpringApplication.run(SteadyGateway.class, args);
    }
}
