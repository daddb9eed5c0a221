package cn.zhaoshang.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through ChromeDriver, with the few moves the journeys need: open a page, sign in and
 * out, submit a form and wait for the next page, emulate a desktop or phone screen, take full-page screenshots and
 * read the console. Chromium runs as root here, so it gets {@code --no-sandbox} and its own HOME, TMPDIR and profile
 * under {@code target/}: nothing lands in {@code /tmp} or {@code ~/.config}.
 */
final class Browser implements AutoCloseable {

	/** Desktop screen of an office PC. */
	static final Screen DESKTOP = new Screen("desktop", 1280, 900, false);

	/** A common phone (iPhone 12–15 class) in portrait. */
	static final Screen PHONE = new Screen("phone", 390, 844, true);

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final ChromeDriverService service;
	private final ChromeDriver driver;
	private final WebDriverWait wait;
	private final Path screenshots;
	private String baseUrl = "";
	private Screen screen = DESKTOP;

	private final Path profile;

	private Browser(ChromeDriverService service, ChromeDriver driver, Path profile, Path screenshots) {
		this.service = service;
		this.driver = driver;
		this.profile = profile;
		this.wait = new WebDriverWait(driver, TIMEOUT);
		this.screenshots = screenshots;
	}

	static Browser start() {
		Path target = Path.of("target").toAbsolutePath();
		Path home = target.resolve("browser/home");
		Path tmp = target.resolve("browser/tmp");
		Path profile = target.resolve("browser/profile-" + UUID.randomUUID());
		Path screenshots = target.resolve("screenshots");
		try {
			Files.createDirectories(home);
			Files.createDirectories(tmp);
			Files.createDirectories(profile);
			Files.createDirectories(screenshots);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		String chrome = env("CHROME_BIN", "/usr/bin/chromium");
		String chromedriver = env("CHROMEDRIVER", "/usr/bin/chromedriver");
		System.setProperty("webdriver.chrome.driver", chromedriver);
		Map<String, String> environment = Map.of("HOME", home.toString(), "TMPDIR", tmp.toString(),
				"XDG_CONFIG_HOME", home.resolve(".config").toString(), "XDG_CACHE_HOME",
				home.resolve(".cache").toString());
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(chromedriver).toFile())
			.usingAnyFreePort()
			.withEnvironment(environment)
			.withLogFile(target.resolve("browser/chromedriver.log").toFile())
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chrome);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--disable-extensions", "--lang=zh-CN", "--window-size=1280,900",
				"--user-data-dir=" + profile);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
		ChromeDriver driver;
		try {
			driver = new ChromeDriver(service, options);
		}
		catch (RuntimeException e) {
			service.stop();
			throw e;
		}
		Browser browser = new Browser(service, driver, profile, screenshots);
		browser.use(DESKTOP);
		return browser;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	void baseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	ChromeDriver driver() {
		return driver;
	}

	WebDriverWait await() {
		return wait;
	}

	/** Forgets every cookie (session, language) and the console, as a fresh browser would. */
	void reset() {
		driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
		use(DESKTOP);
		driver.get(baseUrl + "/login");
		waitForPage();
		consoleErrors();
	}

	/** Emulates the screen: viewport size, and for a phone the mobile viewport rules (meta viewport). */
	void use(Screen screen) {
		this.screen = screen;
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", screen.width(), "height",
				screen.height(), "deviceScaleFactor", 1, "mobile", screen.mobile()));
	}

	Screen screen() {
		return screen;
	}

	void open(String path) {
		driver.get(baseUrl + path);
		waitForPage();
	}

	String path() {
		return java.net.URI.create(driver.getCurrentUrl()).getPath();
	}

	WebElement find(String css) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	List<WebElement> all(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	String text(String css) {
		return find(css).getText();
	}

	String bodyText() {
		return driver.findElement(By.tagName("body")).getText();
	}

	void type(String css, String value) {
		WebElement input = find(css);
		input.clear();
		input.sendKeys(value);
	}

	void selectValue(String css, String value) {
		new Select(find(css)).selectByValue(value);
	}

	void selectText(String css, String visibleText) {
		new Select(find(css)).selectByVisibleText(visibleText);
	}

	/** Clicks something that loads a new page (a link or a submit button) and waits until that page is there. */
	void clickAndWait(String css) {
		clickAndWait(find(css));
	}

	/**
	 * The old page is marked with a window property before the click; the next page is there when a fully loaded
	 * document no longer has it. Chromium may answer any command sent while the page is being swapped with an error
	 * (stale element, "node does not belong to the document", script aborted), so those count as "not yet".
	 */
	void clickAndWait(WebElement element) {
		driver.executeScript("window.__zsOldPage = true;");
		wait.until(ExpectedConditions.elementToBeClickable(element)).click();
		wait.until(d -> {
			try {
				return Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
						"return window.__zsOldPage === undefined && document.readyState === 'complete';"));
			}
			catch (WebDriverException swapping) {
				return false;
			}
		});
	}

	/**
	 * Clicks a link or button that loads a page. Bootstrap scrolls smoothly, so an element below the fold is first
	 * brought into view at once; otherwise the click may land before the scroll ends.
	 */
	void clickInView(String css) {
		js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", find(css));
		clickAndWait(css);
	}

	/**
	 * Saves a screenshot of the page as {@code <page>-<screen>} and adds to {@code problems} what a user would
	 * stumble on: sideways overflow (of the page, or of a table or box inside it) and console errors.
	 */
	void checkPage(List<String> problems, String page, String path, String marker) {
		open(path);
		find(marker);
		checkPage(problems, page);
	}

	/** {@link #checkPage(List, String, String, String)} for the page already open. */
	void checkPage(List<String> problems, String page) {
		String where = page + "-" + screen.name();
		screenshot(where);
		long overflow = horizontalOverflow();
		if (overflow > 0) {
			problems.add(where + ": " + overflow + " px wider than the screen " + elementsStickingOut());
		}
		List<String> clipped = clippedBoxes();
		if (!clipped.isEmpty()) {
			problems.add(where + ": content wider than its box " + clipped);
		}
		List<String> errors = consoleErrors();
		if (!errors.isEmpty()) {
			problems.add(where + ": console " + errors);
		}
	}

	void waitForPage() {
		wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	Object js(String script, Object... args) {
		return driver.executeScript(script, args);
	}

	void signIn(String username, String password) {
		open("/login");
		type("#username", username);
		type("#password", password);
		clickAndWait("#login-submit");
	}

	/** Signs out through the navigation bar, opening the collapsed menu first on a narrow screen. */
	void signOut() {
		openMenuIfCollapsed();
		clickAndWait("#logout");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-submit")));
	}

	/** On a narrow screen the navigation sits behind the toggler; opens it and waits for the animation to end. */
	void openMenuIfCollapsed() {
		List<WebElement> togglers = all(".navbar-toggler");
		if (!togglers.isEmpty() && togglers.get(0).isDisplayed()
				&& !driver.findElement(By.id("mainNav")).getDomAttribute("class").contains("show")) {
			togglers.get(0).click();
			wait.until(d -> d.findElement(By.id("mainNav")).getDomAttribute("class").contains("collapse show"));
		}
	}

	/** Opens a navigation group's dropdown (unfolding the phone menu first) and waits until it shows. */
	void openNavGroup(String label) {
		openMenuIfCollapsed();
		WebElement toggle = driver
			.findElement(By.xpath("//nav//a[contains(@class,'dropdown-toggle') and normalize-space()='" + label + "']"));
		wait.until(ExpectedConditions.elementToBeClickable(toggle)).click();
		wait.until(d -> "true".equals(toggle.getDomAttribute("aria-expanded")));
	}

	/** Goes to a page through the navigation: the group's dropdown, then the entry. */
	void navigate(String group, String entry) {
		openNavGroup(group);
		clickAndWait(find("#mainNav .dropdown-menu.show").findElement(By.linkText(entry)));
	}

	/** Width of the page beyond the viewport, in CSS pixels: 0 when nothing sticks out sideways. */
	long horizontalOverflow() {
		Object overflow = js("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
				+ " - document.documentElement.clientWidth;");
		return ((Number) overflow).longValue();
	}

	/** Elements that reach past the right edge of the viewport, outside any scrolling container (for messages). */
	@SuppressWarnings("unchecked")
	List<String> elementsStickingOut() {
		return (List<String>) js("""
				var w = document.documentElement.clientWidth, out = [];
				function scrolls(el) {
				  for (var p = el.parentElement; p; p = p.parentElement) {
				    var s = getComputedStyle(p);
				    if (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') return true;
				  }
				  return false;
				}
				document.querySelectorAll('body *').forEach(function (el) {
				  var r = el.getBoundingClientRect();
				  if (r.width > 0 && r.right > w + 1 && !scrolls(el) && getComputedStyle(el).visibility !== 'hidden') {
				    out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
				      + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
				      + ' right=' + Math.round(r.right));
				  }
				});
				return out.slice(0, 10);
				""");
	}

	/**
	 * Boxes inside the page whose content is wider than the box and that scroll or clip it (a table in a
	 * {@code .table-responsive} that must be scrolled sideways, a card that hides the end of a button): the page
	 * itself may fit the screen while they still hide something. Form fields (their text scrolls by nature) and text
	 * cut on purpose with an ellipsis are left out.
	 */
	@SuppressWarnings("unchecked")
	List<String> clippedBoxes() {
		return (List<String>) js("""
				var out = [];
				document.querySelectorAll('body *').forEach(function (el) {
				  if (/^(input|textarea|select|option|svg|path|img)$/i.test(el.tagName)) return;
				  var s = getComputedStyle(el);
				  if (s.overflowX === 'visible' || s.display === 'none' || s.textOverflow === 'ellipsis') return;
				  if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
				    out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
				      + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
				      + ' hides ' + (el.scrollWidth - el.clientWidth) + ' px');
				  }
				});
				return out.slice(0, 10);
				""");
	}

	/**
	 * Saves a screenshot of the whole page (not only the viewport) as {@code target/screenshots/<name>.png}: the
	 * emulated viewport is stretched to the document's height for the shot, then put back.
	 */
	Path screenshot(String name) {
		Screen current = screen;
		long height = ((Number) js("return Math.ceil(Math.max(document.documentElement.scrollHeight,"
				+ " document.body.scrollHeight));")).longValue();
		long shotHeight = Math.min(Math.max(height, current.height()), 6000);
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", current.width(), "height",
				shotHeight, "deviceScaleFactor", 1, "mobile", current.mobile()));
		try {
			byte[] png = driver.getScreenshotAs(OutputType.BYTES);
			Path file = screenshots.resolve(name + ".png");
			Files.write(file, png);
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			use(current);
		}
	}

	/** SEVERE console entries since the last call (CSP violations, script errors, failed loads). */
	List<String> consoleErrors() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			service.stop();
			deleteQuietly(profile);
		}
	}

	/** The profile is throw-away; screenshots and the driver log stay in target/. */
	private static void deleteQuietly(Path dir) {
		try (var paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException | UncheckedIOException e) {
			// leftovers under target/ go with the next mvn clean
		}
	}

	record Screen(String name, int width, int height, boolean mobile) {
	}
}
