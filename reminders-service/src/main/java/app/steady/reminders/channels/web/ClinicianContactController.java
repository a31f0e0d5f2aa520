package app.steady.reminders.channels.web;

import app.steady.platform.errors.NotFoundException;
import app.steady.platform.security.Caller;
import app.steady.platform.web.Ids;
import app.steady.reminders.channels.ClinicianContacts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where a therapist receives notifications (set by the therapist or their tenant's admin). */
@RestController
@Validated
@RequestMapping("/therapists/{therapistId}/contact")
class ClinicianContactController {

    private final ClinicianContacts contacts;

    ClinicianContactController(ClinicianContacts contacts) {
        this.contacts = contacts;
    }

    @PutMapping
    ClinicianContacts.Contact set(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String therapistId,
                                  @Valid @RequestBody ContactRequest request) {
        return contacts.set(caller, therapistId, request.email());
    }

    @GetMapping
    ClinicianContacts.Contact get(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String therapistId) {
        return contacts.read(caller, therapistId).orElseThrow(() -> new NotFoundException("Contact of " + therapistId));
    }

    record ContactRequest(@NotBlank @Email @Size(max = 254) String email) {
    }
}
