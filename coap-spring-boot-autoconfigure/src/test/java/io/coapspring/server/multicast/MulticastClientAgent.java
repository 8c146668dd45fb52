package io.coapspring.server.multicast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import io.coapspring.client.CoapClientEndpoints;
import io.coapspring.client.CoapMulticastResponse;
import io.coapspring.client.CoapRequestEntity;
import io.coapspring.client.CoapTemplate;
import io.coapspring.client.CoapTemplateBuilder;
import io.coapspring.client.discovery.CoapNode;
import io.coapspring.client.discovery.WebLink;
import io.coapspring.convert.ByteArrayCoapMessageConverter;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.StringCoapMessageConverter;
import org.eclipse.californium.core.coap.OptionNumberRegistry;
import org.eclipse.californium.core.coap.option.StandardOptionRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;

/**
 * A CoAP client that {@link MulticastGroupsNamespaceTests} runs in a JVM inside the client namespace, so that
 * multicast never leaves the namespaces the test created. It reads lines of commands separated by {@code ;}
 * from its standard input, runs the commands of a line at once, and answers with their result lines, each
 * prefixed with the command's index and {@code |}, in command order, followed by {@code END}; a failed
 * command answers {@code error} and its exception. It ends at {@code quit} or at the end of its input.
 * <ul>
 * <li>{@code discover URI FILTER|- WINDOW_MS}: {@code link HOST PORT TARGET EP} per link</li>
 * <li>{@code nodes URI FILTER|- WINDOW_MS}: {@code node NAME HOST PORT LINKS} per node</li>
 * <li>{@code node URI NAME WINDOW_MS}: {@code found NAME HOST PORT ELAPSED_MS URI} or {@code none}</li>
 * <li>{@code multicast URI WINDOW_MS [NO_RESPONSE]}: {@code response HOST CODE BODY} per response</li>
 * <li>{@code get URI}: {@code response - CODE BODY}</li>
 * <li>{@code raw CON|NON GROUP PORT PATH WAIT_MS}: a hand-made GET, {@code datagram HOST TYPE CODE} per
 * datagram received</li>
 * </ul>
 * Multicast requests leave from the interface given as the only argument, or from the one named by a
 * {@code via INTERFACE} prefix of the command.
 */
public final class MulticastClientAgent {

	private static final String[] TYPES = { "CON", "NON", "ACK", "RST" };

	private final CoapTemplate template;

	private final NetworkInterface multicastInterface;

	private MulticastClientAgent(CoapTemplate template, NetworkInterface multicastInterface) {
		this.template = template;
		this.multicastInterface = multicastInterface;
	}

	public static void main(String[] args) throws IOException {
		String interfaceName = args[0];
		Configuration configuration = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
				SystemConfig.DEFINITIONS);
		CoapContentFormats formats = new CoapContentFormats();
		CoapMessageConverters converters = new CoapMessageConverters(
				List.of(new StringCoapMessageConverter(formats), new ByteArrayCoapMessageConverter()), formats);
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		try (CoapClientEndpoints endpoints = new CoapClientEndpoints(configuration,
				StandardOptionRegistry.getDefaultOptionRegistry());
				CoapTemplate template = new CoapTemplateBuilder(endpoints, converters).multicastInterface(interfaceName)
					.timeout(Duration.ofSeconds(10))
					.build()) {
			MulticastClientAgent agent = new MulticastClientAgent(template, NetworkInterface.getByName(interfaceName));
			out.println("READY");
			BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			ExecutorService executor = Executors.newCachedThreadPool();
			String line;
			while ((line = in.readLine()) != null && !line.equals("quit")) {
				List<CompletableFuture<List<String>>> results = new ArrayList<>();
				for (String command : line.split(";")) {
					results.add(CompletableFuture.supplyAsync(() -> agent.execute(command.trim().split(" ")), executor));
				}
				for (int i = 0; i < results.size(); i++) {
					for (String result : results.get(i).join()) {
						out.println(i + "|" + result);
					}
				}
				out.println("END");
			}
			executor.shutdownNow();
		}
	}

	private List<String> execute(String[] command) {
		List<String> lines = new ArrayList<>();
		try {
			if (command[0].equals("via")) {
				try (CoapTemplate template = this.template.mutate().multicastInterface(command[1]).build()) {
					new MulticastClientAgent(template, NetworkInterface.getByName(command[1]))
						.execute(Arrays.copyOfRange(command, 2, command.length), lines);
				}
				return lines;
			}
			execute(command, lines);
		}
		catch (Exception ex) {
			lines.add("error " + ex);
		}
		return lines;
	}

	private void execute(String[] command, List<String> out) throws IOException {
		switch (command[0]) {
			case "discover" -> {
				for (WebLink link : this.template.discover(command[1], filter(command[2]), millis(command[3]))) {
					out.add("link " + host(link.getSource()) + " " + link.getSource().getPort() + " "
							+ link.getTarget() + " " + link.getAttribute("ep"));
				}
			}
			case "nodes" -> {
				for (CoapNode node : this.template.discoverNodes(command[1], filter(command[2]), millis(command[3]))) {
					out.add("node " + node.name() + " " + host(node.address()) + " " + node.address().getPort()
							+ " " + node.links().size());
				}
			}
			case "node" -> {
				long start = System.nanoTime();
				Optional<CoapNode> node = this.template.discoverNode(command[1], command[2], millis(command[3]));
				long elapsed = (System.nanoTime() - start) / 1_000_000;
				out.add(node.map((found) -> "found " + found.name() + " " + host(found.address()) + " "
						+ found.address().getPort() + " " + elapsed + " " + found.uri()).orElse("none"));
			}
			case "multicast" -> {
				CoapRequestEntity.Builder request = CoapRequestEntity.get(command[1]).nonConfirmable();
				if (command.length > 3) {
					request.option(OptionNumberRegistry.NO_RESPONSE, Integer.parseInt(command[3]));
				}
				List<CoapMulticastResponse<String>> responses = this.template
					.multicastAsync(request.build(), String.class, millis(command[2]))
					.join();
				for (CoapMulticastResponse<String> response : responses) {
					out.add("response " + host(response.sender()) + " " + response.response().getCode().text
							+ " " + firstLine(response.response().getBody()));
				}
			}
			case "get" -> {
				String body = this.template.getForObject(command[1], String.class);
				out.add("response - 2.05 " + firstLine(body));
			}
			case "raw" -> raw(command[1].equals("CON"), InetAddress.getByName(command[2]),
					Integer.parseInt(command[3]), command[4], Long.parseLong(command[5]), out);
			default -> out.add("error unknown command " + command[0]);
		}
	}

	/**
	 * Send a GET built by hand, so that also a CON request reaches the group (Californium refuses to send one),
	 * and print every datagram that comes back within the wait.
	 */
	private void raw(boolean confirmable, InetAddress group, int port, String path, long waitMillis,
			List<String> out) throws IOException {
		try (DatagramSocket socket = new DatagramSocket(0)) {
			socket.setOption(StandardSocketOptions.IP_MULTICAST_IF, this.multicastInterface);
			byte[] message = get(confirmable, path);
			socket.send(new DatagramPacket(message, message.length, group, port));
			long deadline = System.nanoTime() + waitMillis * 1_000_000;
			byte[] buffer = new byte[2048];
			while (true) {
				long remaining = (deadline - System.nanoTime()) / 1_000_000;
				if (remaining <= 0) {
					return;
				}
				socket.setSoTimeout((int) remaining);
				DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
				try {
					socket.receive(packet);
				}
				catch (SocketTimeoutException ex) {
					return;
				}
				int type = (buffer[0] >> 4) & 0x3;
				int code = buffer[1] & 0xff;
				out.add("datagram " + host(new InetSocketAddress(packet.getAddress(), packet.getPort())) + " "
						+ TYPES[type] + " "
						+ (code >> 5) + "." + String.format("%02d", code & 0x1f));
			}
		}
	}

	private static byte[] get(boolean confirmable, String path) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		byte[] header = { (byte) (0x40 | ((confirmable ? 0 : 1) << 4) | 4), 0x01, (byte) random.nextInt(0x100),
				(byte) random.nextInt(0xe0), (byte) random.nextInt(0x100), (byte) random.nextInt(0x100),
				(byte) random.nextInt(0x100), (byte) random.nextInt(0x100) };
		java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();
		message.writeBytes(header);
		int delta = 11;
		for (String segment : path.substring(1).split("/")) {
			byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
			message.write((delta << 4) | bytes.length);
			message.writeBytes(bytes);
			delta = 0;
		}
		return message.toByteArray();
	}

	private static String filter(String filter) {
		return filter.equals("-") ? null : filter;
	}

	private static Duration millis(String millis) {
		return Duration.ofMillis(Long.parseLong(millis));
	}

	private static String host(InetSocketAddress address) {
		String host = address.getAddress().getHostAddress();
		int zone = host.indexOf('%');
		return (zone >= 0) ? host.substring(0, zone) : host;
	}

	private static String firstLine(Object body) {
		return (body != null) ? String.valueOf(body).lines().findFirst().orElse("") : "";
	}

}
