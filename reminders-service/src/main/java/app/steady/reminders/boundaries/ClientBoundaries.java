package app.steady.reminders.boundaries;

import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.security.Caller;
import app.steady.platform.web.ETags;
import app.steady.reminders.planning.Boundaries;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Reading and setting a client's boundaries; a change reschedules their pending reminders. */
@Service
public class ClientBoundaries {

    private final ReminderSettingsRepository settings;
    private final ClientAccess access;
    private final ApplicationEventPublisher publisher;

    ClientBoundaries(ReminderSettingsRepository settings, ClientAccess access, ApplicationEventPublisher publisher) {
        this.settings = settings;
        this.access = access;
        this.publisher = publisher;
    }

    /** The boundaries to plan with: the client's settings, or the defaults in the zone their homework is in. */
    public Boundaries of(String tenantId, String clientId, ZoneId fallbackZone) {
        return settings.findById(ReminderSettings.idOf(tenantId, clientId)).map(ReminderSettings::toBoundaries)
                .orElseGet(() -> Boundaries.defaultsIn(fallbackZone));
    }

    public Optional<ReminderSettings> read(Caller caller, String clientId) {
        access.requireAccess(caller, clientId);
        return settings.findById(ReminderSettings.idOf(caller.tenantId(), clientId));
    }

    public ReminderSettings set(Caller caller, String clientId, Long ifMatch, ReminderSettings wanted) {
        access.requireClientThemselves(caller, clientId, "Clients set their own reminder boundaries");
        Optional<ReminderSettings> current = settings.findById(ReminderSettings.idOf(caller.tenantId(), clientId));
        ETags.requireCurrent(ifMatch, current.map(ReminderSettings::revision).orElse(null), "reminder settings");
        ReminderSettings saved = settings.save(new ReminderSettings(ReminderSettings.idOf(caller.tenantId(), clientId),
                caller.tenantId(), clientId, wanted.timeZone(), wanted.quietStart(), wanted.quietEnd(), wanted.maxPerDay(),
                wanted.pausedPeriods(), wanted.optedOut(), current.map(ReminderSettings::revision).orElse(null)));
        publisher.publishEvent(new BoundariesChanged(caller.tenantId(), clientId));
        return saved;
    }

    /** Published in-process when a client's boundaries change, so pending reminders are planned again. */
    public record BoundariesChanged(String tenantId, String clientId) {
    }
}
