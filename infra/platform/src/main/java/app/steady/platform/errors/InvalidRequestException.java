package app.steady.platform.errors;

import java.util.List;

/** A request that breaks a rule Bean Validation cannot express; reported like any other invalid field. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
