package io.coapspring.interop;

/**
 * A CoAP server nobody here wrote, on 127.0.0.1, for {@code CoapTemplate} to talk to; with the paths of its
 * resources, which differ from one implementation to the other.
 */
interface PeerServer extends AutoCloseable {

	/**
	 * Return the name shown in the matrix, with the version.
	 */
	String name();

	/**
	 * Return the UDP port of the server on 127.0.0.1.
	 */
	int port();

	/**
	 * Return the URI of a path of the server.
	 */
	default String uri(String path) {
		return "coap://127.0.0.1:" + port() + path;
	}

	/**
	 * Return the path of a resource that answers GET with text.
	 */
	String textPath();

	/**
	 * Return the path of a resource that stores what a PUT sends, of any size, and returns it to GET.
	 */
	String storePath();

	/**
	 * Return the path of an observable resource that changes by itself at least every second.
	 */
	String observablePath();

	@Override
	void close();

}
