package app.steady.analytics.client.web;

import app.steady.analytics.client.Episode;
import app.steady.analytics.client.Episodes;
import app.steady.platform.security.Caller;
import app.steady.platform.web.Ids;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Episodes of care, which outcomes and baselines are measured in. */
@RestController
@Validated
class EpisodeController {

    private final Episodes episodes;

    EpisodeController(Episodes episodes) {
        this.episodes = episodes;
    }

    /** The treating therapist starts a new episode now (the open one ends); 201 with the new episode. */
    @PostMapping("/clients/{clientId}/episodes")
    @ResponseStatus(HttpStatus.CREATED)
    Episode open(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId) {
        return episodes.open(caller, clientId);
    }
}
