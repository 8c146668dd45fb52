package io.coapspring.security;

import java.security.Principal;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.eclipse.californium.elements.auth.RawPublicKeyIdentity;
import org.eclipse.californium.elements.auth.X509CertPath;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The authenticated identity of a CoAP peer, as a {@link Principal} with a stable, readable name.
 * <p>
 * Californium records the peer authenticated by a DTLS handshake in the request's
 * {@link EndpointContext#getPeerIdentity() endpoint context} as a {@link PreSharedKeyIdentity},
 * {@link X509CertPath} or {@link RawPublicKeyIdentity}. This class turns each into one principal type whose
 * {@link #getName() name} is
 * <ul>
 * <li>the PSK identity itself for a pre-shared key (Californium's own name prefixes it with the virtual
 * host and a colon when the client indicated a server name),</li>
 * <li>the subject distinguished name (RFC 2253) of the client's certificate for X.509, and</li>
 * <li>the RFC 6920 {@code ni:///sha-256;...} URI of the key for a raw public key.</li>
 * </ul>
 * A request that an OSCORE (RFC 8613) security context decrypted has an {@link OscoreIdentity}, whose name is
 * the context's recipient ID in hex (prefixed with its ID context and a colon if it has one); OSCORE
 * authenticates the endpoint that protected the request end to end, so it wins over the DTLS identity of the
 * hop the request arrived on (for instance a proxy). A request over plain UDP without OSCORE has no peer
 * identity.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapPeerIdentity implements Principal {

	private final Type type;

	private final String name;

	private final Principal principal;

	private CoapPeerIdentity(Type type, String name, Principal principal) {
		this.type = type;
		this.name = name;
		this.principal = principal;
	}

	/**
	 * Return the identity of the peer that sent the given request.
	 * @param request an inbound request
	 * @return the identity, or {@code null} if the peer was not authenticated
	 */
	public static @Nullable CoapPeerIdentity of(Request request) {
		Assert.notNull(request, "'request' must not be null");
		return of(request.getSourceContext());
	}

	/**
	 * Return the identity of the peer of the given endpoint context.
	 * @param context the endpoint context of a message, may be {@code null}
	 * @return the identity, or {@code null} if the peer was not authenticated
	 */
	public static @Nullable CoapPeerIdentity of(@Nullable EndpointContext context) {
		if (context == null) {
			return null;
		}
		OscoreIdentity oscore = OscoreIdentity.of(context);
		if (oscore != null) {
			return new CoapPeerIdentity(Type.OSCORE, oscore.getName(), oscore);
		}
		return of(context.getPeerIdentity());
	}

	/**
	 * Return the identity for the given Californium principal.
	 * @param principal a principal of an endpoint context, may be {@code null}
	 * @return the identity, or {@code null} if the principal is {@code null}
	 */
	public static @Nullable CoapPeerIdentity of(@Nullable Principal principal) {
		if (principal == null) {
			return null;
		}
		if (principal instanceof CoapPeerIdentity identity) {
			return identity;
		}
		if (principal instanceof PreSharedKeyIdentity psk) {
			return new CoapPeerIdentity(Type.PRE_SHARED_KEY, psk.getIdentity(), psk);
		}
		if (principal instanceof X509CertPath certPath) {
			return new CoapPeerIdentity(Type.X509_CERTIFICATE, certPath.getName(), certPath);
		}
		if (principal instanceof RawPublicKeyIdentity rpk) {
			return new CoapPeerIdentity(Type.RAW_PUBLIC_KEY, rpk.getName(), rpk);
		}
		return new CoapPeerIdentity(Type.OTHER, String.valueOf(principal.getName()), principal);
	}

	/**
	 * Return the name of the peer: its PSK identity, certificate subject DN, raw public key URI, or OSCORE
	 * recipient ID.
	 * @return the name
	 */
	@Override
	public String getName() {
		return this.name;
	}

	/**
	 * Return how the peer was authenticated.
	 * @return the type of credentials
	 */
	public Type getType() {
		return this.type;
	}

	/**
	 * Return the principal Californium recorded.
	 * @return the original principal
	 */
	public Principal getPrincipal() {
		return this.principal;
	}

	/**
	 * Return the peer's certificate chain, its own certificate first.
	 * @return the chain, empty unless the peer authenticated with an X.509 certificate
	 */
	public List<X509Certificate> getCertificates() {
		if (this.principal instanceof X509CertPath certPath) {
			return certPath.getPath().getCertificates().stream().map(X509Certificate.class::cast).toList();
		}
		return List.of();
	}

	/**
	 * Return the peer's public key.
	 * @return the key of the peer's certificate or raw public key, or {@code null} for a pre-shared key
	 */
	public @Nullable PublicKey getPublicKey() {
		if (this.principal instanceof X509CertPath certPath) {
			return certPath.getTarget().getPublicKey();
		}
		if (this.principal instanceof RawPublicKeyIdentity rpk) {
			return rpk.getKey();
		}
		return null;
	}

	/**
	 * Return the virtual host (TLS server name indication) the peer's pre-shared key is scoped to.
	 * @return the virtual host, or {@code null} if the key is not scoped or the peer used no PSK
	 */
	public @Nullable String getVirtualHost() {
		if (this.principal instanceof PreSharedKeyIdentity psk && psk.isScopedIdentity()) {
			return psk.getVirtualHost();
		}
		return null;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		if (this == obj) {
			return true;
		}
		return (obj instanceof CoapPeerIdentity other) && this.type == other.type
				&& this.principal.equals(other.principal);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.type, this.principal);
	}

	@Override
	public String toString() {
		return "CoapPeerIdentity[" + this.type + " " + this.name + "]";
	}

	/**
	 * How a peer was authenticated.
	 */
	public enum Type {

		/**
		 * A pre-shared key (PSK) DTLS handshake.
		 */
		PRE_SHARED_KEY,

		/**
		 * An X.509 certificate chain.
		 */
		X509_CERTIFICATE,

		/**
		 * A raw public key (RFC 7250).
		 */
		RAW_PUBLIC_KEY,

		/**
		 * An OSCORE (RFC 8613) security context: the principal is an {@link OscoreIdentity}.
		 */
		OSCORE,

		/**
		 * A principal of another kind, set by a custom connector.
		 */
		OTHER

	}

}
