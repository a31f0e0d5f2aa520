package app.steady.goals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** goals-service: collaborative goals, strengths, progress and wellness plans; owner of the caseload. */
@SpringBootApplication
public class GoalsApplication {

    public static void main(String[] args) {
        SpringApplication.run(GoalsApplication.class, args);
    }
}
