package app.steady.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One scrape of a service's /actuator/prometheus, with the few queries the benchmarks need. */
final class Scrape {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Sample(String name, String labels, double value) {
    }

    private final List<Sample> samples = new ArrayList<>();

    /** @param operator an OPERATOR's Authorization header value ("Bearer ...") */
    static Scrape of(String baseUrl, String operator) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                .header("Authorization", operator).timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Scraping " + baseUrl + " answered " + response.statusCode());
            }
            String body = response.body();
            Scrape scrape = new Scrape();
            for (String line : body.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int brace = line.indexOf('{');
                int space = line.lastIndexOf(' ');
                String name = brace > 0 && brace < space ? line.substring(0, brace) : line.substring(0, space);
                String labels = brace > 0 && brace < space ? line.substring(brace, line.lastIndexOf('}') + 1) : "";
                scrape.samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1))));
            }
            return scrape;
        } catch (IOException e) {
            throw new IllegalStateException("Scraping " + baseUrl + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sum of a metric over every label set containing all of these label fragments (e.g. {@code area="heap"}). */
    double sum(String name, String... labelFragments) {
        return samples.stream().filter(s -> s.name.equals(name) && containsAll(s.labels, labelFragments))
                .mapToDouble(Sample::value).sum();
    }

    /** Cumulative bucket counts of a histogram by upper bound, summed over its label sets. */
    TreeMap<Double, Double> buckets(String histogram, String... labelFragments) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (Sample sample : samples) {
            if (sample.name.equals(histogram + "_bucket") && containsAll(sample.labels, labelFragments)) {
                String le = sample.labels.replaceAll(".*le=\"([^\"]+)\".*", "$1");
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                buckets.merge(bound, sample.value, Double::sum);
            }
        }
        return buckets;
    }

    /** The p-th percentile (0-100), in the histogram's unit, of what was recorded between two scrapes. */
    static double percentileBetween(TreeMap<Double, Double> before, TreeMap<Double, Double> after, double p) {
        TreeMap<Double, Double> delta = new TreeMap<>();
        after.forEach((bound, count) -> delta.put(bound, count - before.getOrDefault(bound, 0.0)));
        double total = delta.isEmpty() ? 0 : delta.lastEntry().getValue();
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = p / 100.0 * total;
        double previousBound = 0;
        double previousCount = 0;
        for (Map.Entry<Double, Double> bucket : delta.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return previousBound;
                }
                double inBucket = bucket.getValue() - previousCount;
                double fraction = inBucket <= 0 ? 1 : (rank - previousCount) / inBucket;
                return previousBound + (bucket.getKey() - previousBound) * fraction;
            }
            previousBound = bucket.getKey();
            previousCount = bucket.getValue();
        }
        return previousBound;
    }

    private static boolean containsAll(String labels, String... fragments) {
        for (String fragment : fragments) {
            if (!labels.contains(fragment)) {
                return false;
            }
        }
        return true;
    }
}
