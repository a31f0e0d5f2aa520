package app.steady.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** What the run measured, printed as it goes and written as Markdown to target/benchmark-report.md. */
final class Report {

    private final StringBuilder markdown = new StringBuilder();
    private final Path file;

    Report(Path file, String machine, String options) {
        this.file = file;
        line("# Steady benchmark report");
        line("");
        line("Run at " + Instant.now() + ". Machine: " + machine + ".");
        line("Options: `" + options + "`.");
        line("");
    }

    void section(String title) {
        line("");
        line("## " + title);
        line("");
    }

    void line(String text) {
        System.out.println(text);
        markdown.append(text).append('\n');
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(java.util.Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }
}
