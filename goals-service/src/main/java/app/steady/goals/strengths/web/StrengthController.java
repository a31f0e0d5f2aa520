package app.steady.goals.strengths.web;

import app.steady.goals.strengths.Strength;
import app.steady.goals.strengths.StrengthInventories;
import app.steady.platform.security.Caller;
import app.steady.platform.web.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A client's strengths, for the client and their therapist. */
@RestController
@Validated
@RequestMapping("/clients/{clientId}/strengths")
class StrengthController {

    private final StrengthInventories inventories;

    StrengthController(StrengthInventories inventories) {
        this.inventories = inventories;
    }

    @GetMapping
    List<Strength> list(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId) {
        return inventories.of(caller, clientId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Strength add(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                 @Valid @RequestBody AddStrengthRequest request) {
        return inventories.add(caller, clientId, request.kind(), request.description());
    }

    @DeleteMapping("/{strengthId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                @PathVariable @Pattern(regexp = Ids.PATTERN) String strengthId) {
        inventories.remove(caller, clientId, strengthId);
    }

    record AddStrengthRequest(@NotNull Strength.Kind kind, @NotBlank @Size(max = 500) String description) {
    }
}
