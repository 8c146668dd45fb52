package io.coapspring.rd.server;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.coapspring.rd.InMemoryRdRegistrationStore;
import io.coapspring.rd.MutableClock;
import io.coapspring.rd.RdExpiredEvent;
import io.coapspring.rd.RdLink;
import io.coapspring.rd.RdQuery;
import io.coapspring.rd.RdRegisteredEvent;
import io.coapspring.rd.RdRegistration;
import io.coapspring.rd.RdRegistrationEvent;
import io.coapspring.rd.RdRemovedEvent;
import io.coapspring.rd.RdUpdatedEvent;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DefaultResourceDirectory}: registration, update, removal and expiry as RFC 9176 sections 5 and 8
 * specify them, the bounds, the security policy and lookups with every filter of section 7.
 */
class DefaultResourceDirectoryTests {

	private static final RdPeer NODE1 = new RdPeer(new InetSocketAddress("192.0.2.1", 5683), null, false);

	private static final RdPeer NODE1_OTHER_PORT = new RdPeer(new InetSocketAddress("192.0.2.1", 40000), null,
			false);

	private static final RdPeer NODE2 = new RdPeer(new InetSocketAddress("2001:db8::2", 61616), null, false);

	private static final RdPeer ALICE = new RdPeer(new InetSocketAddress("192.0.2.10", 5684), "alice", true);

	private static final RdPeer MALLORY = new RdPeer(new InetSocketAddress("192.0.2.66", 5684), "mallory", true);

	private final MutableClock clock = new MutableClock();

	private final List<RdRegistrationEvent> events = new ArrayList<>();

	private DefaultResourceDirectory directory = directory(RdLimits.DEFAULTS, RdUnauthenticatedPolicy.OPEN);

	private DefaultResourceDirectory directory(RdLimits limits, RdUnauthenticatedPolicy policy) {
		return new DefaultResourceDirectory(new InMemoryRdRegistrationStore(), limits, policy, "/rd",
				(event) -> this.events.add((RdRegistrationEvent) event), this.clock);
	}

	private static byte[] links(String document) {
		return document.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void registersWithEveryParameterAndResolvesLinksAgainstTheSourceAddress() {
		RdRegistration registration = this.directory.register(
				List.of("ep=node1", "d=kitchen", "et=oic.d.sensor", "lt=120", "proto=coap"),
				links("</temp>;rt=\"temperature-c\";ct=0;obs,<light>;rt=\"light-lux sensor\";if=sensor"), NODE1);
		assertThat(registration.location()).matches("/rd/[a-z2-9]{8}");
		assertThat(registration.endpoint()).isEqualTo("node1");
		assertThat(registration.sector()).isEqualTo("kitchen");
		assertThat(registration.lifetime()).isEqualTo(Duration.ofSeconds(120));
		assertThat(registration.base()).isNull();
		assertThat(registration.effectiveBase()).hasToString("coap://192.0.2.1:5683");
		assertThat(registration.endpointTypes()).containsExactly("oic.d.sensor");
		assertThat(registration.parameters()).containsKeys("ep", "d", "et", "proto").doesNotContainKeys("lt", "base");
		assertThat(registration.resolvedLinks()).extracting(RdLink::target)
			.containsExactly("coap://192.0.2.1:5683/temp", "coap://192.0.2.1:5683/light");
		assertThat(this.events).singleElement().isInstanceOf(RdRegisteredEvent.class);
	}

	@Test
	void anExplicitBaseResolvesTheLinksAndAnchors() {
		RdRegistration registration = this.directory.register(List.of("ep=node2", "base=coap://[2001:db8::7]:61616"),
				links("</temp>;rt=temperature,</t>;anchor=\"/dev/1\";rel=describedby"), NODE2);
		assertThat(registration.resolvedLinks()).containsExactly(
				new RdLink("coap://[2001:db8::7]:61616/temp",
						java.util.Map.of("rt", List.of("temperature"), "anchor",
								List.of("coap://[2001:db8::7]:61616/"))),
				new RdLink("coap://[2001:db8::7]:61616/t", java.util.Map.of("anchor",
						List.of("coap://[2001:db8::7]:61616/dev/1"), "rel", List.of("describedby"))));
	}

	@Test
	void registeringTheSameEndpointAgainReplacesItAtTheSameLocation() {
		RdRegistration first = this.directory.register(List.of("ep=node1"), links("</a>"), NODE1);
		RdRegistration second = this.directory.register(List.of("ep=node1"), links("</b>,</c>"), NODE1);
		assertThat(second.location()).isEqualTo(first.location());
		assertThat(this.directory.getRegistrations()).singleElement()
			.satisfies((registration) -> assertThat(registration.links()).hasSize(2));
		// another sector is another endpoint
		RdRegistration third = this.directory.register(List.of("ep=node1", "d=garden"), links("</a>"), NODE1);
		assertThat(third.location()).isNotEqualTo(first.location());
		assertThat(this.directory.getStore().totalLinks()).isEqualTo(3);
	}

	@Test
	void updatesRefreshTheLifetimeAndChangeBaseParametersAndLinks() {
		RdRegistration registration = this.directory.register(List.of("ep=node1", "lt=100"), links("</a>"), NODE1);
		this.clock.advance(Duration.ofSeconds(90));
		RdRegistration refreshed = this.directory.update(registration.location(), List.of(), null, NODE1);
		assertThat(refreshed.expires()).isEqualTo(this.clock.instant().plusSeconds(100));
		assertThat(refreshed.links()).isEqualTo(registration.links());
		assertThat(((RdUpdatedEvent) this.events.get(1)).isChanged()).isFalse();
		// the source address moved: links follow it as long as there is no explicit base
		RdRegistration moved = this.directory.update(registration.location(), List.of("lt=200", "et=x"),
				links("</b>"), NODE1_OTHER_PORT);
		assertThat(moved.lifetime()).isEqualTo(Duration.ofSeconds(200));
		assertThat(moved.parameters()).containsEntry("et", List.of("x"));
		assertThat(moved.resolvedLinks()).extracting(RdLink::target).containsExactly("coap://192.0.2.1:40000/b");
		assertThat(((RdUpdatedEvent) this.events.get(2)).isChanged()).isTrue();
		RdRegistration based = this.directory.update(registration.location(), List.of("base=coap://node1.example"),
				null, NODE1);
		assertThat(based.resolvedLinks()).extracting(RdLink::target).containsExactly("coap://node1.example/b");
		assertThatExceptionOfType(RdException.class)
			.isThrownBy(() -> this.directory.update(registration.location(), List.of("ep=other"), null, NODE1))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.BAD_REQUEST));
		assertThatExceptionOfType(RdException.class)
			.isThrownBy(() -> this.directory.update("/rd/nothere", List.of(), null, NODE1))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.NOT_FOUND));
	}

	@Test
	void removesAndExpires() {
		RdRegistration one = this.directory.register(List.of("ep=one", "lt=60"), links("</a>"), NODE1);
		RdRegistration two = this.directory.register(List.of("ep=two", "lt=120"), links("</a>"), NODE1);
		this.directory.remove(one.location(), NODE1);
		assertThat(this.events.get(2)).isInstanceOf(RdRemovedEvent.class);
		this.clock.advance(Duration.ofSeconds(119));
		assertThat(this.directory.expire()).isZero();
		assertThat(this.directory.getRegistration(two.location())).isPresent();
		this.clock.advance(Duration.ofSeconds(1));
		// gone from lookups at once, removed by the next sweep
		assertThat(this.directory.getRegistrations()).isEmpty();
		assertThat(this.directory.expire()).isOne();
		assertThat(this.events.get(3)).isInstanceOf(RdExpiredEvent.class);
		assertThat(this.events.get(3).getRegistration().endpoint()).isEqualTo("two");
		assertThat(this.directory.getStore().size()).isZero();
		assertThatExceptionOfType(RdException.class)
			.isThrownBy(() -> this.directory.update(two.location(), List.of(), null, NODE1))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.NOT_FOUND));
	}

	@Test
	void badParametersAreRefusedAndNothingIsStored() {
		assertRefused(ResponseCode.BAD_REQUEST, "Missing endpoint name", List.of("lt=100"), "</a>");
		assertRefused(ResponseCode.BAD_REQUEST, "Invalid 'ep'", List.of("ep=a b"), "</a>");
		assertRefused(ResponseCode.BAD_REQUEST, "Invalid 'ep'", List.of("ep=" + "x".repeat(64)), "</a>");
		assertRefused(ResponseCode.BAD_REQUEST, "Invalid 'd'", List.of("ep=a", "d=x;y"), "</a>");
		assertRefused(ResponseCode.BAD_REQUEST, "not a number", List.of("ep=a", "lt=soon"), "</a>");
		assertRefused(ResponseCode.BAD_REQUEST, "accepts 60 to", List.of("ep=a", "lt=59"), "</a>");
		assertRefused(ResponseCode.BAD_REQUEST, "accepts 60 to", List.of("ep=a", "lt=4294967296"), "</a>");
		assertRefused(ResponseCode.BAD_REQUEST, "Invalid 'base'", List.of("ep=a", "base=/relative"), "</a>");
		assertRefused(ResponseCode.BAD_REQUEST, "Invalid 'base'", List.of("ep=a", "base=coap://h/?q"), "</a>");
		assertRefused(ResponseCode.BAD_REQUEST, "exactly one value", List.of("ep=a", "ep=b"), "</a>");
		assertRefused(ResponseCode.BAD_REQUEST, "not a registration parameter", List.of("ep=a", "rt=x"), "</a>");
		assertRefused(ResponseCode.BAD_REQUEST, "Malformed link format", List.of("ep=a"), "</a>;rt=\"x");
		assertRefused(ResponseCode.BAD_REQUEST, "Malformed link format", List.of("ep=a"), "</ok>,<broken");
		assertThatExceptionOfType(RdException.class)
			.isThrownBy(() -> this.directory.register(List.of("ep=a"), new byte[] { '<', (byte) 0xff, '>' }, NODE1))
			.withMessageContaining("UTF-8");
		assertThat(this.directory.getRegistrations()).isEmpty();
		assertThat(this.events).isEmpty();
	}

	private void assertRefused(ResponseCode code, String message, List<String> query, String document) {
		assertThatExceptionOfType(RdException.class)
			.isThrownBy(() -> this.directory.register(query, links(document), NODE1))
			.withMessageContaining(message)
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(code));
	}

	@Test
	void theBoundsHoldAndAFullDirectoryAsksToRetryLater() {
		RdLimits limits = new RdLimits(Duration.ofSeconds(90000), Duration.ofSeconds(60),
				Duration.ofSeconds(4294967295L), 2, 3, 40, 50, Duration.ofSeconds(30));
		this.directory = directory(limits, RdUnauthenticatedPolicy.OPEN);
		assertThatExceptionOfType(RdException.class)
			.isThrownBy(() -> this.directory.register(List.of("ep=a"), links("</a>,</b>,</c>,</d>"), NODE1))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE))
			.withMessageContaining("limit of 3 per registration");
		assertThatExceptionOfType(RdException.class)
			.isThrownBy(() -> this.directory.register(List.of("ep=a"), links("</" + "x".repeat(40) + ">"), NODE1))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE));
		this.directory.register(List.of("ep=a"), links("</a-twenty-bytes-xx>"), NODE1);
		this.directory.register(List.of("ep=b"), links("</b>"), NODE1);
		RdException full = org.junit.jupiter.api.Assertions.assertThrows(RdException.class,
				() -> this.directory.register(List.of("ep=c"), links("</c>"), NODE1));
		assertThat(full.getCode()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
		assertThat(full.getRetryAfter()).isEqualTo(Duration.ofSeconds(30));
		assertThat(full.getMessage()).contains("2 registrations");
		// replacing an existing registration needs no new room, but the total size still holds
		this.directory.register(List.of("ep=b"), links("</b2>"), NODE1);
		RdException tooMuch = org.junit.jupiter.api.Assertions.assertThrows(RdException.class,
				() -> this.directory.register(List.of("ep=b"), links("</" + "y".repeat(35) + ">"), NODE1));
		assertThat(tooMuch.getCode()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
		assertThat(tooMuch.getMessage()).contains("50 bytes");
		assertThat(this.directory.getStore().totalSize()).isEqualTo(20 + 5);
	}

	@Test
	void aNameRegisteredByAnIdentityBelongsToIt() {
		RdRegistration registration = this.directory.register(List.of("ep=thermo"), links("</a>"), ALICE);
		assertThat(registration.owner()).isEqualTo("alice");
		for (RdPeer other : List.of(MALLORY, NODE1)) {
			assertForbidden(() -> this.directory.register(List.of("ep=thermo"), links("</evil>"), other));
			assertForbidden(() -> this.directory.update(registration.location(), List.of(), links("</evil>"), other));
			assertForbidden(() -> this.directory.remove(registration.location(), other));
		}
		this.directory.update(registration.location(), List.of("lt=300"), null, ALICE);
		assertThat(this.directory.getRegistrations()).singleElement()
			.satisfies((live) -> assertThat(live.links()).extracting(RdLink::target).containsExactly("/a"));
		this.directory.remove(registration.location(), ALICE);
		assertThat(this.directory.getRegistrations()).isEmpty();
	}

	@Test
	void anAuthenticatedPeerWithoutEpRegistersUnderItsIdentity() {
		assertThat(this.directory.register(List.of(), links("</a>"), ALICE).endpoint()).isEqualTo("alice");
	}

	@Test
	void openPolicyLetsAnyUnauthenticatedPeerChangeAnUnauthenticatedRegistration() {
		RdRegistration registration = this.directory.register(List.of("ep=node1"), links("</a>"), NODE1);
		this.directory.update(registration.location(), List.of(), links("</b>"), NODE2);
		this.directory.register(List.of("ep=node1"), links("</c>"), NODE2);
		this.directory.remove(registration.location(), NODE2);
		assertThat(this.directory.getRegistrations()).isEmpty();
	}

	@Test
	void firstComeFirstRememberedBindsAnUnauthenticatedNameToItsAddress() {
		this.directory = directory(RdLimits.DEFAULTS, RdUnauthenticatedPolicy.FIRST_COME_FIRST_REMEMBERED);
		RdRegistration registration = this.directory.register(List.of("ep=node1"), links("</a>"), NODE1);
		assertForbidden(() -> this.directory.register(List.of("ep=node1"), links("</evil>"), NODE2));
		assertForbidden(() -> this.directory.update(registration.location(), List.of(), null, NODE2));
		assertForbidden(() -> this.directory.remove(registration.location(), NODE2));
		// the same host from another port is the same endpoint
		this.directory.update(registration.location(), List.of(), null, NODE1_OTHER_PORT);
		this.directory.remove(registration.location(), NODE1);
		// once gone, the name is free
		this.directory.register(List.of("ep=node1"), links("</a>"), NODE2);
	}

	@Test
	void firstComeFirstRememberedForgetsTheNameWhenItsRegistrationExpires() {
		this.directory = directory(RdLimits.DEFAULTS, RdUnauthenticatedPolicy.FIRST_COME_FIRST_REMEMBERED);
		RdRegistration first = this.directory.register(List.of("ep=node1", "lt=60"), links("</a>"), NODE1);
		this.clock.advance(Duration.ofSeconds(59));
		assertForbidden(() -> this.directory.register(List.of("ep=node1"), links("</evil>"), NODE2));
		// expired, though not yet swept: the name is free for another address, which now holds it
		this.clock.advance(Duration.ofSeconds(2));
		RdRegistration taken = this.directory.register(List.of("ep=node1", "lt=60"), links("</b>"), NODE2);
		assertThat(taken.ownerAddress()).isEqualTo(NODE2.host());
		assertThat(taken.location()).isNotEqualTo(first.location());
		assertThat(this.events).filteredOn(RdExpiredEvent.class::isInstance).singleElement()
			.satisfies((event) -> assertThat(((RdExpiredEvent) event).getRegistration().location())
				.isEqualTo(first.location()));
		assertForbidden(() -> this.directory.register(List.of("ep=node1"), links("</a>"), NODE1));
		assertForbidden(() -> this.directory.update(taken.location(), List.of(), null, NODE1));
		assertNotFound(() -> this.directory.update(first.location(), List.of(), null, NODE1));
	}

	@Test
	void aNameHeldByAnIdentityIsFreeOnceItsRegistrationEnds() {
		this.directory = directory(RdLimits.DEFAULTS, RdUnauthenticatedPolicy.FIRST_COME_FIRST_REMEMBERED);
		this.directory.register(List.of("ep=node1", "lt=60"), links("</a>"), ALICE);
		assertForbidden(() -> this.directory.register(List.of("ep=node1"), links("</m>"), MALLORY));
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(this.directory.expire()).isOne();
		RdRegistration mallory = this.directory.register(List.of("ep=node1"), links("</m>"), MALLORY);
		assertThat(mallory.owner()).isEqualTo("mallory");
		this.directory.remove(mallory.location(), MALLORY);
		assertThat(this.directory.register(List.of("ep=node1"), links("</u>"), NODE2).ownerAddress())
			.isEqualTo(NODE2.host());
	}

	private static void assertNotFound(Runnable action) {
		assertThatExceptionOfType(RdException.class).isThrownBy(action::run)
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.NOT_FOUND));
	}

	@Test
	void denyPolicyRefusesUnauthenticatedPeers() {
		this.directory = directory(RdLimits.DEFAULTS, RdUnauthenticatedPolicy.DENY);
		assertThatExceptionOfType(RdException.class)
			.isThrownBy(() -> this.directory.register(List.of("ep=node1"), links("</a>"), NODE1))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED));
		assertThat(this.directory.register(List.of("ep=node1"), links("</a>"), ALICE).owner()).isEqualTo("alice");
	}

	private static void assertForbidden(Runnable action) {
		assertThatExceptionOfType(RdException.class).isThrownBy(action::run)
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.FORBIDDEN));
	}

	@Test
	void endpointLookupFiltersByRegistrationParametersAndLinks() {
		RdRegistration kitchen = this.directory.register(List.of("ep=kitchen-1", "d=home", "et=core.rd-ep-x"),
				links("</temp>;rt=\"temperature-c\";if=sensor,</light>;rt=light-lux"), NODE1);
		RdRegistration garden = this.directory.register(List.of("ep=garden-1", "base=coap://[2001:db8::9]"),
				links("</hum>;rt=humidity;ct=50"), NODE2);
		RdRegistration attic = this.directory.register(List.of("ep=attic", "d=home"), links(""), NODE2);
		assertThat(endpoints("")).containsExactly(kitchen.endpoint(), garden.endpoint(), attic.endpoint());
		assertThat(endpoints("ep=kitchen-1")).containsExactly("kitchen-1");
		assertThat(endpoints("ep=*")).hasSize(3);
		assertThat(endpoints("ep=g*")).containsExactly("garden-1");
		assertThat(endpoints("d=home")).containsExactly("kitchen-1", "attic");
		assertThat(endpoints("d=home&rt=light-lux")).containsExactly("kitchen-1");
		assertThat(endpoints("base=coap://[2001:db8::9]")).containsExactly("garden-1");
		assertThat(endpoints("base=coap://192.0.2.1*")).containsExactly("kitchen-1");
		assertThat(endpoints("et=core.rd-ep-x")).containsExactly("kitchen-1");
		assertThat(endpoints("rt=temp*")).containsExactly("kitchen-1");
		assertThat(endpoints("if=sensor")).containsExactly("kitchen-1");
		assertThat(endpoints("ct=50")).containsExactly("garden-1");
		assertThat(endpoints("href=" + attic.location())).containsExactly("attic");
		assertThat(endpoints("href=coap://[2001:db8::9]/hum")).containsExactly("garden-1");
		assertThat(endpoints("rt=nothing")).isEmpty();
		assertThat(endpoints("page=0&count=2")).containsExactly("kitchen-1", "garden-1");
		assertThat(endpoints("page=1&count=2")).containsExactly("attic");
		assertThat(endpoints("page=5&count=2")).isEmpty();
		assertThat(endpoints("count=1")).containsExactly("kitchen-1");
	}

	private List<String> endpoints(String query) {
		return this.directory.lookupEndpoints(RdQuery.parse(query)).stream().map(RdRegistration::endpoint).toList();
	}

	@Test
	void resourceLookupResolvesLinksAndFiltersByEveryAttribute() {
		this.directory.register(List.of("ep=kitchen", "d=home"),
				links("</temp>;rt=\"temperature-c sensor\";ct=0;obs,</light>;rt=light-lux;if=sensor,"
						+ "</d>;anchor=\"/dev/1\";rel=describedby"),
				NODE1);
		this.directory.register(List.of("ep=garden", "base=coap://[2001:db8::9]:5683"),
				links("</temp>;rt=temperature-c,<coap://other.example/x>;rt=foreign"), NODE2);
		assertThat(resources("rt=temperature-c")).containsExactly(
				"<coap://192.0.2.1:5683/temp>;rt=\"temperature-c sensor\";ct=\"0\";obs",
				"<coap://[2001:db8::9]:5683/temp>;rt=\"temperature-c\"");
		assertThat(resources("rt=sensor")).hasSize(1);
		assertThat(resources("rt=light*")).containsExactly("<coap://192.0.2.1:5683/light>;rt=\"light-lux\";if=\"sensor\"");
		assertThat(resources("ep=garden")).hasSize(2);
		assertThat(resources("d=home&obs")).containsExactly(
				"<coap://192.0.2.1:5683/temp>;rt=\"temperature-c sensor\";ct=\"0\";obs");
		assertThat(resources("rel=describedby")).containsExactly(
				"<coap://192.0.2.1:5683/d>;anchor=\"coap://192.0.2.1:5683/dev/1\";rel=\"describedby\"");
		assertThat(resources("anchor=coap://192.0.2.1:5683/dev/1")).hasSize(1);
		assertThat(resources("href=coap://other.example/x")).containsExactly(
				"<coap://other.example/x>;rt=\"foreign\";anchor=\"coap://[2001:db8::9]:5683/\"");
		assertThat(resources("href=*/temp")).isEmpty();
		assertThat(resources("href=coap://192.0.2.1:5683/*")).hasSize(3);
		assertThat(resources("page=1&count=2")).hasSize(2);
		assertThat(resources("page=2&count=2")).hasSize(1);
	}

	private List<String> resources(String query) {
		return this.directory.lookupResources(RdQuery.parse(query))
			.stream()
			.map((link) -> io.coapspring.rd.RdLinkFormat.write(List.of(link)))
			.toList();
	}

}
