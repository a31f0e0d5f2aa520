package app.steady.analytics.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Serves the dashboard page at {@code /dashboard}. */
@Controller
class DashboardController {

    @GetMapping("/dashboard")
    String dashboard() {
        return "forward:/dashboard/index.html";
    }
}
