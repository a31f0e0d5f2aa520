package app.steady.e2e;

import static app.steady.e2e.ExternalTools.ROOT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metric names that PromQL expressions read, and the expressions of Steady's Grafana dashboards and alert rules.
 *
 * <p>A metric name is an identifier that is not a function or aggregation (followed by "("), not a keyword, not a
 * label name (inside label matchers, or the lists of by/without/on/ignoring/group_left/group_right), not inside a
 * string, a range or a Grafana variable.
 */
final class PromQl {

    /** Keywords, binary set operators and aggregation operators (which may be followed by "by (...)" first). */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "inf", "nan", "atan2", "start", "end", "sum", "min", "max",
            "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile", "limitk",
            "limit_ratio");

    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|`[^`]*`");
    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_]*|\\[\\[[^]]*]]");
    private static final Pattern COMMENT = Pattern.compile("#[^\\n]*");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern TOKEN = Pattern.compile(
            "(?<number>(?:0[xX][0-9a-fA-F]+|[0-9]+(?:\\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\\.[0-9]+)[A-Za-z0-9_]*)"
                    + "|(?<identifier>[A-Za-z_:][A-Za-z0-9_:]*)");
    private static final Pattern SELECTOR = Pattern.compile("([A-Za-z_:][A-Za-z0-9_:]*)\\s*\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|!=|!~|=)\\s*\"((?:\\\\.|[^\"\\\\])*)\"");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([^,()]*(?:\\{[^}]*})?)\\s*,\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\)");
    private static final Pattern LABEL_VALUES_OF_LABEL = Pattern.compile("label_values\\(\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\)");

    private PromQl() {
    }

    /** The metric names an expression reads. */
    static Set<String> metricNames(String expression) {
        String stripped = GRAFANA_VARIABLE.matcher(expression).replaceAll(" ");
        stripped = STRING.matcher(stripped).replaceAll(" ");
        stripped = COMMENT.matcher(stripped).replaceAll(" ");
        stripped = MATCHERS.matcher(stripped).replaceAll(" ");
        stripped = RANGE.matcher(stripped).replaceAll(" ");
        stripped = LABEL_LIST.matcher(stripped).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher token = TOKEN.matcher(stripped);
        while (token.find()) {
            String identifier = token.group("identifier");
            if (identifier == null || KEYWORDS.contains(identifier) || followedByParenthesis(stripped, token.end())) {
                continue;
            }
            names.add(identifier);
        }
        return names;
    }

    /** A selector with the exact (=) matchers it sets, e.g. {@code x{application="reminders-service"}}. */
    record Selector(String metric, Map<String, String> exactMatchers) {
    }

    /** The selectors with label matchers in an expression, and their exact matchers on literal values. */
    static List<Selector> selectors(String expression) {
        List<Selector> selectors = new ArrayList<>();
        Matcher selector = SELECTOR.matcher(expression);
        while (selector.find()) {
            Map<String, String> exact = new LinkedHashMap<>();
            Matcher matcher = MATCHER.matcher(selector.group(2));
            while (matcher.find()) {
                if (matcher.group(2).equals("=") && !matcher.group(3).contains("$")) {
                    exact.put(matcher.group(1), matcher.group(3));
                }
            }
            selectors.add(new Selector(selector.group(1), exact));
        }
        return selectors;
    }

    /** Grafana's {@code label_values(selector, label)} and {@code query_result(expr)} as the PromQL they query. */
    static String templatingQueryAsPromQl(String query) {
        String promql = LABEL_VALUES.matcher(query).replaceAll(result -> Matcher.quoteReplacement(result.group(1)));
        promql = LABEL_VALUES_OF_LABEL.matcher(promql).replaceAll(" ");
        return promql.replaceAll("\\bquery_result\\(", "(");
    }

    private static boolean followedByParenthesis(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '(';
            }
        }
        return false;
    }

    /** Every PromQL expression of the dashboards and alert rules, keyed by where it is (file and panel or alert). */
    static Map<String, String> dashboardAndAlertExpressions() throws IOException {
        Map<String, String> expressions = new LinkedHashMap<>();
        JsonMapper json = JsonMapper.builder().build();
        for (Path dashboard : DeploymentFilesIT.dashboards()) {
            JsonNode root = json.readTree(Files.readString(dashboard));
            String file = ROOT.relativize(dashboard).toString();
            collectExpressions(root, file, "", expressions);
            for (JsonNode variable : root.path("templating").path("list")) {
                JsonNode query = variable.path("query");
                String text = query.isObject() ? query.path("query").asString("") : query.asString("");
                if (!text.isBlank() && "query".equals(variable.path("type").asString("query"))) {
                    expressions.put(file + " variable " + variable.path("name").asString(), templatingQueryAsPromQl(text));
                }
            }
        }
        int index = 0;
        for (Map<String, Object> rule : DeploymentFilesIT.alertRules()) {
            expressions.put("alert " + rule.get("alert") + " #" + (++index), String.valueOf(rule.get("expr")));
        }
        return expressions;
    }

    private static void collectExpressions(JsonNode node, String file, String panel, Map<String, String> into) {
        if (node.isObject()) {
            String title = node.has("title") && node.has("type") ? node.path("title").asString("") : panel;
            if (node.path("expr").isString()) {
                into.put(file + " panel '" + title + "' " + node.path("refId").asString("") + " #" + into.size(),
                        node.path("expr").asString());
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!field.getKey().equals("templating")) {
                    collectExpressions(field.getValue(), file, title, into);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collectExpressions(element, file, panel, into);
            }
        }
    }

    /** Every metric name the dashboards and alerts use, with where each is used. */
    static Map<String, Set<String>> metricsUsed() throws IOException {
        Map<String, Set<String>> used = new TreeMap<>();
        dashboardAndAlertExpressions().forEach((where, expression) -> metricNames(expression).forEach(metric ->
                used.computeIfAbsent(metric, m -> new LinkedHashSet<>()).add(where)));
        return used;
    }
}
