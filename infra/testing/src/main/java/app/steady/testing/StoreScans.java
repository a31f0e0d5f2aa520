package app.steady.testing;

import app.steady.platform.store.EmbeddedIndexUse;
import app.steady.platform.store.StoreCommands;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every filter shape the services of a test JVM send to the store that the embedded MongoDB-wire server would answer
 * by reading a whole collection (issue 17), with how often and from where. A command listener on every service's
 * client in the tests ({@link SteadyInfrastructureInitializer}); at the end of the JVM it writes
 * {@code target/store-scans.md}, the list to work down, and {@link #scansOutside} lets a test fail on new ones.
 */
public final class StoreScans implements CommandListener {

    private static final StoreScans INSTANCE = new StoreScans();
    private static final String TEST_CODE = "test:";

    /** One filter shape on one collection, as the embedded server would execute it. */
    public record Shape(String database, String collection, String command, String filter) {
    }

    private final Map<Shape, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<Shape, String> callers = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> commandsSeen = new ConcurrentHashMap<>();
    private final Map<String, KnownIndexes> uniqueKeys = new ConcurrentHashMap<>();
    private volatile MongoClient indexReader;

    private StoreScans() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::writeReport));
    }

    public static StoreScans get() {
        return INSTANCE;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        String name = command.getFirstKey();
        BsonValue target = command.get(name);
        if (!target.isString() || event.getDatabaseName().equals("admin") || event.getDatabaseName().equals("config")) {
            return;
        }
        String collection = target.asString().getValue();
        commandsSeen.computeIfAbsent(event.getDatabaseName(), d -> new AtomicLong()).incrementAndGet();
        BsonDocument tagged = new BsonDocument();   // the driver's command is an immutable raw document
        tagged.putAll(command);
        tagged.put("$db", new BsonString(event.getDatabaseName()));
        for (BsonDocument filter : StoreCommands.filtersOn(List.of(tagged), event.getDatabaseName(), collection)) {
            if (!EmbeddedIndexUse.usesAnIndex(filter, uniqueKeysOf(event.getDatabaseName(), collection))) {
                String caller = caller();
                if (caller.startsWith(TEST_CODE)) {
                    continue;   // a test reading the store to check it: not a path of the service
                }
                Shape shape = new Shape(event.getDatabaseName(), collection, name, shapeOf(filter).asDocument().toJson());
                counts.computeIfAbsent(shape, s -> new AtomicLong()).incrementAndGet();
                callers.putIfAbsent(shape, caller);
            }
        }
    }

    /**
     * The shapes seen so far on the databases named {@code databasePrefix…} that are not among {@code accepted}
     * ({@code collection + " " + filter}), each with its count and first caller.
     */
    public List<String> scansOutside(String databasePrefix, Set<String> accepted) {
        return counts.entrySet().stream().filter(e -> e.getKey().database().startsWith(databasePrefix))
                .filter(e -> !accepted.contains(key(e.getKey())))
                .map(e -> key(e.getKey()) + "   (" + e.getKey().command() + ", " + e.getValue().get() + " times, first from "
                        + callers.get(e.getKey()) + ")")
                .sorted().toList();
    }

    /** How many commands were seen on the databases named {@code databasePrefix…}: none means the suite did not run. */
    public long commandsOn(String databasePrefix) {
        return commandsSeen.entrySet().stream().filter(e -> e.getKey().startsWith(databasePrefix))
                .mapToLong(e -> e.getValue().get()).sum();
    }

    private static String key(Shape shape) {
        return shape.collection() + " " + shape.filter();
    }

    /** The filter with every value replaced by "?": what decides index use, not the data. */
    static BsonValue shapeOf(BsonValue value) {
        if (value.isDocument()) {
            BsonDocument shape = new BsonDocument();
            value.asDocument().forEach((key, inner) -> shape.append(key, shapeOf(inner)));
            return shape;
        }
        if (value.isArray()) {
            // Clauses of $or/$and in a stable order: some are built from maps.
            List<BsonDocument> clauses = new ArrayList<>();
            value.asArray().forEach(inner -> {
                if (inner.isDocument()) {
                    clauses.add(shapeOf(inner).asDocument());
                }
            });
            clauses.sort(Comparator.comparing(BsonDocument::toJson));
            return clauses.isEmpty() ? new BsonString("?") : new BsonArray(clauses);
        }
        return new BsonString("?");
    }

    /** A collection's unique indexes as last read: indexes are declared at start-up, possibly after the first commands. */
    private record KnownIndexes(Set<Set<String>> keys, long readAt) {
    }

    private Set<Set<String>> uniqueKeysOf(String database, String collection) {
        long now = System.nanoTime();
        return uniqueKeys.compute(database + "." + collection, (key, known) -> {
            if (known != null && now - known.readAt() < 5_000_000_000L) {
                return known;
            }
            // Every collection has its _id index, also one not created yet (listed with no index at all).
            Set<Set<String>> keys = new java.util.HashSet<>(Set.of(Set.of("_id")));
            try {
                keys.addAll(StoreCommands.uniqueIndexKeys(new MongoTemplate(indexReader(), database), collection));
            } catch (RuntimeException noSuchCollectionYet) {
                // only the _id index, then
            }
            return new KnownIndexes(keys, now);
        }).keys();
    }

    private MongoClient indexReader() {
        if (indexReader == null) {
            synchronized (this) {
                if (indexReader == null) {
                    indexReader = MongoClients.create(SteadyTestInfrastructure.get().mongoUri());
                }
            }
        }
        return indexReader;
    }

    /** The first frame of Steady's own code that sent the command; {@link #TEST_CODE} first if that is a test. */
    private static String caller() {
        for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith(StoreScans.class.getName())) {
                continue;   // this listener, called by the driver
            }
            if (type.startsWith("app.steady.testing.")) {
                return TEST_CODE + type;
            }
            if (type.startsWith("app.steady.") && !type.startsWith("app.steady.platform.store.")) {
                String simple = type.substring(type.lastIndexOf('.') + 1);
                String at = simple + "." + frame.getMethodName() + ":" + frame.getLineNumber();
                boolean test = simple.matches(".*(IT|Test|Tests|Fixture)(\\$.*)?");
                return test ? TEST_CODE + at : at;
            }
        }
        return "(outside Steady's code)";
    }

    private void writeReport() {
        if (counts.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>(List.of("# Filters the embedded store would answer by a scan",
                "", "Written by `StoreScans` at the end of a test JVM (issue 17): each filter shape the services sent "
                        + "that no unique index of exactly its keys serves.", "",
                "| count | database | collection | command | filter shape | first caller |", "|---|---|---|---|---|---|"));
        counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Shape, AtomicLong> e) -> e.getValue().get()).reversed())
                .forEach(e -> lines.add("| " + e.getValue().get() + " | " + e.getKey().database() + " | "
                        + e.getKey().collection() + " | " + e.getKey().command() + " | `" + e.getKey().filter() + "` | "
                        + callers.get(e.getKey()) + " |"));
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.write(target.resolve("store-scans.md"), lines);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
