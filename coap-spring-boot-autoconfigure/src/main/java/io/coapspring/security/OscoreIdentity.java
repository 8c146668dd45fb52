package io.coapspring.security;

import java.security.Principal;
import java.util.Locale;
import java.util.Objects;

import org.eclipse.californium.elements.Definition;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.MapBasedEndpointContext;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The identity of a peer whose request came through an OSCORE (RFC 8613) security context: the recipient ID of
 * the context (the peer's sender ID, the {@code kid} of its requests) and the context's ID context, both in
 * lower-case hex. Its {@link #getName() name} is the recipient ID, prefixed with the ID context and a colon when
 * the context has one: {@code 01} or {@code 37cbf3210017a2d3:01}.
 * <p>
 * Californium's OSCORE layer ({@code cf-oscore}) records the context that decrypted a request in the request's
 * source {@link EndpointContext} ({@code OSCoreEndpointContextInfo}); {@link #of(EndpointContext)} reads it back
 * without needing {@code cf-oscore} on the classpath.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class OscoreIdentity implements Principal {

	private static final String RECIPIENT_ID_KEY = "*OSCORE_RECIPIENT_ID";

	private static final String CONTEXT_ID_KEY = "*OSCORE_CONTEXT_ID";

	private final String recipientId;

	private final String idContext;

	/**
	 * Create an identity.
	 * @param recipientId the recipient ID in hex, empty for an empty ID
	 * @param idContext the ID context in hex, empty for none
	 */
	public OscoreIdentity(String recipientId, String idContext) {
		Assert.notNull(recipientId, "'recipientId' must not be null");
		Assert.notNull(idContext, "'idContext' must not be null");
		this.recipientId = recipientId;
		this.idContext = idContext;
	}

	/**
	 * Return the OSCORE identity recorded in an endpoint context.
	 * @param context the source context of an inbound request, may be {@code null}
	 * @return the identity, or {@code null} if the request was not protected with OSCORE
	 */
	public static @Nullable OscoreIdentity of(@Nullable EndpointContext context) {
		if (context == null) {
			return null;
		}
		Object recipientId = entry(context, RECIPIENT_ID_KEY);
		if (recipientId == null) {
			return null;
		}
		Object idContext = entry(context, CONTEXT_ID_KEY);
		return new OscoreIdentity(recipientId.toString().toLowerCase(Locale.ROOT),
				(idContext != null) ? idContext.toString().toLowerCase(Locale.ROOT) : "");
	}

	// cf-oscore registers its definitions with Californium's attribute definitions when its class is initialized,
	// which it is before any context can carry them; a context is searched by the definition, not by the key
	private static @Nullable Object entry(EndpointContext context, String key) {
		Definition<?> definition = MapBasedEndpointContext.ATTRIBUTE_DEFINITIONS.get(key);
		return (definition != null) ? context.get(definition) : null;
	}

	/**
	 * Return the recipient ID of the context, the sender ID of the peer.
	 * @return the ID in lower-case hex, empty for an empty ID
	 */
	public String getRecipientId() {
		return this.recipientId;
	}

	/**
	 * Return the ID context of the security context.
	 * @return the ID context in lower-case hex, empty if the context has none
	 */
	public String getIdContext() {
		return this.idContext;
	}

	@Override
	public String getName() {
		return this.idContext.isEmpty() ? this.recipientId : this.idContext + ":" + this.recipientId;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		return (obj instanceof OscoreIdentity other) && this.recipientId.equals(other.recipientId)
				&& this.idContext.equals(other.idContext);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.recipientId, this.idContext);
	}

	@Override
	public String toString() {
		return "OscoreIdentity[" + getName() + "]";
	}

}
