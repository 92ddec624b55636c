package com.newsroom.config;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.servlet.HandlerMapping;

import com.newsroom.account.LoginThrottle;
import com.newsroom.account.LoginThrottledException;
import com.newsroom.account.StaffUserDetailsService;
import com.newsroom.account.ThrottlingAuthenticationProvider;

/**
 * Public pages are open to everyone; everything under /admin needs a staff role, checked here per route
 * and again on the service methods that change content. CSRF protects every POST.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** The session attribute the login page reads to keep what was typed after a failed attempt. */
    static final String LAST_LOGIN = "NEWSROOM_LAST_LOGIN";

    @Bean
    PasswordEncoder passwordEncoder() {
        // {bcrypt} by default; hashes carry their algorithm, so the default can move on without a reset.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Administrators can do what editors can; editors what authors and moderators can. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_EDITOR
                ROLE_EDITOR > ROLE_AUTHOR
                ROLE_EDITOR > ROLE_MODERATOR
                """);
    }

    /**
     * URLs the firewall refuses (encoded slashes, path traversal) cannot name a page: readers get the site's
     * 404, as for any other unknown address.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new HttpStatusRequestRejectedHandler(404);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, StaffUserDetailsService users, PasswordEncoder encoder,
            LoginThrottle throttle, Environment environment,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> controllers) throws Exception {
        // The only way to sign in: no parent manager that could retry a throttled attempt with the same password.
        var provider = new ThrottlingAuthenticationProvider(users, encoder, throttle);
        var manager = new ProviderManager(provider);
        manager.setEraseCredentialsAfterAuthentication(true);
        var staffPages = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/admin/**"),
                PathPatternRequestMatcher.pathPattern("/admin"), PathPatternRequestMatcher.pathPattern("/login"));
        http.authenticationManager(manager)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/admin/staff/**", "/admin/settings/**", "/admin/audit/**", "/admin/mail/**")
                        .hasRole("ADMIN")
                        // Images sent from the article editor: for everyone who writes; the library itself is not.
                        .requestMatchers(HttpMethod.POST, "/admin/media/uploads").hasRole("AUTHOR")
                        .requestMatchers("/admin/categories/**", "/admin/tags/**", "/admin/media/**").hasRole("EDITOR")
                        .requestMatchers(HttpMethod.POST, "/admin/articles/*/publish", "/admin/articles/*/schedule",
                                "/admin/articles/*/unpublish", "/admin/articles/*/archive",
                                "/admin/articles/*/corrections", "/admin/articles/*/delete",
                                "/admin/articles/*/takedown", "/admin/articles/*/untrash", "/admin/articles/*/purge",
                                "/admin/articles/*/review/return", "/admin/articles/*/review/notes",
                                "/admin/articles/*/update/publish", "/admin/articles/*/update/schedule",
                                "/admin/articles/*/update/unschedule", "/admin/articles/*/update/return")
                        .hasRole("EDITOR")
                        .requestMatchers("/admin/articles/trash", "/admin/articles/*/purge").hasRole("EDITOR")
                        .requestMatchers("/admin/articles/*/live", "/admin/articles/*/live/**").hasRole("EDITOR")
                        .requestMatchers("/admin/articles", "/admin/articles/**").hasRole("AUTHOR")
                        // The comment queue (comments feature) is for moderators, and editors above them.
                        .requestMatchers("/admin/comments", "/admin/comments/**", "/admin/moderation",
                                "/admin/moderation/**").hasRole("MODERATOR")
                        .requestMatchers("/admin", "/admin/profile", "/admin/profile/**").authenticated()
                        // Any other admin page defaults to editors, never to every signed-in role.
                        .requestMatchers("/admin/**").hasRole("EDITOR")
                        // Operations: probes for anyone (load balancers, orchestrators), the rest of the actuator
                        // only for a local scraper or an administrator (see ActuatorAccess).
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator", "/actuator/**").access(ActuatorAccess.localOrAdmin(
                                dedicatedManagementPort(environment)))
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").usernameParameter("username")
                        .passwordParameter("password").successHandler(new TokenIssuingSignIn("/admin"))
                        .failureHandler(failureHandler()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                // A staff form sent after its session ended: keep what was typed and ask to sign in again.
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new SessionEndedForms()))
                // The reader comment form is protected without a session (signed form token and a same-origin
                // check, see comment.SameOrigin (web)), so article pages stay cacheable and readers get no
                // session just for viewing them. Every staff form uses the session's CSRF token.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new CsrfRequired(controllers))
                        .ignoringRequestMatchers(
                                PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/articles/*/comments"),
                                // The unguessable token in a reply mail's link is what authorises these, and a
                                // mail client's one-click unsubscribe (RFC 8058) posts with no page at all.
                                PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/replies/*/*"),
                                // Reader reports: same-origin checked and counted per address, as comments are.
                                PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/comments/*/report")))
                // Staff pages are never stored by browsers or proxies; reader pages keep their own caching.
                // Every response carries the same hardening headers (see SecurityHeaders); HSTS only goes out on
                // HTTPS, which includes X-Forwarded-Proto: https from the load balancer.
                // Anything else not marked public (and anything made for a session) is private: PersonalResponses.
                .headers(headers -> SecurityHeaders.apply(headers.cacheControl(cache -> cache.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(staffPages,
                                new CacheControlHeadersWriter()))
                        .addHeaderWriter(new PersonalResponses())));
        return http.build();
    }

    /** The actuator's own port, when it has one (management.server.port set and not the site's port). */
    private static Integer dedicatedManagementPort(Environment environment) {
        Integer management = environment.getProperty("management.server.port", Integer.class);
        Integer site = environment.getProperty("server.port", Integer.class, 8080);
        return management == null || management.equals(site) ? null : management;
    }

    private static AuthenticationFailureHandler failureHandler() {
        return new AuthenticationFailureHandler() {
            @Override
            public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                    AuthenticationException exception) throws IOException, ServletException {
                String login = request.getParameter("username");
                request.getSession().setAttribute(LAST_LOGIN, login == null ? "" : login.strip());
                // One message for every other reason (unknown name, wrong password, disabled account), so the
                // page tells nobody which accounts exist or are disabled.
                String reason = exception instanceof LoginThrottledException ? "locked" : "failed";
                response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
            }
        };
    }
}
