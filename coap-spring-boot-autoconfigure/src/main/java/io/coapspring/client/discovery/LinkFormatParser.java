package io.coapspring.client.discovery;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.coapspring.linkformat.LinkFormatReader;

import org.springframework.util.Assert;

/**
 * Parses CoRE Link Format documents (RFC 6690 section 2) into {@link WebLink}s, in document order, with the
 * {@link LinkFormatReader.Syntax#LENIENT lenient} syntax of {@link LinkFormatReader}: quoted values may contain
 * commas, semicolons and escaped quotes; a value may also be an unquoted token; a target that is no URI reference
 * (a URI template) is kept, and its characters a URI cannot carry are percent-encoded in {@link WebLink#getUri()}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class LinkFormatParser {

	private static final String ILLEGAL = "{}|\\^`\"<>";

	private static final String HEX = "0123456789ABCDEF";

	private LinkFormatParser() {
	}

	/**
	 * Parse a document.
	 * @param document the link-format text
	 * @param source the node that served it; relative targets are resolved against {@code coap://source/}
	 * @return the links in document order
	 * @throws IllegalArgumentException if the document is malformed, naming the position
	 */
	public static List<WebLink> parse(String document, InetSocketAddress source) {
		Assert.notNull(document, "'document' must not be null");
		Assert.notNull(source, "'source' must not be null");
		URI context = context(source);
		return LinkFormatReader.read(document, LinkFormatReader.Syntax.LENIENT, Integer.MAX_VALUE,
				(target, attributes) -> new WebLink(target, resolve(context, target), source, attributes));
	}

	private static URI context(InetSocketAddress source) {
		String host = source.getAddress().getHostAddress();
		if (source.getAddress() instanceof Inet6Address) {
			int zone = host.indexOf('%');
			host = "[" + ((zone >= 0) ? host.substring(0, zone) : host) + "]";
		}
		try {
			return new URI("coap://" + host + ":" + source.getPort() + "/");
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("Cannot build a URI for " + source, ex);
		}
	}

	private static URI resolve(URI context, String target) {
		try {
			return context.resolve(new URI(target));
		}
		catch (URISyntaxException ex) {
			// a URI template such as </sensors/{id}>, which some servers list for patterns with variables
			try {
				return context.resolve(new URI(encodeIllegal(target)));
			}
			catch (URISyntaxException again) {
				throw new IllegalArgumentException("Invalid link target <" + target + ">: " + ex.getMessage(), ex);
			}
		}
	}

	/**
	 * Percent-encode the characters a URI cannot carry, such as the braces of a URI template.
	 */
	private static String encodeIllegal(String target) {
		StringBuilder encoded = new StringBuilder(target.length() + 8);
		for (byte b : target.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if (c <= 0x20 || c >= 0x7f || ILLEGAL.indexOf(c) >= 0) {
				encoded.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
			}
			else {
				encoded.append((char) c);
			}
		}
		return encoded.toString();
	}

}
