package app.steady.analytics;

import app.steady.testing.RunLast;
import app.steady.testing.StoreScanCheck;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class of this module and fails on a filter shape they sent that the embedded store
 * would answer by a scan and that is not on {@code store-scans-accepted.txt} with its reason (issue 17).
 */
@RunLast
class EmbeddedStoreScansIT {

    @Test
    void everyFilterThatWouldScanTheEmbeddedStoreIsOnTheAcceptedList() {
        StoreScanCheck.assertOnlyAcceptedScans("steady-analytics", "analytics-service-keys");
    }
}
