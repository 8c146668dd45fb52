package io.coapspring.sample.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;

import io.coapspring.client.CoapClientException;
import io.coapspring.client.CoapOperations;
import io.coapspring.client.CoapRequestEntity;
import io.coapspring.rd.ResourceDirectory;
import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;
import io.coapspring.server.context.CoapServerLifecycle;
import org.eclipse.californium.elements.config.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Starts the simulated CoAP sensor nodes ({@code sample.simulators.coap-nodes}, two by default) after this
 * application's CoAP server, drifts their readings every {@code sample.simulators.interval}, and registers each node
 * with this application's Resource Directory over CoAP, as a device would, when the directory runs. Off with
 * {@code sample.simulators.enabled=false}.
 *
 * @since 0.1.0
 */
@Component
@EnableConfigurationProperties(SimulatorProperties.class)
@ConditionalOnBooleanProperty(name = "sample.simulators.enabled", matchIfMissing = true)
public class CoapNodeSimulators implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(CoapNodeSimulators.class);

	private final SimulatorProperties properties;

	private final Configuration configuration;

	private final TaskScheduler scheduler;

	private final CoapOperations coap;

	private final ObjectProvider<ResourceDirectory> directory;

	private final Environment environment;

	private final Random random = new Random();

	private final List<SimulatedCoapNode> nodes = new CopyOnWriteArrayList<>();

	private final List<ScheduledFuture<?>> tasks = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	CoapNodeSimulators(SimulatorProperties properties, Configuration configuration, TaskScheduler scheduler,
			CoapOperations coap, ObjectProvider<ResourceDirectory> directory, Environment environment) {
		this.properties = properties;
		this.configuration = configuration;
		this.scheduler = scheduler;
		this.coap = coap;
		this.directory = directory;
		this.environment = environment;
	}

	/**
	 * Return the running simulated nodes.
	 * @return the nodes, empty when stopped
	 */
	public List<SimulatedCoapNode> nodes() {
		return List.copyOf(this.nodes);
	}

	@Override
	public void start() {
		List<SimulatedCoapNode> started = new ArrayList<>();
		for (int i = 1; i <= this.properties.getCoapNodes(); i++) {
			SimulatedCoapNode node = new SimulatedCoapNode("sim-node-" + i, this.configuration, 35 + 10 * i);
			node.start();
			started.add(node);
		}
		this.nodes.addAll(started);
		this.tasks.add(this.scheduler.scheduleAtFixedRate(this::drift, this.properties.getInterval()));
		if (this.directory.getIfAvailable() != null) {
			Duration refresh = this.properties.getRegistrationLifetime().dividedBy(2);
			this.tasks.add(this.scheduler.scheduleAtFixedRate(this::register, refresh));
		}
		this.running = true;
		logger.info("Simulated CoAP nodes {}", started.stream().map(SimulatedCoapNode::baseUri).toList());
	}

	private void drift() {
		this.nodes.forEach((node) -> node.drift(this.random));
	}

	// RFC 9176 section 5: a POST to the registration interface, again before the lifetime runs out
	private void register() {
		Integer port = this.environment.getProperty(CoapPortInfoApplicationContextInitializer.PORT_PROPERTY,
				Integer.class);
		if (port == null) {
			return;
		}
		String path = this.environment.getProperty("coap.rd.server.registration-path", "/rd");
		for (SimulatedCoapNode node : this.nodes) {
			try {
				this.coap.exchange(CoapRequestEntity
					.post("coap://127.0.0.1:{port}" + path + "?ep={ep}&lt={lt}&base={base}", port, node.name(),
							this.properties.getRegistrationLifetime().toSeconds(), node.baseUri().toString())
					.contentFormat("application/link-format")
					.body(node.links()), String.class);
			}
			catch (CoapClientException ex) {
				logger.warn("Simulated node {} could not register: {}", node.name(), ex.getMessage());
			}
		}
	}

	@Override
	public void stop() {
		this.tasks.forEach((task) -> task.cancel(false));
		this.tasks.clear();
		this.nodes.forEach(SimulatedCoapNode::destroy);
		this.nodes.clear();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Start after the CoAP server, whose port the registrations go to.
	 * @return the phase
	 */
	@Override
	public int getPhase() {
		return CoapServerLifecycle.PHASE + 2;
	}

}
