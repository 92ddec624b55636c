package com.newsroom.account;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Username-or-email and password sign-in that refuses locked accounts and addresses before checking anything. */
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
        String accountKey = LoginThrottle.accountKey(String.valueOf(authentication.getPrincipal()));
        String addressKey = LoginThrottle.addressKey(authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : null);
        if (throttle.isLocked(accountKey, addressKey)) {
            throw new LoginThrottledException();
        }
        try {
            Authentication result = super.authenticate(authentication);
            throttle.recordSuccess(accountKey);
            return result;
        }
        catch (BadCredentialsException ex) {
            if (throttle.recordFailure(accountKey, addressKey)) {
                throw new LoginThrottledException();
            }
            throw ex;
        }
    }
}
