package com.newsroom.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A real SMTP server in-process (GreenMail) on a free port, and the application's mail sender pointed at it,
 * for tests and local development: mail really goes over SMTP and can be read back.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailConfiguration {

    @Bean(destroyMethod = "stop")
    GreenMail greenMail() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        return server;
    }

    /** Spring Boot's own sender backs off when one exists, exactly as with spring.mail.host set. */
    @Bean
    JavaMailSenderImpl mailSender(GreenMail greenMail) {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(greenMail.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }
}
