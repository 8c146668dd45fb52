package io.coapspring.security.authentication;

import java.util.Collection;
import java.util.List;

import io.coapspring.security.CoapPeerIdentity;

import org.springframework.security.core.GrantedAuthority;

/**
 * Grants authorities to a CoAP peer authenticated by DTLS, for the {@link CoapPeerAuthenticationToken} that
 * handler methods run with, so that {@code @PreAuthorize("hasRole('ADMIN')")} or {@code @Secured} can decide.
 * Declare a bean of this type to map identities to authorities in one place; without one, peers are
 * authenticated but granted no authority.
 *
 * <pre class="code">
 * &#64;Bean
 * CoapAuthoritiesMapper deviceRoles(DeviceRepository devices) {
 *     return (peer) -&gt; AuthorityUtils.createAuthorityList(devices.rolesOf(peer.getName()));
 * }
 * </pre>
 * The mapper is asked on the handler thread for every request over DTLS, so it should be fast: cache what
 * comes from a slow store.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface CoapAuthoritiesMapper {

	/**
	 * Return the authorities of a peer.
	 * @param identity the identity a DTLS handshake authenticated
	 * @return the authorities, empty for none
	 */
	Collection<? extends GrantedAuthority> getAuthorities(CoapPeerIdentity identity);

	/**
	 * Return a mapper that grants no authority.
	 * @return the mapper
	 */
	static CoapAuthoritiesMapper none() {
		return (identity) -> List.of();
	}

}
