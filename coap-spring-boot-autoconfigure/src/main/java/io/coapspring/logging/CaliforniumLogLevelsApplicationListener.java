package io.coapspring.logging;

import java.util.List;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;

/**
 * Sets the Eclipse Californium loggers that write a line at INFO for single requests, datagrams or observe
 * relations to WARN, unless the application configured a level for them or for one of their parents (with
 * {@code logging.level.*} or in its logging system's configuration file, {@code org.eclipse.californium} for
 * instance), so that a busy or attacked server does not log per request.
 * <p>
 * The loggers are {@link #LOGGERS}: malformed datagrams ({@code org.eclipse.californium.ban}), observe relations
 * established and removed ({@code CoapResource}), NON notifications kept for deduplication ({@code Exchange}),
 * failed notifications ({@code ObserveLayer}) and unknown paths of Californium's own deliverer
 * ({@code ServerMessageDeliverer}). Runs right after Spring Boot's {@link LoggingApplicationListener} has
 * applied the configured levels.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CaliforniumLogLevelsApplicationListener implements GenericApplicationListener {

	/**
	 * The loggers set to WARN unless configured.
	 */
	public static final List<String> LOGGERS = List.of("org.eclipse.californium.ban",
			"org.eclipse.californium.core.CoapResource", "org.eclipse.californium.core.network.Exchange",
			"org.eclipse.californium.core.network.stack.ObserveLayer",
			"org.eclipse.californium.core.server.ServerMessageDeliverer");

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		Class<?> type = eventType.getRawClass();
		return type != null && ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			apply(LoggingSystem.get(prepared.getSpringApplication().getClassLoader()));
		}
	}

	/**
	 * Set every logger of {@link #LOGGERS} that has no configured level, nor a parent with one, to WARN.
	 * @param loggingSystem the logging system
	 */
	void apply(LoggingSystem loggingSystem) {
		for (String name : LOGGERS) {
			if (!isConfigured(loggingSystem, name)) {
				loggingSystem.setLogLevel(name, LogLevel.WARN);
			}
		}
	}

	private static boolean isConfigured(LoggingSystem loggingSystem, String name) {
		String current = name;
		while (!current.isEmpty()) {
			LoggerConfiguration configuration = loggingSystem.getLoggerConfiguration(current);
			if (configuration != null && configuration.getConfiguredLevel() != null) {
				return true;
			}
			int dot = current.lastIndexOf('.');
			current = (dot > 0) ? current.substring(0, dot) : "";
		}
		return false;
	}

	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

}
