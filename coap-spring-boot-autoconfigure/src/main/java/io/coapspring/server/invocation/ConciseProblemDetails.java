package io.coapspring.server.invocation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.jspecify.annotations.Nullable;

/**
 * Encodes RFC 9290 concise problem details: a CBOR map with the standard entries {@code title} (-1),
 * {@code detail} (-2) and {@code response-code} (-4), sent with Content-Format 257.
 *
 * @author CoAP Spring Boot team
 */
final class ConciseProblemDetails {

	static final int TITLE = -1;

	static final int DETAIL = -2;

	static final int RESPONSE_CODE = -4;

	private ConciseProblemDetails() {
	}

	/**
	 * Encode problem details.
	 * @param code the response code
	 * @param detail the diagnostic, or {@code null} for none
	 * @return the CBOR bytes
	 */
	static byte[] encode(ResponseCode code, @Nullable String detail) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64);
		boolean hasDetail = detail != null && !detail.isEmpty();
		writeHead(out, 5, hasDetail ? 3 : 2);
		writeInt(out, TITLE);
		writeText(out, title(code));
		if (hasDetail) {
			writeInt(out, DETAIL);
			writeText(out, detail);
		}
		writeInt(out, RESPONSE_CODE);
		writeInt(out, code.value);
		return out.toByteArray();
	}

	/**
	 * Return the title of a response code: {@code NOT_FOUND} becomes {@code Not Found}.
	 * @param code the code
	 * @return the title
	 */
	static String title(ResponseCode code) {
		StringBuilder title = new StringBuilder();
		for (String word : code.name().split("_")) {
			if (!title.isEmpty()) {
				title.append(' ');
			}
			title.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
		}
		return title.toString();
	}

	private static void writeInt(ByteArrayOutputStream out, long value) {
		if (value >= 0) {
			writeHead(out, 0, value);
		}
		else {
			writeHead(out, 1, -1 - value);
		}
	}

	private static void writeText(ByteArrayOutputStream out, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		writeHead(out, 3, bytes.length);
		out.writeBytes(bytes);
	}

	private static void writeHead(ByteArrayOutputStream out, int majorType, long argument) {
		int major = majorType << 5;
		if (argument < 24) {
			out.write(major | (int) argument);
		}
		else if (argument < 0x100) {
			out.write(major | 24);
			out.write((int) argument);
		}
		else if (argument < 0x10000) {
			out.write(major | 25);
			out.write((int) (argument >> 8));
			out.write((int) argument);
		}
		else {
			out.write(major | 26);
			for (int shift = 24; shift >= 0; shift -= 8) {
				out.write((int) (argument >> shift));
			}
		}
	}

}
