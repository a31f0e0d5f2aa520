package app.steady.reminders.channels;

import app.steady.events.EventData;
import app.steady.platform.safety.TenantSafetyDirectory;
import app.steady.platform.safety.TenantSafetySettings;
import app.steady.reminders.scheduling.Reminder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A high-priority risk flag to every reachable on-call contact of the tenant (its safety settings, kept from
 * goals-service's events): a contact with a pager URL is paged (an HTTP POST, signed with the tenant's webhook secret if
 * it has one), one with only an e-mail gets an e-mail. Each contact is reached once per flag: the addresses already
 * reached are kept with the notification, so a retry after a partial failure reaches only the others. A tenant without
 * safety settings falls back to its configured {@code on-call-email}; with no reachable on-call at all the delivery
 * fails at once, loudly.
 */
@Component
class OnCallChannel implements ReminderChannel {

    static final String PAGER = "PAGER";
    private static final Logger log = LoggerFactory.getLogger(OnCallChannel.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TenantSafetyDirectory safety;
    private final SignedPost post;
    private final EmailChannel email;
    private final String dashboard;

    OnCallChannel(TenantSafetyDirectory safety, SignedPost post, EmailChannel email,
                  @Value("${steady.dashboard.base-url}") String dashboard) {
        this.safety = safety;
        this.post = post;
        this.email = email;
        this.dashboard = dashboard;
    }

    @Override
    public String name() {
        return "ON_CALL";
    }

    @Override
    public List<EventData> deliver(Reminder reminder, ChannelSettings settings) {
        Map<String, String> channelByAddress = onCallOf(reminder.tenantId(), settings);
        if (channelByAddress.isEmpty()) {
            throw DeliveryFailure.permanent("none", DeliveryFailure.NO_ON_CALL,
                    "Tenant " + reminder.tenantId() + " has no reachable on-call contact: risk flag " + reminder.occurrenceId()
                            + " reached nobody");
        }
        DeliveryFailure firstFailure = null;
        for (Map.Entry<String, String> contact : channelByAddress.entrySet()) {
            if (reminder.hasReachedOnCall(contact.getKey())) {
                continue;
            }
            try {
                if (PAGER.equals(contact.getValue())) {
                    post.send(contact.getKey(), settings.webhookSecret(), reminder.idempotencyKey(), pageOf(reminder));
                } else {
                    email.sendToOnCall(contact.getKey(), reminder);
                }
                reminder.reachedOnCall(contact.getKey());
            } catch (Exception failure) {
                if (failure instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                log.warn("On-call contact not reached through {}: {}", contact.getValue(), failure.toString());
                firstFailure = firstFailure == null ? DeliveryFailure.retryable(contact.getValue(), failure) : firstFailure;
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        return List.of();
    }

    /** Each distinct on-call address with its channel (PAGER or EMAIL), in the tenant's order. */
    private Map<String, String> onCallOf(String tenantId, ChannelSettings settings) {
        Map<String, String> channelByAddress = new LinkedHashMap<>();
        safety.of(tenantId).ifPresentOrElse(tenant -> {
            for (TenantSafetySettings.OnCallContact contact : tenant.reachableOnCall()) {
                if (contact.pagerUrl() != null && !contact.pagerUrl().isBlank()) {
                    channelByAddress.putIfAbsent(contact.pagerUrl(), PAGER);
                } else {
                    channelByAddress.putIfAbsent(contact.email(), email.name());
                }
            }
        }, () -> {
            if (settings.onCallEmail() != null && !settings.onCallEmail().isBlank()) {
                channelByAddress.put(settings.onCallEmail(), email.name());
            }
        });
        return channelByAddress;
    }

    /** What a pager receives: identifiers and plain reasons only, never evidence or free text about the client. */
    private String pageOf(Reminder reminder) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("kind", reminder.kind().name());
        page.put("flagId", reminder.occurrenceId());
        page.put("idempotencyKey", reminder.idempotencyKey());
        page.put("clientId", reminder.clientId());
        page.put("reason", EmailChannel.reasonOf(reminder).name());
        page.put("why", EmailChannel.whyOnCall(reminder));
        page.put("escalationAfter", reminder.escalationAfter() == null ? null : reminder.escalationAfter().toString());
        page.put("note", EmailChannel.NOT_A_DIAGNOSIS);
        page.put("dashboardUrl", dashboard + "/dashboard/clients/" + reminder.clientId());
        return JSON.writeValueAsString(page);
    }
}
