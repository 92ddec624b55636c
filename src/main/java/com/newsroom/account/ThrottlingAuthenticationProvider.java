package com.newsroom.account;

import java.nio.charset.StandardCharsets;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username-or-email and password sign-in. Every attempt is counted before anything is checked (see
 * {@link LoginThrottle}); one over a limit is refused without looking at the password. Whatever else went
 * wrong (unknown name, wrong password, disabled account) the person is told the same thing.
 */
public class ThrottlingAuthenticationProvider extends DaoAuthenticationProvider {

    /** BCrypt reads at most this many bytes; longer passwords are never accepted, and never reach it. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final LoginThrottle throttle;

    public ThrottlingAuthenticationProvider(StaffUserDetailsService users, PasswordEncoder encoder,
            LoginThrottle throttle) {
        super(users);
        setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress()
                : null;
        LoginThrottle.Attempt attempt = throttle.begin(String.valueOf(authentication.getPrincipal()), address);
        if (!attempt.allowed()) {
            throw new LoginThrottledException();
        }
        Object password = authentication.getCredentials();
        if (password != null && password.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throttle.failed(attempt);
            throw new BadCredentialsException("failed");
        }
        try {
            Authentication result = super.authenticate(authentication);
            throttle.succeeded(attempt, (StaffUser) result.getPrincipal());
            return result;
        }
        catch (AuthenticationException ex) {
            throttle.failed(attempt);
            throw new BadCredentialsException("failed");
        }
    }
}
