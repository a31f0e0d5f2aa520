package app.steady.homework.assignment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HomeworkProperties.class)
class AssignmentConfiguration {
}
