package com.newsroom.account;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for this account or address: try again later. */
public class LoginThrottledException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    public LoginThrottledException() {
        super("throttled");
    }
}
