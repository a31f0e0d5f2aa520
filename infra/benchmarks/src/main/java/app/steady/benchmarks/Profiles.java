package app.steady.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * With {@code --profile}, every process of the run (services and the embedded store) records a JFR profile; this
 * section of the report says where each spent its CPU: its share of all the run's execution samples, the share of its
 * samples by the code that was running (the first frame not in the JDK: the store's engine, the MongoDB driver, Kafka,
 * Spring, Steady's own code; a HashMap lookup counts for whoever called it) and the hottest methods (top frame).
 *
 * <p>Summarise recordings again: {@code java -cp "infra/benchmarks/target/steady-benchmarks.jar:infra/benchmarks/target/lib/*"
 * app.steady.benchmarks.Profiles <directory of .jfr files>}.
 */
final class Profiles {

    private static final String JDK = "JDK";

    /** Code owners, first match wins, checked against the class of the sampled top frame. */
    private static final Map<String, String> OWNERS = new LinkedHashMap<>();

    static {
        OWNERS.put("de.bwaldvogel.", "embedded store (mongo-java-server)");
        OWNERS.put("org.h2.", "embedded store (H2 engine)");
        OWNERS.put("org.bson.", "BSON encoding");
        OWNERS.put("com.mongodb.", "MongoDB driver");
        OWNERS.put("org.apache.kafka.", "Kafka client/broker");
        OWNERS.put("kafka.", "Kafka client/broker");
        OWNERS.put("app.steady.", "Steady");
        OWNERS.put("org.springframework.", "Spring");
        OWNERS.put("tools.jackson.", "Jackson");
        OWNERS.put("com.fasterxml.jackson.", "Jackson");
        OWNERS.put("com.networknt.", "JSON Schema validation");
        OWNERS.put("io.micrometer.", "Micrometer");
        OWNERS.put("io.netty.", "Netty");
        OWNERS.put("org.apache.tomcat.", "Tomcat");
        OWNERS.put("org.apache.catalina.", "Tomcat");
        OWNERS.put("java.", JDK);
        OWNERS.put("jdk.", JDK);
        OWNERS.put("sun.", JDK);
    }

    private Profiles() {
    }

    public static void main(String[] args) {
        Path directory = Path.of(args[0]);
        report(directory, new Report(directory.resolve("profile-summary.md"), "(profiles re-read)", String.join(" ", args)));
    }

    /** The JVM option that makes a process record its profile into {@code directory/name.jfr} when it exits. */
    static String recordingOption(Path directory, String name) {
        return "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                + directory.resolve(name + ".jfr").toAbsolutePath();
    }

    static void report(Path directory, Report report) {
        report.section("Profiles (JFR execution samples, whole run)");
        report.line("Files: `" + directory + "` (open in JDK Mission Control for flame graphs).");
        List<Path> recordings;
        try (Stream<Path> files = Files.list(directory)) {
            recordings = files.filter(file -> file.toString().endsWith(".jfr")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Path, Summary> summaries = new LinkedHashMap<>();
        for (Path recording : recordings) {
            try {
                summaries.put(recording, summarise(recording));
            } catch (IOException e) {
                report.line("- " + recording.getFileName() + ": unreadable (" + e.getMessage() + ")");
            }
        }
        int all = Math.max(1, summaries.values().stream().mapToInt(Summary::samples).sum());
        summaries.forEach((recording, summary) -> {
            int total = Math.max(summary.samples(), 1);
            report.line("");
            report.line("**" + recording.getFileName().toString().replace(".jfr", "") + "** — " + summary.samples()
                    + " samples (" + Math.round(100.0 * summary.samples() / all) + " % of the run's); by code running: "
                    + shares(summary.byOwner(), total, 6));
            report.line("hottest methods: " + shares(summary.byMethod(), total, 6));
        });
    }

    private record Summary(int samples, Map<String, Integer> byOwner, Map<String, Integer> byMethod) {
    }

    private static Summary summarise(Path recording) throws IOException {
        Map<String, Integer> byOwner = new TreeMap<>();
        Map<String, Integer> byMethod = new TreeMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                        || event.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                RecordedFrame top = frames.get(0);
                byOwner.merge(owner(frames), 1, Integer::sum);
                byMethod.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
                samples++;
            }
        }
        return new Summary(samples, byOwner, byMethod);
    }

    /** The owner of the first frame outside the JDK (the JDK itself if the stack is all JDK, e.g. GC threads). */
    private static String owner(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String owner = owner(frame.getMethod().getType().getName());
            if (!owner.equals(JDK)) {
                return owner;
            }
        }
        return JDK;
    }

    private static String owner(String type) {
        return OWNERS.entrySet().stream().filter(entry -> type.startsWith(entry.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("other");
    }

    private static String shares(Map<String, Integer> counts, int total, int limit) {
        return String.join(", ", counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(limit)
                .map(entry -> "`" + entry.getKey() + "` " + Math.round(100.0 * entry.getValue() / total) + " %")
                .toList());
    }
}
