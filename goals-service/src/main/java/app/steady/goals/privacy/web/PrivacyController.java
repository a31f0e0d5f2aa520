package app.steady.goals.privacy.web;

import app.steady.goals.privacy.Erasure;
import app.steady.goals.privacy.Erasures;
import app.steady.goals.privacy.Export;
import app.steady.goals.privacy.Exports;
import app.steady.platform.security.Caller;
import app.steady.platform.web.Ids;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The client's rights: erasure (the client or their provider's admin; 202, then the proof at /erasures/{id}) and
 * data export (the client; 202, then the bundle at the export's address once every service has answered, until
 * its download window closes: 410 after).
 */
@RestController
@Validated
class PrivacyController {

    private final Erasures erasures;
    private final Exports exports;

    PrivacyController(Erasures erasures, Exports exports) {
        this.erasures = erasures;
        this.exports = exports;
    }

    @PostMapping("/clients/{clientId}/erasure")
    ResponseEntity<ErasureView> requestErasure(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId) {
        Erasure erasure = erasures.request(caller, clientId);
        return ResponseEntity.accepted().location(URI.create("/erasures/" + erasure.id())).body(ErasureView.of(erasure));
    }

    @GetMapping("/erasures/{erasureId}")
    ErasureView erasure(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String erasureId) {
        return ErasureView.of(erasures.find(caller, erasureId));
    }

    @PostMapping("/clients/{clientId}/exports")
    ResponseEntity<ExportStatus> requestExport(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId) {
        Export export = exports.request(caller, clientId);
        return ResponseEntity.accepted().location(URI.create("/clients/" + clientId + "/exports/" + export.id()))
                .body(ExportStatus.of(export));
    }

    /**
     * 200 with the bundle (decrypted on the fly) once assembled; until then 202 with the parts received so far; 410
     * once the download window has closed (the bundle's key is destroyed then).
     */
    @GetMapping("/clients/{clientId}/exports/{exportId}")
    ResponseEntity<?> export(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                             @PathVariable @Pattern(regexp = Ids.PATTERN) String exportId) {
        Exports.Download download = exports.download(caller, clientId, exportId);
        return switch (download.state()) {
            case ASSEMBLING -> ResponseEntity.status(HttpStatus.ACCEPTED).body(ExportStatus.of(download.export()));
            case READY -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(download.bundleJson());
            case EXPIRED -> expired(download.export());
        };
    }

    private static ResponseEntity<ProblemDetail> expired(Export export) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, "This export could be downloaded until "
                + export.expiresAt() + "; its bundle and key are destroyed. Request a new export.");
        problem.setTitle("Export expired");
        problem.setProperty("code", "EXPORT_EXPIRED");
        return ResponseEntity.status(HttpStatus.GONE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    record ErasureView(String erasureId, String status, String requestedByRole, Instant requestedAt,
                       Map<String, Erasure.Acknowledgement> acknowledgements, Instant completedAt) {
        static ErasureView of(Erasure erasure) {
            return new ErasureView(erasure.id(), erasure.isComplete() ? "COMPLETE" : "IN_PROGRESS",
                    erasure.requestedByRole(), erasure.requestedAt(), erasure.acknowledgements(), erasure.completedAt());
        }
    }

    record ExportStatus(String exportId, String status, Set<String> partsReceived, Instant requestedAt, Instant expiresAt) {
        static ExportStatus of(Export export) {
            return new ExportStatus(export.id(), export.isComplete() ? "READY" : "ASSEMBLING", export.partsReceived(),
                    export.requestedAt(), export.expiresAt());
        }
    }
}
