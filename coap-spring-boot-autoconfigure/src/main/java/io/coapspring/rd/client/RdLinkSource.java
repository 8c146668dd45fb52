package io.coapspring.rd.client;

/**
 * The links this application registers with a Resource Directory, in link format. The default,
 * {@link ApplicationRdLinkSource}, gives the links of the application's own {@code /.well-known/core}; a bean of
 * this type replaces it.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface RdLinkSource {

	/**
	 * Return the links to register.
	 * @return a link-format document, possibly empty
	 */
	String getLinks();

}
