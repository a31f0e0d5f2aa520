package app.steady.homework.library.web;

import app.steady.homework.assignment.HomeworkKind;
import app.steady.homework.library.Library;
import app.steady.homework.library.Technique;
import app.steady.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Everyone in a tenant browses its library; therapists and admins add to it. */
@RestController
@RequestMapping("/library")
class LibraryController {

    private final Library library;

    LibraryController(Library library) {
        this.library = library;
    }

    /** The people of the tenant: not an operator (metrics only), whose token is no user's of the tenant. */
    @GetMapping
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST', 'ADMIN')")
    List<Technique> browse(Caller caller, @RequestParam(required = false) HomeworkKind kind) {
        return library.browse(caller, kind);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('THERAPIST', 'ADMIN')")
    Technique add(Caller caller, @Valid @RequestBody NewTechnique request) {
        return library.add(caller, request.kind(), request.title(), request.whatItIs(), request.whyItHelps(),
                request.minutes(), request.howTo());
    }

    record NewTechnique(@NotNull HomeworkKind kind, @NotBlank @Size(max = 200) String title,
                        @NotBlank @Size(max = 2000) String whatItIs, @NotBlank @Size(max = 2000) String whyItHelps,
                        @NotNull @Min(1) @Max(240) Integer minutes,
                        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> howTo) {
    }
}
