package com.newsroom.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * When PostgreSQL does not answer, readers get a styled "temporarily unavailable" page (503, with
 * Retry-After) instead of a 500, and someone who was sending a comment gets their text back to copy. The
 * connection pool recovers by itself once the database returns.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseUnavailable implements HandlerExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    private final DataSource dataSource;

    DatabaseUnavailable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static final int RETRY_AFTER_SECONDS = 30;

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!isOutage(ex) && !(isDataFailure(ex) && databaseDown())) {
            return null;
        }
        log.warn("Database unavailable while serving {} {}: {}", request.getMethod(), request.getRequestURI(),
                rootMessage(ex));
        markUnavailable(response);
        ModelAndView view = new ModelAndView("error/unavailable");
        view.setStatus(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE);
        if ("POST".equals(request.getMethod()) && request.getRequestURI().matches("/articles/[^/]+/comments")) {
            // Nothing was saved: hand the text back so the reader can send it again later.
            view.addObject("unsavedComment", request.getParameter("body"));
            view.addObject("returnTo", request.getRequestURI().replaceFirst("/comments$", "") + "#respond");
        }
        return view;
    }

    /** The status and Retry-After of every answer given while the database is out, pages and page slots alike. */
    public static void markUnavailable(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    }

    public static boolean isOutage(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException
                    || cause instanceof java.net.ConnectException) {
                return true;
            }
            // SQLSTATE class 08: connection exceptions, such as a pooled connection the outage closed.
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * A failure from the data layer whose cause no longer says "connection" (a rollback on a connection the
     * outage closed, say): whether the database answers right now decides.
     */
    private static boolean isDataFailure(Throwable ex) {
        for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof org.springframework.dao.DataAccessException
                    || cause instanceof org.springframework.transaction.TransactionException
                    || cause instanceof jakarta.persistence.PersistenceException
                    || cause instanceof java.sql.SQLException) {
                return true;
            }
        }
        return false;
    }

    private boolean databaseDown() {
        try (Connection connection = dataSource.getConnection()) {
            return !connection.isValid(1);
        }
        catch (SQLException ex) {
            return true;
        }
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
