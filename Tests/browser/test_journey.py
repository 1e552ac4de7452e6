"""The main journey: a MASH practitioner finds a child and reads their record."""

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from pages import (active_element, card_titles, find_people, h1, header_user,
                   path_of, press_tab, sign_in)

PERSON_PATH = re.compile(r"^/people/[0-9A-Fa-f-]{36}$")


def test_mash_practitioner_finds_a_child_and_reads_the_record(driver, server, screenshot):
    login = server.login("mash.practitioner")
    sign_in(driver, server, login)

    # Lands on My work, which has the demo's live referrals on it, with who they are in the header.
    assert path_of(driver) == "/my-work", driver.current_url
    assert h1(driver) == "My work"
    assert "MASH-" in driver.find_element(By.TAG_NAME, "main").text, "real work on the first screen"
    assert ", " in header_user(driver), header_user(driver)
    assert driver.find_elements(By.XPATH, "//header//button[normalize-space()='Sign out']")

    surname, children = find_people(driver, server, lambda row: "Child" in row["tags"])
    count = driver.find_element(By.CSS_SELECTOR, "main h2").text
    assert re.fullmatch(r"\d+ (people|person) found", count), count
    assert int(count.split()[0]) >= len(children)
    for row in children:
        assert PERSON_PATH.match("/" + row["href"].split("/", 3)[3]), row["href"]
        assert row["tags"][-1] in ("Involved", "Not involved", "Not involved: break glass to open"), row
    screenshot("journey-1-search-results")

    child = children[0]
    name = child["name"]
    child["link"].click()
    driver.find_element(By.TAG_NAME, "h1")  # wait for the record
    assert PERSON_PATH.match(path_of(driver)), driver.current_url
    assert h1(driver) == name
    assert name in driver.title, driver.title
    caption = driver.find_element(By.CSS_SELECTOR, "main .sg-tag").text
    assert caption == "Child", caption

    titles = card_titles(driver)
    first_name = name.split()[0]
    for expected in ("Personal details", f"Men in {first_name}'s life", "Family and household",
                     "Addresses", "Agencies involved", "Chronology"):
        assert expected in titles, f"{expected!r} missing from {titles}"
    # No broken page: nothing on the record says an error happened.
    body = driver.find_element(By.TAG_NAME, "body").text
    assert "Internal Server Error" not in body and "There is a problem" not in body
    # A practitioner (not a manager) is not offered the access log.
    assert not driver.find_elements(By.LINK_TEXT, "See who has looked at this record")

    # Keyboard: the first Tab reaches the skip link, which becomes visible and jumps to the content.
    driver.find_element(By.TAG_NAME, "body")
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    press_tab(driver)
    focused = active_element(driver)
    assert focused.text.strip() == "Skip to main content", focused.get_attribute("outerHTML")
    assert focused.is_displayed() and focused.size["height"] > 0 and focused.size["width"] > 1
    screenshot("journey-2-skip-link-focused")
    focused.send_keys(Keys.ENTER)
    assert driver.current_url.endswith("#main-content"), driver.current_url
    assert driver.find_elements(By.ID, "main-content")

    # Links to relatives lead to real records.
    here = driver.current_url.split("#")[0]
    person_links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main section a")
                    if PERSON_PATH.match("/" + a.get_attribute("href").split("/", 3)[3])
                    and a.get_attribute("href") != here]
    if person_links:
        driver.get(person_links[0])
        assert PERSON_PATH.match(path_of(driver)), driver.current_url
        assert h1(driver) and h1(driver) != "Find a person"
        driver.back()
        assert h1(driver) == name

    driver.execute_script("window.scrollTo(0, 0)")
    screenshot("journey-3-child-record")

    # Nothing on the way broke in the browser: no failed loads, script errors or CSP violations.
    severe = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not severe, severe


FETCH_STATUS = """
const done = arguments[arguments.length - 1];
Promise.all(arguments[0].map(url =>
    fetch(url, {credentials: 'same-origin'})
        .then(r => [url, r.url.includes('/sign-in') ? 'sent to sign in' : r.status])
        .catch(e => [url, String(e)])))
  .then(done);
"""


def test_every_link_on_a_child_record_leads_somewhere(driver, server):
    """A MASH manager (who sees the most links) follows every link on a child's record."""
    sign_in(driver, server, server.login("mash.manager"))
    _, children = find_people(driver, server, lambda row: "Child" in row["tags"])
    children[0]["link"].click()
    assert h1(driver) == children[0]["name"]
    assert driver.find_elements(By.LINK_TEXT, "See who has looked at this record")

    origin = server.base_url.rstrip("/")
    urls = sorted({a.get_attribute("href").split("#")[0]
                   for a in driver.find_elements(By.CSS_SELECTOR, "a[href]")
                   if a.get_attribute("href").startswith(origin)})
    assert len(urls) >= 5, urls
    statuses = dict(driver.execute_async_script(FETCH_STATUS, urls))
    broken = {url: status for url, status in statuses.items() if status != 200}
    assert not broken, f"links on {driver.current_url} that do not answer 200: {broken}"
