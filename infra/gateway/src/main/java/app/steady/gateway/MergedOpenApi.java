package app.steady.gateway;

import io.swagger.v3.oas.annotations.Hidden;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v3/api-docs}: the services' OpenAPI documents merged into one ({@link OpenApiMerge}), and the Swagger UI
 * at {@code /swagger-ui.html} shows it. Read fresh on each request (documents are read rarely, and a rolling upgrade
 * changes them), with the caller's own {@code Authorization}, because in a deployment the services serve their
 * documents only to a signed-in caller. A service that does not answer in time is named in
 * {@code x-steady-unavailable} instead of failing the whole document.
 */
@RestController
@Hidden
class MergedOpenApi {

    private static final Logger log = LoggerFactory.getLogger(MergedOpenApi.class);

    private final GatewayProperties properties;
    private final RestClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    MergedOpenApi(GatewayProperties properties) {
        this.properties = properties;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.docsTimeout()).build());
        requests.setReadTimeout(properties.docsTimeout());
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    @GetMapping(value = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode merged(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        List<String> unavailable = new ArrayList<>();
        for (String service : ServicePaths.SERVICES) {
            try {
                String body = http.get().uri(properties.serviceUri(service).resolve("/v3/api-docs"))
                        .headers(headers -> {
                            if (authorization != null) {
                                headers.set(HttpHeaders.AUTHORIZATION, authorization);
                            }
                        })
                        .retrieve().body(String.class);
                documents.put(service, json.readTree(body));
            } catch (RuntimeException e) {
                log.warn("The OpenAPI document of {} could not be read: {}", service, e.toString());
                unavailable.add(service);
            }
        }
        return OpenApiMerge.merge(documents, unavailable);
    }
}
