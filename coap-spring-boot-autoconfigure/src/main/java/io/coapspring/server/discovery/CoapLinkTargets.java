package io.coapspring.server.discovery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.coapspring.server.mapping.CoapPathPattern;
import org.jspecify.annotations.Nullable;

/**
 * Expands a path pattern with the values of a {@link CoapLinkInstance} into a link target: every segment
 * percent-encoded (RFC 3986, UTF-8) except for the unreserved characters, so that a value holding {@code /},
 * spaces, braces, {@code ,} or {@code ;} stays one segment and cannot break link format; the value of a
 * {@code {*rest}} variable keeps its {@code /} between segments. The expanded path must match the pattern, so
 * a link always routes back to its mapping; an empty value, {@code .} or {@code ..} (which a client would
 * resolve away) cannot.
 *
 * @author CoAP Spring Boot team
 */
final class CoapLinkTargets {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private CoapLinkTargets() {
	}

	/**
	 * Expand a pattern.
	 * @param pattern the pattern
	 * @param instance the values of its variables
	 * @return the encoded target, or {@code null} if the values do not form a path the pattern matches
	 */
	static @Nullable String expand(CoapPathPattern pattern, CoapLinkInstance instance) {
		List<String> names = pattern.getVariableNames();
		List<String> segments = new ArrayList<>();
		int variable = 0;
		for (String part : pattern.getPattern().split("/")) {
			if (part.isEmpty()) {
				continue;
			}
			if (!part.startsWith("{")) {
				segments.add(part);
				continue;
			}
			String value = instance.value(variable, names.get(variable), names.size());
			variable++;
			if (value == null) {
				return null;
			}
			if (part.startsWith("{*")) {
				for (String segment : value.split("/")) {
					if (!segment.isEmpty()) {
						segments.add(segment);
					}
				}
			}
			else {
				segments.add(value);
			}
		}
		if (segments.stream().anyMatch(CoapLinkTargets::isUnroutable)) {
			return null;
		}
		if (pattern.match(segments) == null) {
			return null;
		}
		StringBuilder target = new StringBuilder();
		for (String segment : segments) {
			target.append('/');
			encode(segment, target);
		}
		return target.isEmpty() ? "/" : target.toString();
	}

	private static boolean isUnroutable(String segment) {
		return segment.isEmpty() || segment.equals(".") || segment.equals("..");
	}

	private static void encode(String segment, StringBuilder target) {
		for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				target.append((char) c);
			}
			else {
				target.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
			}
		}
	}

}
