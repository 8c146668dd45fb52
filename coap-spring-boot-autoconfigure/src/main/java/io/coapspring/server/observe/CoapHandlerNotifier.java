package io.coapspring.server.observe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.coapspring.server.mapping.CoapPathPattern;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;


/**
 * The {@link CoapNotifier} of mapped resources: finds the observers of the addressed concrete paths in
 * {@link CoapObservedResources}, narrows them by query, and has {@link CoapObservations} serve them again.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapHandlerNotifier implements CoapNotifier {

	private final CoapObservedResources observedResources;

	private final CoapObservations observations;

	/**
	 * Create a notifier.
	 * @param observedResources the resources that have observers
	 * @param observations the observations that serve them
	 */
	public CoapHandlerNotifier(CoapObservedResources observedResources, CoapObservations observations) {
		Assert.notNull(observedResources, "'observedResources' must not be null");
		Assert.notNull(observations, "'observations' must not be null");
		this.observedResources = observedResources;
		this.observations = observations;
	}

	@Override
	public int changed(String uriOrPattern) {
		List<CoapObserver> observers = select(uriOrPattern, false);
		this.observations.sample(observers);
		return observers.size();
	}

	@Override
	public int notify(String uriOrPattern, @Nullable Object value) {
		List<CoapObserver> observers = select(uriOrPattern, true);
		this.observations.push(observers, value);
		return observers.size();
	}

	@Override
	public int getObserverCount(String uriOrPattern) {
		return select(uriOrPattern, true).size();
	}

	private List<CoapObserver> select(String uriOrPattern, boolean streams) {
		Target target = Target.parse(uriOrPattern);
		List<CoapObserver> selected = new ArrayList<>();
		if (target.pattern() == null) {
			CoapHandlerResource resource = this.observedResources.get(CoapHandlerResource.path(target.segments()));
			if (resource != null) {
				collect(resource, target, streams, selected);
			}
			return selected;
		}
		for (CoapHandlerResource resource : this.observedResources.getAll()) {
			if (target.pattern().match(resource.getSegments()) != null) {
				collect(resource, target, streams, selected);
			}
		}
		return selected;
	}

	private static void collect(CoapHandlerResource resource, Target target, boolean streams,
			List<CoapObserver> selected) {
		for (CoapObserver observer : resource.getObservers()) {
			if ((streams || !observer.isStream()) && !observer.isClosed() && target.matchesQuery(observer)) {
				selected.add(observer);
			}
		}
	}

	/**
	 * The resources a notification is for: a concrete path or a pattern, and query items the observers'
	 * registrations must contain.
	 *
	 * @param segments the segments of a concrete path, empty for a pattern
	 * @param pattern the pattern, or {@code null} for a concrete path
	 * @param query the query items
	 */
	private record Target(List<String> segments, @Nullable CoapPathPattern pattern, List<String> query) {

		static Target parse(String uriOrPattern) {
			Assert.hasText(uriOrPattern, "'uriOrPattern' must not be empty");
			String text = uriOrPattern.trim();
			int scheme = text.indexOf("://");
			if (scheme >= 0) {
				int path = text.indexOf('/', scheme + 3);
				int query = text.indexOf('?', scheme + 3);
				int start = (path < 0) ? query : (query < 0) ? path : Math.min(path, query);
				text = (start < 0) ? "/" : text.substring(start);
			}
			int question = text.indexOf('?');
			String path = (question < 0) ? text : text.substring(0, question);
			List<String> query = (question < 0 || question == text.length() - 1) ? List.of()
					: Arrays.stream(text.substring(question + 1).split("&"))
						.filter((item) -> !item.isEmpty())
						.map((item) -> StringUtils.uriDecode(item, StandardCharsets.UTF_8))
						.toList();
			if (path.indexOf('{') >= 0) {
				return new Target(List.of(), CoapPathPattern.parse(path), query);
			}
			List<String> segments = Arrays.stream(path.split("/"))
				.filter((segment) -> !segment.isEmpty())
				.map((segment) -> StringUtils.uriDecode(segment, StandardCharsets.UTF_8))
				.toList();
			return new Target(segments, null, query);
		}

		boolean matchesQuery(CoapObserver observer) {
			if (this.query.isEmpty()) {
				return true;
			}
			List<String> registered = observer.getRequest().getQueryItems();
			return registered.containsAll(this.query);
		}

	}

}
