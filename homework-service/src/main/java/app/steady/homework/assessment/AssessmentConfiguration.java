package app.steady.homework.assessment;

import app.steady.homework.questionnaires.MeasureRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AssessmentConfiguration {

    /** The standard measures; a provider adds more as data by defining its own registry bean. */
    @Bean
    MeasureRegistry measureRegistry() {
        return MeasureRegistry.standard();
    }
}
