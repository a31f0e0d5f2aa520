package app.steady.analytics.flags.web;

import app.steady.analytics.flags.FlagKind;
import app.steady.analytics.flags.RiskFlag;
import app.steady.analytics.flags.RiskFlags;
import app.steady.platform.security.Caller;
import app.steady.platform.web.Ids;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A client's risk flags, for their therapist only: context for clinical judgement, with the evidence behind each. */
@RestController
@Validated
@RequestMapping("/clients/{clientId}/flags")
class RiskFlagController {

    private final RiskFlags flags;

    RiskFlagController(RiskFlags flags) {
        this.flags = flags;
    }

    @GetMapping
    List<FlagView> list(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId) {
        return flags.of(caller, clientId).stream().map(FlagView::of).toList();
    }

    @PostMapping("/{flagId}/acknowledgement")
    FlagView acknowledge(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                         @PathVariable @Pattern(regexp = Ids.PATTERN) String flagId) {
        return FlagView.of(flags.acknowledge(caller, clientId, flagId));
    }

    record FlagView(String id, FlagKind kind, FlagKind.Priority priority, List<String> evidence, Instant raisedAt,
                    boolean open, String acknowledgedBy, Instant acknowledgedAt) {
        static FlagView of(RiskFlag flag) {
            return new FlagView(flag.publicId(), flag.kind(), flag.priority(), flag.evidence(), flag.raisedAt(),
                    flag.isOpen(), flag.acknowledgedBy(), flag.acknowledgedAt());
        }
    }
}
