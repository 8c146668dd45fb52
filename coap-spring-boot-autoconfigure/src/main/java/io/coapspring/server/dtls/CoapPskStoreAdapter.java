package io.coapspring.server.dtls;

import java.net.InetSocketAddress;
import java.util.Arrays;

import javax.crypto.SecretKey;

import io.coapspring.security.CoapPskStore;
import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.PskPublicInformation;
import org.eclipse.californium.scandium.dtls.PskSecretResult;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedPskStore;
import org.eclipse.californium.scandium.util.SecretUtil;
import org.eclipse.californium.scandium.util.ServerNames;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Adapts a {@link CoapPskStore} to Scandium's {@link AdvancedPskStore} for the server side of DTLS
 * handshakes: the secret is looked up synchronously by the identity the client presents, whatever server
 * name it indicated.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapPskStoreAdapter implements AdvancedPskStore {

	private static final String PSK_ALGORITHM = "PSK";

	private final CoapPskStore store;

	/**
	 * Create an adapter.
	 * @param store the store to ask for secrets
	 */
	public CoapPskStoreAdapter(CoapPskStore store) {
		Assert.notNull(store, "'store' must not be null");
		this.store = store;
	}

	@Override
	public boolean hasEcdhePskSupported() {
		return true;
	}

	@Override
	public PskSecretResult requestPskSecretResult(ConnectionId cid, @Nullable ServerNames serverName,
			PskPublicInformation identity, String hmacAlgorithm, @Nullable SecretKey otherSecret,
			byte @Nullable [] seed, boolean useExtendedMasterSecret) {
		byte[] secret = this.store.getSecret(identity.getPublicInfoAsString());
		if (secret == null || secret.length == 0) {
			return new PskSecretResult(cid, identity, null);
		}
		byte[] copy = Arrays.copyOf(secret, secret.length);
		try {
			SecretKey key = SecretUtil.create(copy, PSK_ALGORITHM);
			return new PskSecretResult(cid, identity, key);
		}
		finally {
			Arrays.fill(copy, (byte) 0);
		}
	}

	@Override
	public @Nullable PskPublicInformation getIdentity(InetSocketAddress peerAddress,
			@Nullable ServerNames virtualHost) {
		// only clients present an identity; this store serves the server side
		return null;
	}

	@Override
	public void setResultHandler(HandshakeResultHandler resultHandler) {
		// answers synchronously
	}

}
