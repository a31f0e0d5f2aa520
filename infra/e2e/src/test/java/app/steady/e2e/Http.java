package app.steady.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A minimal JSON-over-HTTP client for driving the public APIs, as an app would. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    record Response(int status, String body, String location) {
    }

    static Response send(String method, String url, String authorization, String json) {
        try {
            // 30 s: with four services warming up on two cores, an export request (it makes a 3072-bit RSA key pair)
            // once ran past 10 s.
            HttpResponse<String> response = CLIENT.send(request(method, url, authorization, json, Duration.ofSeconds(30)),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An API request as an app makes it: bearer token (none when null), JSON body if any. */
    static HttpRequest request(String method, String url, String authorization, String json, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return request.build();
    }
}
