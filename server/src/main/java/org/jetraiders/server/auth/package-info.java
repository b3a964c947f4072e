/**
 * Guest login: guest ids, signed session tokens and display-name sanitising.
 *
 * <p>Threads: everything here is thread-safe and called from HTTP worker threads (guest init and
 * login) and from WebSocket threads (verifying the session token of a Join).
 */
package org.jetraiders.server.auth;
