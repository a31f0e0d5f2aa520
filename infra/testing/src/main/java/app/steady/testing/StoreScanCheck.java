package app.steady.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The check a service's last test class runs (issue 17): every filter shape its test JVM sent that the embedded store
 * would answer by reading a whole collection must be on the service's accepted list,
 * {@code src/test/resources/store-scans-accepted.txt}. Each line there is {@code collection filter-shape}, then
 * {@code #} and why the scan is acceptable (a collection kept small, a start-up or hourly job). A new scanning shape,
 * on a hot path or not, fails the build until it gets an index, a keyed structure or a line with its reason.
 */
public final class StoreScanCheck {

    private static final String ACCEPTED = "/store-scans-accepted.txt";

    private StoreScanCheck() {
    }

    /** @param databases the service's databases (its own and its key store's), by name or name prefix */
    public static void assertOnlyAcceptedScans(String... databases) {
        assumeTrue(Arrays.stream(databases).mapToLong(StoreScans.get()::commandsOn).sum() > 0,
                "no command reached " + String.join(", ", databases) + " in this JVM: the check needs the module's whole suite");
        List<String> outside = Arrays.stream(databases)
                .flatMap(database -> StoreScans.get().scansOutside(database, accepted()).stream()).sorted().toList();
        assertThat(outside)
                .as("filters the embedded store would answer by a scan that are not in " + ACCEPTED
                        + " (add a unique index of exactly their keys, a keyed structure, or a line with the reason;"
                        + " the whole list is in target/store-scans.md)")
                .isEmpty();
    }

    static Set<String> accepted() {
        Set<String> accepted = new LinkedHashSet<>();
        try (InputStream in = StoreScanCheck.class.getResourceAsStream(ACCEPTED)) {
            if (in == null) {
                return accepted;
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(line -> line.contains("#") ? line.substring(0, line.indexOf('#')) : line)
                    .map(String::strip).filter(line -> !line.isEmpty()).forEach(accepted::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return accepted;
    }
}
