package io.coapspring.interop;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request a test description asks a client to send, in terms every client understands; each
 * {@link PlugtestClient} translates it into its own API or command line, or reports that it cannot express it.
 *
 * @param method GET, POST, PUT or DELETE
 * @param uri the absolute {@code coap://} URI, with the query
 * @param nonConfirmable whether to send it as NON rather than CON
 * @param token the token to use, {@code null} to let the client choose one (an empty array asks for a
 * zero-length token)
 * @param accept the Accept option, or {@code null}
 * @param contentFormat the Content-Format option, or {@code null}
 * @param payload the payload, empty for none
 * @param etags ETag options (validation of a cached response)
 * @param ifMatch If-Match options
 * @param ifNoneMatch whether to send If-None-Match
 * @param block2Size the block size to ask for responses in from the start (early negotiation), or {@code null}
 * @param block1Size the block size to send the payload in, or {@code null}
 */
record PeerRequest(String method, String uri, boolean nonConfirmable, byte[] token, Integer accept,
		Integer contentFormat, byte[] payload, List<byte[]> etags, List<byte[]> ifMatch, boolean ifNoneMatch,
		Integer block2Size, Integer block1Size) {

	static Builder get(String uri) {
		return new Builder("GET", uri);
	}

	static Builder post(String uri) {
		return new Builder("POST", uri);
	}

	static Builder put(String uri) {
		return new Builder("PUT", uri);
	}

	static Builder delete(String uri) {
		return new Builder("DELETE", uri);
	}

	static final class Builder {

		private final String method;

		private final String uri;

		private boolean nonConfirmable;

		private byte[] token;

		private Integer accept;

		private Integer contentFormat;

		private byte[] payload = new byte[0];

		private final List<byte[]> etags = new ArrayList<>();

		private final List<byte[]> ifMatch = new ArrayList<>();

		private boolean ifNoneMatch;

		private Integer block2Size;

		private Integer block1Size;

		private Builder(String method, String uri) {
			this.method = method;
			this.uri = uri;
		}

		Builder nonConfirmable() {
			this.nonConfirmable = true;
			return this;
		}

		Builder token(byte[] token) {
			this.token = token;
			return this;
		}

		Builder accept(int accept) {
			this.accept = accept;
			return this;
		}

		Builder text(String text) {
			this.contentFormat = 0;
			this.payload = text.getBytes(StandardCharsets.UTF_8);
			return this;
		}

		Builder payload(int contentFormat, byte[] payload) {
			this.contentFormat = contentFormat;
			this.payload = payload.clone();
			return this;
		}

		Builder etag(byte[] etag) {
			this.etags.add(etag.clone());
			return this;
		}

		Builder ifMatch(byte[] etag) {
			this.ifMatch.add(etag.clone());
			return this;
		}

		Builder ifNoneMatch() {
			this.ifNoneMatch = true;
			return this;
		}

		Builder block2Size(int size) {
			this.block2Size = size;
			return this;
		}

		Builder block1Size(int size) {
			this.block1Size = size;
			return this;
		}

		PeerRequest build() {
			return new PeerRequest(this.method, this.uri, this.nonConfirmable, this.token, this.accept,
					this.contentFormat, this.payload, List.copyOf(this.etags), List.copyOf(this.ifMatch),
					this.ifNoneMatch, this.block2Size, this.block1Size);
		}

	}

}
