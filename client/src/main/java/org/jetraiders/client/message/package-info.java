/**
 * The JSON messages of the protocol (docs/PROTOCOL.md) as records, with their decoder
 * ({@link org.jetraiders.client.message.ServerMessageDecoder}) and the client's outgoing messages
 * ({@link org.jetraiders.client.message.ClientMessages}). The binary protocol keeps these messages
 * JSON too; only world frames and inputs are binary ({@code org.jetraiders.client.binary}).
 *
 * <p>Threads: the records are immutable; the decoder and builders are stateless. Any thread may use them.
 */
package org.jetraiders.client.message;
