"""Small helpers that act like a person using Safeguard in a browser."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

WAIT = 15


def wait(browser, timeout: float = WAIT) -> WebDriverWait:
    return WebDriverWait(browser, timeout)


def path_of(browser) -> str:
    """The current path and query, without scheme and host."""
    url = browser.current_url
    return "/" + url.split("/", 3)[3] if url.count("/") >= 3 else url


def h1(browser) -> str:
    return browser.find_element(By.TAG_NAME, "h1").text.strip()


def click_button(browser, text: str, scope=None):
    """Press the submit button whose visible text is ``text`` and wait for the next page."""
    root = scope or browser
    buttons = [b for b in root.find_elements(By.CSS_SELECTOR, "button, input[type=submit]")
               if (b.text or b.get_attribute("value") or "").strip() == text]
    assert buttons, f"No button labelled {text!r} on {browser.current_url}"
    old_html = browser.find_element(By.TAG_NAME, "html")
    buttons[0].click()
    wait(browser).until(EC.staleness_of(old_html))


def click_link(browser, text: str):
    link = browser.find_element(By.LINK_TEXT, text)
    old_html = browser.find_element(By.TAG_NAME, "html")
    link.click()
    wait(browser).until(EC.staleness_of(old_html))


def fill(browser, field_id: str, value: str):
    element = browser.find_element(By.ID, field_id)
    element.clear()
    element.send_keys(value)


def error_summary(browser):
    """(heading, [(message, href), ...]) of the error summary, or None."""
    found = browser.find_elements(By.CSS_SELECTOR, ".sg-error-summary")
    if not found:
        return None
    box = found[0]
    heading = box.find_element(By.CSS_SELECTOR, "h2").text.strip()
    links = [(a.text.strip(), a.get_attribute("href").split("#", 1)[-1] if "#" in a.get_attribute("href") else "")
             for a in box.find_elements(By.CSS_SELECTOR, "a")]
    return heading, links


def sign_in(browser, server, login):
    """Sign in through the form, as a person would. Leaves the browser on the landing page."""
    browser.delete_all_cookies()
    browser.get(server.url("/sign-in"))
    assert h1(browser) == "Sign in to Safeguard"
    fill(browser, "email", login.email)
    fill(browser, "password", login.password)
    click_button(browser, "Sign in")
    problem = error_summary(browser)
    assert problem is None, f"Signing in as {login.email} failed: {problem}"


def header_user(browser) -> str:
    """The "<name>, <agency>" text in the header."""
    return browser.find_element(By.CSS_SELECTOR, ".sg-header__user").text.strip()


def search(browser, server, q: str = "", dob: str = "", postcode: str = ""):
    """Use the "Find a person" form and return the result rows (may be empty)."""
    if not path_of(browser).startswith("/people") or browser.find_elements(By.ID, "q") == []:
        browser.get(server.url("/people"))
    fill(browser, "q", q)
    fill(browser, "dob", dob)
    fill(browser, "postcode", postcode)
    click_button(browser, "Search")
    return result_rows(browser)


ROWS_SCRIPT = """
return Array.from(document.querySelectorAll('main table tbody tr')).map(row => {
  const link = row.querySelector('td a');
  if (!link) return null;
  return {
    name: link.textContent.trim(),
    href: link.href,
    link: link,
    cells: Array.from(row.querySelectorAll('td')).map(c => c.innerText.trim()),
    tags: Array.from(row.querySelectorAll('.sg-tag')).map(t => t.innerText.trim()),
  };
}).filter(Boolean);
"""


def result_rows(browser):
    """Each search result as a dict: name, href, link (element), cells (texts), tags (texts).

    Read in one round trip: a WebDriver call per cell makes big result lists slow.
    """
    return browser.execute_script(ROWS_SCRIPT)


def card_titles(browser) -> list[str]:
    return [t.text.strip() for t in browser.find_elements(By.CSS_SELECTOR, "h2.sg-summary-card__title")]


def press_tab(browser, times: int = 1):
    actions = ActionChains(browser)
    for _ in range(times):
        actions.send_keys(Keys.TAB)
    actions.perform()


def active_element(browser):
    return browser.switch_to.active_element


COMMON_SURNAMES = ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Davies", "Evans",
                   "Johnson", "Roberts", "Walker", "Wright", "Thompson", "Robinson", "Hughes")


def find_people(browser, server, want, surnames=COMMON_SURNAMES):
    """Search common surnames until ``want(row)`` matches some rows; return (surname, matching rows)."""
    tried = []
    for surname in surnames:
        rows = search(browser, server, q=surname)
        tried.append(f"{surname}: {len(rows)}")
        matching = [row for row in rows if want(row)]
        if matching:
            return surname, matching
    raise AssertionError("No matching person in the demo data for any of: " + ", ".join(tried))
