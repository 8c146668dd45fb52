package io.coapspring.cluster.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of cluster mode: several instances of the application share state through Redis, reached with
 * Spring Boot's own Redis support ({@code spring.data.redis.*}).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("coap.cluster")
public class CoapClusterProperties {

	/**
	 * Whether this instance is a node of a cluster sharing state through Redis (spring.data.redis.*).
	 */
	private boolean enabled;

	/**
	 * Prefix of every Redis key and channel of the cluster; the nodes of one application share it, and different
	 * applications on one Redis need different ones.
	 */
	private String keyPrefix = "coap:";

	/**
	 * Id of this node, unique in the cluster; a random one when not set.
	 */
	private @Nullable String nodeId;

	/**
	 * Sharing of CoapNotifier changes.
	 */
	private final Notifier notifier = new Notifier();

	/**
	 * Sharing of LWM2M state.
	 */
	private final Lwm2m lwm2m = new Lwm2m();

	/**
	 * Sharing of Resource Directory registrations.
	 */
	private final Rd rd = new Rd();

	/**
	 * Return whether cluster mode is on.
	 * @return whether cluster mode is on
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Set whether cluster mode is on.
	 * @param enabled whether cluster mode is on
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Return the prefix of the cluster's Redis keys and channels.
	 * @return the prefix
	 */
	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	/**
	 * Set the prefix of the cluster's Redis keys and channels.
	 * @param keyPrefix the prefix
	 */
	public void setKeyPrefix(String keyPrefix) {
		this.keyPrefix = keyPrefix;
	}

	/**
	 * Return the id of this node.
	 * @return the id, or {@code null} for a random one
	 */
	public @Nullable String getNodeId() {
		return this.nodeId;
	}

	/**
	 * Set the id of this node.
	 * @param nodeId the id, or {@code null} for a random one
	 */
	public void setNodeId(@Nullable String nodeId) {
		this.nodeId = nodeId;
	}

	/**
	 * Return the notifier settings.
	 * @return the notifier settings
	 */
	public Notifier getNotifier() {
		return this.notifier;
	}

	/**
	 * Return the LWM2M settings.
	 * @return the LWM2M settings
	 */
	public Lwm2m getLwm2m() {
		return this.lwm2m;
	}

	/**
	 * Return the Resource Directory settings.
	 * @return the Resource Directory settings
	 */
	public Rd getRd() {
		return this.rd;
	}

	/**
	 * Sharing of CoapNotifier changes.
	 */
	public static class Notifier {

		/**
		 * Whether CoapNotifier.changed(...) on any node serves the observers of every node (Redis pub/sub).
		 */
		private boolean enabled = true;

		/**
		 * How many changes may wait to be published to the other nodes; further ones are dropped and counted.
		 */
		private int queueCapacity = 1000;

		/**
		 * Return whether changes are shared.
		 * @return whether changes are shared
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set whether changes are shared.
		 * @param enabled whether changes are shared
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Return how many changes may wait to be published.
		 * @return the capacity
		 */
		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		/**
		 * Set how many changes may wait to be published.
		 * @param queueCapacity the capacity
		 */
		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

	}

	/**
	 * Sharing of LWM2M state.
	 */
	public static class Lwm2m {

		/**
		 * Whether LWM2M registrations and observations are kept in Redis, shared by the nodes (needs
		 * coap-spring-boot-lwm2m and leshan-server-redis).
		 */
		private boolean enabled = true;

		/**
		 * Threads of the LWM2M server that handle requests (registrations, updates, deregistrations) in cluster
		 * mode, in place of coap.network.protocol-stage-threads: each request waits on several Redis round trips,
		 * so more threads than cores raise the rate.
		 */
		private int requestThreads = 16;

		/**
		 * Most Redis connections of the LWM2M registration store on this node, at least
		 * coap.cluster.lwm2m.request-threads; a thread waits up to spring.data.redis.timeout (2s when not set) for
		 * one.
		 */
		private int redisConnections = 24;

		/**
		 * Delivery of LWM2M events to the application across the nodes.
		 */
		private final Events events = new Events();

		/**
		 * Return whether LWM2M registrations are shared.
		 * @return whether LWM2M registrations are shared
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set whether LWM2M registrations are shared.
		 * @param enabled whether LWM2M registrations are shared
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Return the threads of the LWM2M server that handle requests in cluster mode.
		 * @return the thread count
		 */
		public int getRequestThreads() {
			return this.requestThreads;
		}

		/**
		 * Set the threads of the LWM2M server that handle requests in cluster mode.
		 * @param requestThreads the thread count
		 */
		public void setRequestThreads(int requestThreads) {
			this.requestThreads = requestThreads;
		}

		/**
		 * Return the most Redis connections of the LWM2M registration store.
		 * @return the connection count
		 */
		public int getRedisConnections() {
			return this.redisConnections;
		}

		/**
		 * Set the most Redis connections of the LWM2M registration store.
		 * @param redisConnections the connection count
		 */
		public void setRedisConnections(int redisConnections) {
			this.redisConnections = redisConnections;
		}

		/**
		 * Return the delivery of LWM2M events across the nodes.
		 * @return the events configuration
		 */
		public Events getEvents() {
			return this.events;
		}

		/**
		 * Delivery of LWM2M events (registered, updated, deregistered, awake, sleeping, notification, send) to the
		 * application across the nodes.
		 */
		public static class Events {

			/**
			 * Where LWM2M events reach the application: handling-node (only on the node that handled the device's
			 * message), once (once per cluster, through a Redis Stream and a consumer group, at least once) or
			 * every-node (on every node, through a Redis Stream read by each node).
			 */
			private Delivery delivery = Delivery.HANDLING_NODE;

			/**
			 * Approximate maximum length of the Redis Stream of LWM2M events (XADD MAXLEN ~); older entries are
			 * trimmed.
			 */
			private long maxLength = 10_000;

			/**
			 * How long an event read by a node may stay unacknowledged before another node claims it (delivery
			 * once).
			 */
			private Duration claimIdle = Duration.ofSeconds(30);

			/**
			 * How many times an event is delivered at most (delivery once); after that it is acknowledged and
			 * counted as failed.
			 */
			private int maxDeliveries = 5;

			/**
			 * Return where LWM2M events reach the application.
			 * @return the delivery
			 */
			public Delivery getDelivery() {
				return this.delivery;
			}

			/**
			 * Set where LWM2M events reach the application.
			 * @param delivery the delivery
			 */
			public void setDelivery(Delivery delivery) {
				this.delivery = delivery;
			}

			/**
			 * Return the approximate maximum length of the events stream.
			 * @return the maximum length
			 */
			public long getMaxLength() {
				return this.maxLength;
			}

			/**
			 * Set the approximate maximum length of the events stream.
			 * @param maxLength the maximum length
			 */
			public void setMaxLength(long maxLength) {
				this.maxLength = maxLength;
			}

			/**
			 * Return how long an event may stay unacknowledged before another node claims it.
			 * @return the idle time
			 */
			public Duration getClaimIdle() {
				return this.claimIdle;
			}

			/**
			 * Set how long an event may stay unacknowledged before another node claims it.
			 * @param claimIdle the idle time
			 */
			public void setClaimIdle(Duration claimIdle) {
				this.claimIdle = claimIdle;
			}

			/**
			 * Return how many times an event is delivered at most.
			 * @return the maximum number of deliveries
			 */
			public int getMaxDeliveries() {
				return this.maxDeliveries;
			}

			/**
			 * Set how many times an event is delivered at most.
			 * @param maxDeliveries the maximum number of deliveries
			 */
			public void setMaxDeliveries(int maxDeliveries) {
				this.maxDeliveries = maxDeliveries;
			}

		}

		/**
		 * Where LWM2M events reach the application in cluster mode.
		 */
		public enum Delivery {

			/**
			 * Only on the node that handled the device's message (Leshan's behaviour): once, unless that node
			 * dies while handling it (then at most once).
			 */
			HANDLING_NODE,

			/**
			 * Once per cluster: through a Redis Stream and a consumer group, at least once.
			 */
			ONCE,

			/**
			 * On every node: through a Redis Stream that each node reads.
			 */
			EVERY_NODE

		}

	}

	/**
	 * Sharing of Resource Directory registrations.
	 */
	public static class Rd {

		/**
		 * Whether the registrations of the Resource Directory (coap.rd.server.enabled) are kept in Redis, shared by
		 * the nodes.
		 */
		private boolean enabled = true;

		/**
		 * Return whether Resource Directory registrations are shared.
		 * @return whether they are shared
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set whether Resource Directory registrations are shared.
		 * @param enabled whether they are shared
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
