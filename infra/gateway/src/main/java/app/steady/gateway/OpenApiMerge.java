package app.steady.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the services' OpenAPI documents into the one the front door serves: each service contributes the paths the
 * gateway routes to it ({@link ServicePaths}); components that two services name alike but define differently are
 * renamed after their service, with every reference to them rewritten. What does not fit is reported in the document
 * itself, never silently dropped:
 * <ul>
 *   <li>{@code x-steady-collisions}: a path (variables filled in) that two services both publish, not deprecated: the
 *       front door could serve only one of them;</li>
 *   <li>{@code x-steady-unrouted}: a path a service publishes that the front door routes elsewhere or nowhere;</li>
 *   <li>{@code x-steady-deprecated-not-routed}: deprecated paths kept on a service for one release, reachable on the
 *       service only (expected, listed for the record);</li>
 *   <li>{@code x-steady-unavailable}: services whose document could not be read just now.</li>
 * </ul>
 */
final class OpenApiMerge {

    static final String COLLISIONS = "x-steady-collisions";
    static final String UNROUTED = "x-steady-unrouted";
    static final String DEPRECATED_NOT_ROUTED = "x-steady-deprecated-not-routed";
    static final String UNAVAILABLE = "x-steady-unavailable";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "options", "head", "trace");

    private OpenApiMerge() {
    }

    /** @param documents each service's own document, by service name, in {@link ServicePaths#SERVICES} order */
    static ObjectNode merge(Map<String, JsonNode> documents, List<String> unavailable) {
        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", documents.values().stream().map(doc -> doc.path("openapi").asString(""))
                .filter(version -> !version.isEmpty()).findFirst().orElse("3.1.0"));
        ObjectNode info = merged.putObject("info");
        info.put("title", "Steady API");
        info.put("version", documents.values().stream().map(doc -> doc.path("info").path("version").asString(""))
                .filter(version -> !version.isEmpty()).findFirst().orElse("1"));
        info.put("description", "Every Steady service behind one origin. Each path is served by the one service that "
                + "owns it; authenticate with the bearer token your provider's sign-in issued.");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ArrayNode tags = merged.putArray("tags");
        Map<String, List<String>> publishers = new LinkedHashMap<>();
        ArrayNode collisions = merged.putArray(COLLISIONS);
        ArrayNode unrouted = merged.putArray(UNROUTED);
        ArrayNode deprecatedNotRouted = merged.putArray(DEPRECATED_NOT_ROUTED);
        ArrayNode missing = merged.putArray(UNAVAILABLE);
        unavailable.forEach(missing::add);

        documents.forEach((service, original) -> {
            JsonNode document = withComponentsRenamedWhereTheyClash(service, original, components);
            mergeComponents(document.path("components"), components);
            for (JsonNode tag : document.path("tags")) {
                if (!containsName(tags, tag.path("name").asString())) {
                    tags.add(tag.deepCopy());
                }
            }
            if (merged.get("security") == null && document.get("security") != null) {
                merged.set("security", document.get("security").deepCopy());
            }
            for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
                String template = path.getKey();
                if (!allDeprecated(path.getValue())) {
                    publishers.computeIfAbsent(concrete(template), key -> new ArrayList<>()).add(service);
                }
                Optional<String> owner = ServicePaths.ownerOf(concrete(template));
                if (owner.isPresent() && owner.get().equals(service)) {
                    paths.set(template, path.getValue().deepCopy());
                } else if (allDeprecated(path.getValue())) {
                    deprecatedNotRouted.add(template + " (" + service + ")");
                } else {
                    unrouted.add(template + " (" + service + "; routed to " + owner.orElse("nobody") + ")");
                }
            }
        });
        publishers.forEach((path, services) -> {
            if (services.size() > 1) {
                collisions.add(path + " " + services);
            }
        });
        return merged;
    }

    /** A path template with each variable filled in, as a request would name it. */
    static String concrete(String template) {
        return template.replaceAll("\\{[^/}]+}", "x");
    }

    private static boolean allDeprecated(JsonNode pathItem) {
        boolean any = false;
        for (String method : METHODS) {
            JsonNode operation = pathItem.get(method);
            if (operation != null) {
                any = true;
                if (!operation.path("deprecated").asBoolean(false)) {
                    return false;
                }
            }
        }
        return any;
    }

    /**
     * The service's document with each component that is already merged under the same name but defined
     * differently renamed to {@code <Service><Name>}, and every {@code $ref} to it rewritten.
     */
    private static JsonNode withComponentsRenamedWhereTheyClash(String service, JsonNode document, ObjectNode merged) {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> kind : document.path("components").properties()) {
            JsonNode mergedKind = merged.get(kind.getKey());
            if (mergedKind == null) {
                continue;
            }
            for (Map.Entry<String, JsonNode> component : kind.getValue().properties()) {
                JsonNode existing = mergedKind.get(component.getKey());
                if (existing != null && !existing.equals(component.getValue())) {
                    String prefix = "#/components/" + kind.getKey() + "/";
                    renamed.put(prefix + component.getKey(), prefix + prefixOf(service) + component.getKey());
                }
            }
        }
        if (renamed.isEmpty()) {
            return document;
        }
        JsonNode copy = document.deepCopy();
        rewriteReferences(copy, renamed);
        ObjectNode components = (ObjectNode) copy.path("components");
        renamed.forEach((from, to) -> {
            String[] fromParts = from.split("/");
            String[] toParts = to.split("/");
            ObjectNode kind = (ObjectNode) components.get(fromParts[2]);
            kind.set(toParts[3], kind.remove(fromParts[3]));
        });
        return copy;
    }

    private static void rewriteReferences(JsonNode node, Map<String, String> renamed) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && renamed.containsKey(ref.asString())) {
                object.put("$ref", renamed.get(ref.asString()));
            }
            for (Map.Entry<String, JsonNode> child : object.properties()) {
                rewriteReferences(child.getValue(), renamed);
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode child : array) {
                rewriteReferences(child, renamed);
            }
        }
    }

    private static void mergeComponents(JsonNode from, ObjectNode into) {
        for (Map.Entry<String, JsonNode> kind : from.properties()) {
            ObjectNode target = into.has(kind.getKey()) ? (ObjectNode) into.get(kind.getKey()) : into.putObject(kind.getKey());
            for (Map.Entry<String, JsonNode> component : kind.getValue().properties()) {
                if (!target.has(component.getKey())) {
                    target.set(component.getKey(), component.getValue().deepCopy());
                }
            }
        }
    }

    private static String prefixOf(String service) {
        String name = service.replace("-service", "");
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static boolean containsName(ArrayNode tags, String name) {
        List<String> names = new ArrayList<>();
        tags.forEach(tag -> names.add(tag.path("name").asString()));
        return names.contains(name);
    }
}
