package io.coapspring.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import org.eclipse.californium.elements.util.StringUtil;
import org.jspecify.annotations.Nullable;

/**
 * An IP address and the number of its leading bits that a matching address shares: a single address or a CIDR
 * range. An IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.7}) is compared with IPv4 ranges and the other way
 * round.
 *
 * @author CoAP Spring Boot team
 */
final class AddressRange {

	private final byte[] network;

	private final int prefixLength;

	private final String text;

	private AddressRange(byte[] network, int prefixLength, String text) {
		this.network = network;
		this.prefixLength = prefixLength;
		this.text = text;
	}

	/**
	 * Parse an address literal, optionally in brackets, with an optional prefix length.
	 * @param address the address literal
	 * @param prefix the prefix length, or {@code null} for a single address
	 * @param entry the text to name in messages
	 * @return the range
	 * @throws IllegalArgumentException if the address or the prefix length is invalid
	 */
	static AddressRange parse(String address, @Nullable String prefix, String entry) {
		String literal = address;
		if (literal.startsWith("[") && literal.endsWith("]")) {
			literal = literal.substring(1, literal.length() - 1);
		}
		if (!StringUtil.isLiteralIpAddress(literal) && literal.indexOf(':') < 0) {
			throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range");
		}
		byte[] bytes;
		try {
			// a literal: no name service look-up
			bytes = InetAddress.getByName(literal).getAddress();
		}
		catch (UnknownHostException | SecurityException ex) {
			throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range");
		}
		int bits = bytes.length * 8;
		int prefixLength = bits;
		if (prefix != null) {
			try {
				prefixLength = Integer.parseInt(prefix);
			}
			catch (NumberFormatException ex) {
				prefixLength = -1;
			}
			if (prefixLength < 0 || prefixLength > bits) {
				throw new IllegalArgumentException("'" + entry + "' has a prefix length outside 0.." + bits);
			}
		}
		String text = (prefix != null) ? literal + "/" + prefixLength : literal;
		return new AddressRange(mask(bytes, prefixLength), prefixLength, text);
	}

	/**
	 * Return the range of a single address.
	 * @param address the address
	 * @return the range holding only that address
	 */
	static AddressRange of(InetAddress address) {
		byte[] bytes = address.getAddress();
		return new AddressRange(bytes, bytes.length * 8, address.getHostAddress());
	}

	/**
	 * Return whether an address falls in the range.
	 * @param address the address
	 * @return {@code true} if it does
	 */
	boolean contains(InetAddress address) {
		return contains(address.getAddress());
	}

	private boolean contains(byte[] address) {
		byte @Nullable [] candidate = address;
		if (candidate.length != this.network.length) {
			candidate = mappedIpv4(candidate, this.network.length);
			if (candidate == null) {
				return false;
			}
		}
		return Arrays.equals(mask(candidate, this.prefixLength), this.network);
	}

	/**
	 * Return whether every address of this range falls in another range.
	 * @param other the other range
	 * @return {@code true} if this range is inside the other one
	 */
	boolean isWithin(AddressRange other) {
		return this.network.length == other.network.length && this.prefixLength >= other.prefixLength
				&& other.contains(this.network);
	}

	/**
	 * Return whether the ranges have an address in common (CIDR ranges are nested or disjoint).
	 * @param other the other range
	 * @return {@code true} if they overlap
	 */
	boolean overlaps(AddressRange other) {
		return isWithin(other) || other.isWithin(this);
	}

	/**
	 * Return whether the range holds a single address.
	 * @return {@code true} for a single address
	 */
	boolean isSingleAddress() {
		return this.prefixLength == this.network.length * 8;
	}

	/**
	 * Return the first address of the range.
	 * @return the network address
	 */
	InetAddress networkAddress() {
		try {
			return InetAddress.getByAddress(this.network);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte @Nullable [] mappedIpv4(byte[] address, int length) {
		if (address.length == 16 && length == 4) {
			for (int i = 0; i < 10; i++) {
				if (address[i] != 0) {
					return null;
				}
			}
			if (address[10] != (byte) 0xff || address[11] != (byte) 0xff) {
				return null;
			}
			return Arrays.copyOfRange(address, 12, 16);
		}
		if (address.length == 4 && length == 16) {
			byte[] mapped = new byte[16];
			mapped[10] = (byte) 0xff;
			mapped[11] = (byte) 0xff;
			System.arraycopy(address, 0, mapped, 12, 4);
			return mapped;
		}
		return null;
	}

	private static byte[] mask(byte[] address, int prefixLength) {
		byte[] masked = address.clone();
		for (int i = 0; i < masked.length; i++) {
			int remaining = prefixLength - i * 8;
			if (remaining <= 0) {
				masked[i] = 0;
			}
			else if (remaining < 8) {
				masked[i] = (byte) (masked[i] & (0xff << (8 - remaining)));
			}
		}
		return masked;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
