/**
 * Guest login: guest ids, signed session tokens and display-name sanitising; the resume keys and
 * tokens a dropped player takes its plane back with ({@link org.jetraiders.server.auth.ResumeKeys}).
 *
 * <p>Threads: everything here is thread-safe and called from HTTP worker threads (guest init and
 * login) and from WebSocket threads (verifying the session token, or the resume token, of a Join).
 */
package org.jetraiders.server.auth;
