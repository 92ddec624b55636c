package com.newsroom.account;

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
