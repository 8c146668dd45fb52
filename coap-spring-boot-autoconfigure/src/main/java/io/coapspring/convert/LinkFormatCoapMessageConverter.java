package io.coapspring.convert;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.californium.core.WebLink;
import org.eclipse.californium.core.coap.LinkFormat;
import org.eclipse.californium.core.coap.MediaTypeRegistry;

import org.springframework.core.ResolvableType;

/**
 * Reads and writes {@code application/link-format} (40, RFC 6690) payloads as collections of Californium
 * {@link WebLink}s: a {@code Set}, {@code List} or {@code Collection} of links. Text in link format can also
 * be sent and received as a {@code String} by {@link StringCoapMessageConverter}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class LinkFormatCoapMessageConverter implements CoapMessageConverter {

	@Override
	public List<Integer> getContentFormats() {
		return List.of(MediaTypeRegistry.APPLICATION_LINK_FORMAT);
	}

	@Override
	public boolean canRead(ResolvableType type, int contentFormat) {
		Class<?> target = type.resolve();
		return contentFormat == MediaTypeRegistry.APPLICATION_LINK_FORMAT && target != null && isLinks(type)
				&& (target.isAssignableFrom(LinkedHashSet.class) || target.isAssignableFrom(ArrayList.class));
	}

	@Override
	public boolean canWrite(ResolvableType type, int contentFormat) {
		Class<?> source = type.resolve();
		// the element type of a collection instance is unknown: it is checked when writing
		return contentFormat == MediaTypeRegistry.APPLICATION_LINK_FORMAT && source != null
				&& Collection.class.isAssignableFrom(source) && isLinks(type);
	}

	private static boolean isLinks(ResolvableType type) {
		Class<?> element = type.asCollection().getGeneric(0).resolve();
		return element == null || element == Object.class || WebLink.class.isAssignableFrom(element);
	}

	@Override
	public Object read(ResolvableType type, byte[] payload, int contentFormat) {
		Set<WebLink> links = LinkFormat.parse(new String(payload, StandardCharsets.UTF_8));
		Class<?> target = type.resolve();
		if (target != null && !target.isAssignableFrom(LinkedHashSet.class)) {
			return new ArrayList<>(links);
		}
		return new LinkedHashSet<>(links);
	}

	@Override
	public byte[] write(Object value, ResolvableType type, int contentFormat) {
		Set<WebLink> links = new LinkedHashSet<>();
		for (Object element : (Collection<?>) value) {
			if (!(element instanceof WebLink link)) {
				throw new CoapNotAcceptableException(contentFormat, "Only web links can be written as link format, not "
						+ ((element != null) ? element.getClass().getSimpleName() : "null"));
			}
			links.add(link);
		}
		return LinkFormat.serialize(links).getBytes(StandardCharsets.UTF_8);
	}

}
