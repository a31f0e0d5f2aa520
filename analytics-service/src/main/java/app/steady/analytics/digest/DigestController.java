package app.steady.analytics.digest;

import app.steady.platform.security.Caller;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The calling therapist's latest weekly digest. */
@RestController
@EnableConfigurationProperties(DigestProperties.class)
class DigestController {

    private final WeeklyDigests digests;

    DigestController(WeeklyDigests digests) {
        this.digests = digests;
    }

    @GetMapping("/therapists/me/digest")
    @PreAuthorize("hasRole('THERAPIST')")
    TherapistDigest latest(Caller therapist) {
        return digests.latest(therapist);
    }
}
