package app.steady.goals.safety.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * A JSON string and nothing else. Jackson would read {@code "name": 123} as the name "123"; in safety settings a
 * number or boolean where text belongs is a mistake to report (400 naming the field), not a contact to store.
 */
class StrictText extends ValueDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        return (String) context.handleUnexpectedToken(String.class, parser);
    }
}
