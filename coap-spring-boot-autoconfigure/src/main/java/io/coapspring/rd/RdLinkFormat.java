package io.coapspring.rd;

import java.net.URI;
import java.util.List;

import io.coapspring.linkformat.LinkFormatReader;

import org.springframework.util.Assert;

/**
 * Reads and writes the link format (RFC 6690 section 2) of registrations and lookups, strictly: a document that
 * does not follow the grammar, or whose targets or anchors are not URI references, is rejected as a whole with an
 * {@link IllegalArgumentException} naming the position, so that nothing of it is ever stored. Reading is
 * {@link LinkFormatReader}'s, the reader client discovery uses too.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class RdLinkFormat {

	private RdLinkFormat() {
	}

	/**
	 * Parse a document with the {@link LinkFormatReader.Syntax#STRICT strict} syntax of {@link LinkFormatReader}.
	 * @param document the link-format text; an empty (or blank) document holds no link
	 * @param maxLinks the most links accepted
	 * @return the links in document order
	 * @throws IllegalArgumentException if the document is malformed or has more than {@code maxLinks} links
	 */
	public static List<RdLink> parse(String document, int maxLinks) {
		Assert.notNull(document, "'document' must not be null");
		return LinkFormatReader.read(document, LinkFormatReader.Syntax.STRICT, maxLinks, RdLink::new);
	}

	/**
	 * Write links in link format, quoting every attribute value.
	 * @param links the links
	 * @return the document
	 */
	public static String write(List<RdLink> links) {
		StringBuilder document = new StringBuilder();
		for (RdLink link : links) {
			if (!document.isEmpty()) {
				document.append(',');
			}
			document.append('<').append(link.target()).append('>');
			link.attributes().forEach((name, values) -> {
				if (values.isEmpty()) {
					document.append(';').append(name);
				}
				for (String value : values) {
					document.append(';').append(name).append("=\"");
					for (int i = 0; i < value.length(); i++) {
						char c = value.charAt(i);
						if (c == '"' || c == '\\') {
							document.append('\\');
						}
						document.append(c);
					}
					document.append('"');
				}
			});
		}
		return document.toString();
	}

	/**
	 * Check that a link target or anchor is a URI reference.
	 * @param reference the reference
	 * @return the parsed reference
	 * @throws IllegalArgumentException if it is not one
	 */
	public static URI uriReference(String reference) {
		return LinkFormatReader.uriReference(reference);
	}

}
