package com.newsroom.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.TestContent;

@IntegrationTest
class AdminBootstrapIntegrationTests {

    @Autowired
    TestContent content;

    @Autowired
    AccountService accounts;

    @Autowired
    Accounts accountRepository;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void emptySite() {
        content.reset();
    }

    private AdminBootstrap bootstrap(String username, String password) {
        var login = new AdminProperties.Login(5, 20, 50, Duration.ofMinutes(15));
        return new AdminBootstrap(accounts,
                new AdminProperties(new AdminProperties.Bootstrap(username, username + "@example.org", "Chief",
                        password), login, Duration.ofHours(12)), transaction);
    }

    @Test
    void firstAdminIsCreatedFromConfigurationOnlyWhileNoAdminExists() {
        bootstrap("chief", "a long configured secret").run(null);
        bootstrap("second", "another long secret").run(null);

        assertThat(accountRepository.findAll()).singleElement().satisfies(account -> {
            assertThat(account.getUsername()).isEqualTo("chief");
            assertThat(account.getRoles()).containsExactly(Role.ADMIN);
            assertThat(account.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("secret");
        });
    }

    @Test
    void aBootstrapPasswordOver72BytesStopsStartUpWithASentenceNotAStackTraceFromBcrypt() {
        String tooLong = "ö".repeat(37);

        assertThatThrownBy(() -> bootstrap("chief", tooLong).run(null)).isInstanceOf(IllegalStateException.class)
                .hasMessage("The first administrator was not created: NEWSROOM_ADMIN_BOOTSTRAP_PASSWORD may be at most "
                        + "72 bytes in UTF-8");
        assertThat(accountRepository.count()).isZero();
    }

    @Test
    void withoutConfigurationNoAccountIsCreated() {
        bootstrap(null, null).run(null);

        assertThat(accountRepository.count()).isZero();
    }
}
