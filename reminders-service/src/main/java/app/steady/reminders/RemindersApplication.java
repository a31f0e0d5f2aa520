package app.steady.reminders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** reminders-service: boundary-aware reminders scheduled and cancelled from events, dispatched once. */
@SpringBootApplication
public class RemindersApplication {

    public static void main(String[] args) {
        SpringApplication.run(RemindersApplication.class, args);
    }
}
