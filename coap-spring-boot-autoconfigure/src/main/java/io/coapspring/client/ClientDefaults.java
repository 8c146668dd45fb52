package io.coapspring.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The request defaults of one {@link CoapTemplate}, resolved by its builder.
 *
 * @param timeout how long to wait for a response
 * @param confirmable whether requests are CON
 * @param accept the Accept Content-Format, or {@code null} for none
 * @param contentFormat the Content-Format bodies are written in, or {@code null} for the converters' choice
 * @param maxRetransmit retransmissions of CON requests, or {@code null} for the configured value
 * @param blockSize the block size, or 0 for the configured one
 * @param maxBodySize the largest body, or 0 for the configured one
 * @param multicastWindow how long discovery on a multicast group collects responses
 * @param multicastInterface the name of the interface multicast requests leave from, or {@code null} for the
 * operating system's choice
 * @author CoAP Spring Boot team
 */
record ClientDefaults(Duration timeout, boolean confirmable, @Nullable Integer accept, @Nullable Integer contentFormat,
		@Nullable Integer maxRetransmit, int blockSize, int maxBodySize, Duration multicastWindow,
		@Nullable String multicastInterface) {

}
