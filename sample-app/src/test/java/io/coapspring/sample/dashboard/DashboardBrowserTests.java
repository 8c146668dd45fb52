package io.coapspring.sample.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.coapspring.sample.SensorService;
import io.coapspring.sample.Threshold;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The dashboard in a real browser: headless Chromium (Debian {@code chromium} and {@code chromium-driver}) through
 * Selenium, against the sample on random ports with its simulated devices. It loads, lists the simulated devices,
 * receives new readings (counted by the page itself), pauses, reboots the LWM2M device, shows a sensor's diagnostic
 * for bad input and writes a threshold that the sensor then reports. The last view is saved as
 * {@code target/dashboard.png}. Skipped without Chromium, except on CI ({@code CI=true}), where it fails.
 */
class DashboardBrowserTests extends DashboardTestSupport {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static @Nullable ChromeDriver browser;

	private static @Nullable Path profile;

	@LocalServerPort
	private int port;

	@Autowired
	private SensorService sensors;

	@BeforeAll
	static void startBrowser() throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			String message = CHROMIUM + " or " + CHROMEDRIVER
					+ " is missing: install the Debian packages chromium and chromium-driver";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message);
			}
			abort(message);
		}
		profile = Files.createTempDirectory("dashboard-chromium-");
		ChromeOptions options = new ChromeOptions();
		// an explicit binary and driver: Selenium Manager has nothing to look up or download
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1200");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().window().setSize(new Dimension(1400, 1200));
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
			profile = null;
		}
	}

	@Test
	void showsTheFleetLiveAndControlsItsDevices() throws IOException {
		ChromeDriver page = browser();
		page.get("http://localhost:" + this.port + "/");
		assertThat(page.getTitle()).contains("Fleet dashboard");
		WebDriverWait wait = new WebDriverWait(page, WAIT);

		// the devices panel lists the sensors, the simulated nodes in the Resource Directory and the LWM2M device
		wait.until((driver) -> rowEndpoints(page).containsAll(List.of("sim-node-1", "sim-node-2", "sample-device")));
		assertThat(page.findElements(By.cssSelector("#devices tr[data-kind=sensor]"))).hasSize(2);
		assertThat(page.findElement(By.cssSelector("#devices tr[data-endpoint=sim-node-1] td.resources")).getText())
			.isEqualTo("/humidity");

		// the chart receives new points, counted by the page as they arrive over Server-Sent Events
		wait.until((driver) -> seriesOnPage(page)
			.containsAll(List.of("coap:sensor/1", "coap:sim-node-1/humidity", "lwm2m:sample-device/3/0/9")));
		long before = points(page);
		wait.until((driver) -> points(page) >= before + 5);
		assertThat(page.findElement(By.id("chart")).getAttribute("data-points")).isNotEqualTo("0");
		assertThat(page.findElements(By.cssSelector("#sensor-picker input[type=checkbox]")))
			.hasSizeGreaterThanOrEqualTo(5);

		// pausing freezes the chart, while readings still arrive
		page.findElement(By.id("pause")).click();
		assertThat(page.findElement(By.id("status")).getText()).isEqualTo("paused");
		long paused = points(page);
		wait.until((driver) -> points(page) > paused);
		page.findElement(By.id("pause")).click();
		assertThat(page.findElement(By.id("status")).getText()).isEqualTo("live");

		// reboot of the LWM2M device
		page.findElement(By.id("lwm2m-reboot")).click();
		wait.until((driver) -> resultCode(page).equals("2.04 CHANGED")
				&& page.findElement(By.id("result-request")).getText().contains("EXECUTE sample-device/3/0/4"));

		// bad input: the sensor's own diagnostic, not a stack trace
		new Select(page.findElement(By.id("threshold-sensor"))).selectByValue("1");
		type(page, "threshold-celsius", "hot");
		page.findElement(By.id("threshold-submit")).click();
		wait.until((driver) -> resultCode(page).startsWith("4.00"));
		assertThat(page.findElement(By.id("result-diagnostic")).getText()).contains("celsius")
			.doesNotContain("Exception")
			.doesNotContain("\tat ");

		// a threshold written in the form goes to the sensor over CoAP, and the sensor reports it
		type(page, "threshold-celsius", "26.5");
		new Select(page.findElement(By.id("threshold-direction"))).selectByVisibleText("below");
		page.findElement(By.id("threshold-submit")).click();
		wait.until((driver) -> resultCode(page).equals("2.04 CHANGED")
				&& page.findElement(By.id("result-request")).getText().contains("/sensors/1/threshold"));
		assertThat(page.findElement(By.id("result-diagnostic")).getText()).contains("26.5").contains("below");
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.sensors.find("1").orElseThrow().threshold())
				.isEqualTo(new Threshold(26.5, "below")));
		wait.until((driver) -> page
			.findElement(By.cssSelector("#devices tr[data-kind=sensor] [data-detail=threshold]"))
			.getText()
			.contains("26.5 °C below"));
		long written = points(page);
		wait.until((driver) -> points(page) > written + 10);
		screenshot(page);
	}

	private static ChromeDriver browser() {
		assertThat(browser).isNotNull();
		return browser;
	}

	private static List<String> rowEndpoints(ChromeDriver page) {
		return page.findElements(By.cssSelector("#devices tbody tr"))
			.stream()
			.map((row) -> row.getAttribute("data-endpoint"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static List<String> seriesOnPage(ChromeDriver page) {
		return (List<String>) ((JavascriptExecutor) page).executeScript("return window.dashboard.series();");
	}

	private static long points(ChromeDriver page) {
		return ((Number) ((JavascriptExecutor) page).executeScript("return window.dashboard.points();")).longValue();
	}

	private static String resultCode(ChromeDriver page) {
		String code = page.findElement(By.id("control-result")).getAttribute("data-code");
		return (code != null) ? code : "";
	}

	private static void type(ChromeDriver page, String id, String text) {
		WebElement input = page.findElement(By.id(id));
		input.clear();
		input.sendKeys(text);
	}

	private static void screenshot(ChromeDriver page) throws IOException {
		Path png = page.getScreenshotAs(OutputType.FILE).toPath();
		Files.createDirectories(Path.of("target"));
		Files.copy(png, Path.of("target", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
