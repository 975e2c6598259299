package vn.tinhso;

import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driven by Selenium; nothing is downloaded (driver and browser from apt). */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final String base;

    public Browser(String base) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("tinhso.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,900", "--lang=vi");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(System.getProperty("tinhso.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        this.base = base;
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(path.startsWith("http") ? path : base + path);
        return this;
    }

    public WebElement find(String css) {
        return waitFor(d -> d.findElement(By.cssSelector(css)));
    }

    public Browser type(String css, String text) {
        WebElement element = find(css);
        element.clear();
        element.sendKeys(text);
        return this;
    }

    /** Clicks the element after scrolling it to the middle of the window, clear of the header and footer. */
    public Browser click(String css) {
        WebElement element = find(css);
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', inline: 'center'});", element);
        try {
            element.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException e) {
            // Chromium sometimes reports the point of a long page before its scroll settles; the
            // element was found visible and enabled, so it is clicked as a user's tap would.
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
        }
        return this;
    }

    /** Clicks something that loads a new page, and waits until the old page is gone. */
    public Browser navigate(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        click(css);
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
        return this;
    }

    /** The element's text once it is shown and not blank, e.g. a message the next page brings. */
    public String shown(String css) {
        return waitFor(d -> {
            String text = d.findElement(By.cssSelector(css)).getText();
            return text.isBlank() ? null : text;
        });
    }

    /** The element's text; a page that replaces the element meanwhile is read again, not reported stale. */
    public String text(String css) {
        return waitFor(d -> d.findElement(By.cssSelector(css)).getText());
    }

    public <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** Signs in through the form and waits until the form's page is replaced by the answer. */
    public Browser signIn(String email, String password) {
        open("/login").type("#email", email).type("#password", password).navigate("#login-submit");
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
