package dev.drsorchestrator.devstack.cognito;

/**
 * An OAuth 2.0 error of the token endpoint: {@code {"error": …, "error_description": …}} with status 400, or 401 for
 * {@code invalid_client}, as Cognito answers.
 */
final class OAuthError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String error;

    OAuthError(String error, String description) {
        super(description);
        this.error = error;
    }

    String error() {
        return error;
    }

    int status() {
        return error.equals("invalid_client") ? 401 : 400;
    }
}
