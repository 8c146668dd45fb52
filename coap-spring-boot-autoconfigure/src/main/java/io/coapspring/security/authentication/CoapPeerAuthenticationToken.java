package io.coapspring.security.authentication;

import java.util.Collection;

import io.coapspring.security.CoapPeerIdentity;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.util.Assert;

/**
 * The {@link org.springframework.security.core.Authentication} of a CoAP peer that a DTLS handshake
 * authenticated: its principal is the {@link CoapPeerIdentity}, its name the identity's name (PSK identity,
 * certificate subject or raw public key URI). It is authenticated from the start and has no credentials: the
 * handshake has checked them.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapPeerAuthenticationToken extends AbstractAuthenticationToken {

	private final CoapPeerIdentity identity;

	/**
	 * Create a token.
	 * @param identity the peer's identity
	 * @param authorities the authorities granted to the peer
	 */
	public CoapPeerAuthenticationToken(CoapPeerIdentity identity,
			Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		Assert.notNull(identity, "'identity' must not be null");
		this.identity = identity;
		setAuthenticated(true);
	}

	@Override
	public CoapPeerIdentity getPrincipal() {
		return this.identity;
	}

	/**
	 * Return no credentials: the DTLS handshake has checked them, and the key never leaves it.
	 * @return {@code null}
	 */
	@Override
	public @Nullable Object getCredentials() {
		return null;
	}

}
