package org.jetraiders.client.message;

/**
 * {@code Error}: the server rejected something this client sent (or refuses to go on, just before it
 * closes the connection).
 *
 * @param code    the machine-readable code, e.g. {@code lobby_full}, {@code invalid_json} (docs/PROTOCOL.md,
 *                "Errors and limits")
 * @param message a human-readable explanation; may change between server versions
 */
public record ServerError(String code, String message) {
}
