package io.coapspring.rd.server;

import java.net.InetSocketAddress;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Who sent a request to the Resource Directory: its address, and the identity a DTLS handshake authenticated.
 *
 * @param address the peer's address and port
 * @param identity the authenticated identity (PSK identity, certificate subject, raw public key URI), or
 * {@code null} over plain UDP
 * @param secure whether the request came over DTLS
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record RdPeer(InetSocketAddress address, @Nullable String identity, boolean secure) {

	/**
	 * Create a peer.
	 */
	public RdPeer {
		Assert.notNull(address, "'address' must not be null");
	}

	/**
	 * Return the IP address of the peer, as text.
	 * @return the address, such as {@code 192.0.2.7} or {@code 2001:db8::7}
	 */
	public String host() {
		return (this.address.getAddress() != null) ? this.address.getAddress().getHostAddress()
				: this.address.getHostString();
	}

}
