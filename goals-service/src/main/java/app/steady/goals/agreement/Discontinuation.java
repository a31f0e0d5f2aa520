package app.steady.goals.agreement;

/** Why a goal was stopped: a code for consumers, and optionally the parties' own words (kept here only). */
public record Discontinuation(Reason reason, String note, Party by) {

    public enum Reason {
        NO_LONGER_RELEVANT, REPLACED_BY_ANOTHER_GOAL, TOO_DIFFICULT_NOW, CIRCUMSTANCES_CHANGED, THERAPY_ENDED, OTHER
    }
}
