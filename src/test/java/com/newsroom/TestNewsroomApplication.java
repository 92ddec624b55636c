package com.newsroom;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import com.newsroom.demo.DemoContent;
import com.newsroom.testsupport.DevelopmentDatabaseConfiguration;
import com.newsroom.testsupport.TestMailConfiguration;

/**
 * Local development: {@code ./mvnw spring-boot:test-run} starts the site on http://localhost:8080 with a
 * persistent development database, filled with demo content the first time.
 */
public class TestNewsroomApplication {

    public static void main(String[] args) {
        SpringApplication.from(NewsroomApplication::main)
                .with(DevelopmentSetup.class)
                .withAdditionalProfiles("dev")
                .run(args);
    }

    @TestConfiguration(proxyBeanMethods = false)
    @Import({ DevelopmentDatabaseConfiguration.class, DemoContent.class, com.newsroom.demo.DemoLogins.class,
            TestMailConfiguration.class })
    static class DevelopmentSetup {
    }
}
