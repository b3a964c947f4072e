package org.jetraiders.server.agones;

import java.util.Locale;

/**
 * The sidecar answered a call with a non-2xx status. The gateway maps most SDK errors to 500 with
 * the gRPC error text in the body ({@code {"code":2,"message":"already exists. ..."}}), so the
 * benign outcomes of list edits are recognised by status or by that text.
 */
final class SdkCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String body;

    SdkCallException(String call, int status, String body) {
        super(call + " answered " + status + ": " + abbreviate(body), null, false, false);
        this.status = status;
        this.body = body == null ? "" : body;
    }

    int status() {
        return status;
    }

    /** AddListValue of a value the list already holds. */
    boolean alreadyExists() {
        return status == 409 || body.toLowerCase(Locale.ROOT).contains("already exists");
    }

    /** RemoveListValue of a value the list does not hold. */
    boolean notFound() {
        return status == 404 || body.toLowerCase(Locale.ROOT).contains("not found");
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String oneLine = body.replace('\n', ' ').strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
