package app.steady.goals.wellnessplan;

import java.util.List;

/** What a wellness plan says, in the client's own words. */
public record PlanContent(List<String> warningSigns, List<String> copingStrategies,
                          List<String> restorativeActivities, List<Contact> contacts) {

    public PlanContent {
        warningSigns = warningSigns == null ? List.of() : List.copyOf(warningSigns);
        copingStrategies = copingStrategies == null ? List.of() : List.copyOf(copingStrategies);
        restorativeActivities = restorativeActivities == null ? List.of() : List.copyOf(restorativeActivities);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** Someone the client can contact: a friend, a relative, a crisis line. */
    public record Contact(String name, String relationship, String phone) {
    }
}
