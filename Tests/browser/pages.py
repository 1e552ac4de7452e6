"""Small helpers that act like a person using Safeguard in a browser."""

from __future__ import annotations

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By

import axe_check
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


def left_page(old_html):
    """Like ``EC.staleness_of``, but also counts chromedriver's "Node with given id does not belong
    to the document" (raised when the check races the navigation) as the old page having gone."""
    stale = EC.staleness_of(old_html)

    def predicate(browser):
        try:
            return stale(browser)
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise
    return predicate


def h1(browser) -> str:
    return browser.find_element(By.TAG_NAME, "h1").text.strip()


def click_button(browser, text: str, scope=None):
    """Press the submit button whose visible text is ``text`` and wait for the next page."""
    root = scope or browser
    buttons = [b for b in root.find_elements(By.CSS_SELECTOR, "button, input[type=submit], a[role=button]")
               if (b.text or b.get_attribute("value") or "").strip() == text]
    assert buttons, f"No button labelled {text!r} on {browser.current_url}"
    old_html = browser.find_element(By.TAG_NAME, "html")
    # A button whose top edge just shows at the bottom of the window is "in view" to WebDriver,
    # which then clicks a sliver of it that Chrome does not treat as a press: centre it first.
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", buttons[0])
    buttons[0].click()
    wait(browser).until(left_page(old_html))
    after_navigation(browser)


def click_link(browser, text: str):
    links = browser.find_elements(By.LINK_TEXT, text)
    if not links:  # hidden links have no text to match: a folded "Menu" on a phone, or "More"
        open_navigation(browser)
        links = browser.find_elements(By.LINK_TEXT, text)
    assert links, f"No link {text!r} on {browser.current_url}"
    link = links[0]
    old_html = browser.find_element(By.TAG_NAME, "html")
    link.click()
    wait(browser).until(left_page(old_html))
    after_navigation(browser)


def open_navigation(browser):
    """Open what hides the navigation's links, as a person would: "Menu" on a phone, then "More"."""
    toggle = browser.find_elements(By.CSS_SELECTOR, ".sg-service-navigation__toggle")
    if toggle and toggle[0].is_displayed() and toggle[0].get_attribute("aria-expanded") != "true":
        toggle[0].click()
    for summary in browser.find_elements(By.CSS_SELECTOR, ".sg-service-navigation__details:not([open]) > summary"):
        if summary.is_displayed():
            summary.click()


def after_navigation(browser):
    """Every page a journey reaches is checked with axe (see axe_check), once per page and viewport."""
    viewport = getattr(browser, "safeguard_viewport", None)
    if viewport:
        axe_check.check_journey_page(browser, viewport)


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


def search(browser, server, q: str = "", dob: str = "", address: str = ""):
    """Use the "Find a person" form and return the result rows (may be empty). ``dob`` is "d m yyyy"."""
    if not path_of(browser).startswith("/people") or browser.find_elements(By.ID, "q") == []:
        browser.get(server.url("/people"))
    fill(browser, "q", q)
    day, month, year = (dob.split() + ["", "", ""])[:3]
    fill(browser, "dob-day", day)
    fill(browser, "dob-month", month)
    fill(browser, "dob-year", year)
    fill(browser, "address", address)
    click_button(browser, "Search", scope=browser.find_element(By.TAG_NAME, "main"))
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


def sign_out(browser):
    """Press "Sign out" in the header and wait for the sign-in page."""
    click_button(browser, "Sign out", scope=browser.find_element(By.TAG_NAME, "header"))
    assert path_of(browser).startswith("/sign-in"), browser.current_url


def wait_until_loaded(browser):
    """Wait until the page, with its styles, has finished loading, so nothing moves under a click."""
    wait(browser).until(lambda b: b.execute_script("return document.readyState") == "complete")


def choose(browser, name: str, value: str):
    """Click the radio (or checkbox) ``name`` with ``value`` through its label, as a person would."""
    wait_until_loaded(browser)
    found = browser.find_elements(By.CSS_SELECTOR, f"input[name='{name}'][value='{value}']")
    assert found, f"No option {name}={value!r} on {browser.current_url}"
    box = found[0]
    label = browser.find_elements(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']")
    (label[0] if label else box).click()
    assert box.is_selected(), f"{name}={value!r} did not get selected on {browser.current_url}"


def option_labels(browser, name: str) -> dict[str, str]:
    """Label text -> value of every radio or checkbox called ``name``."""
    return browser.execute_script("""
        const out = {};
        document.querySelectorAll(`input[name="${arguments[0]}"]`).forEach(i => {
          const label = document.querySelector(`label[for="${i.id}"]`);
          out[label ? label.innerText.trim() : i.id] = i.value;
        });
        return out;""", name)


def summary_list(browser, scope=None) -> dict[str, str]:
    """Key -> value text of the first summary list (``dl.sg-summary-list``) in ``scope``."""
    root = scope or browser.find_element(By.TAG_NAME, "main")
    return browser.execute_script("""
        const dl = arguments[0].querySelector('dl.sg-summary-list');
        const out = {};
        if (dl) dl.querySelectorAll('.sg-summary-list__row').forEach(row => {
          const key = row.querySelector('dt'), value = row.querySelector('dd');
          if (key && value) out[key.innerText.trim()] = value.innerText.trim();
        });
        return out;""", root)


def main_text(browser) -> str:
    return browser.find_element(By.TAG_NAME, "main").text


def open_child(browser, server, page_fits, want=lambda row: "Child" in row["tags"] and "Involved" in row["tags"]):
    """Open the record of the first child (found as ``find_people`` does) whose page text satisfies
    ``page_fits``: journeys need a child the demo data has not already taken through them."""
    for surname in COMMON_SURNAMES:
        rows = [r for r in search(browser, server, q=surname) if want(r)]
        for href, name in [(r["href"], r["name"]) for r in rows]:
            browser.get(href)
            if page_fits(browser.find_element(By.TAG_NAME, "main").text):
                return name
    raise AssertionError("No child in the demo data fits this journey")
