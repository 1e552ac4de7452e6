"""Names typed by users are shown as text, never run as code."""

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from pages import click_button, error_summary, fill, h1, path_of, search, sign_in

FIRST = "<script>window.__xss=1</script>"
LAST = "O'Brien \"Test\" & Sons"


def test_added_person_with_markup_in_their_name_is_shown_literally(driver, server, screenshot):
    sign_in(driver, server, server.login("mash.practitioner"))
    driver.get(server.url("/people/new"))
    assert h1(driver) == "Add a person"

    fill(driver, "first-name", FIRST)
    fill(driver, "last-name", LAST)
    assert driver.find_element(By.CSS_SELECTOR, "input[name=unborn][value=no]").is_selected()
    fill(driver, "dob-day", "14")
    fill(driver, "dob-month", "2")
    fill(driver, "dob-year", "2016")
    Select(driver.find_element(By.ID, "gender")).select_by_value("female")
    Select(driver.find_element(By.ID, "ethnicity")).select_by_index(1)
    fill(driver, "address-line1", "1 <b>Bold</b> Street")
    fill(driver, "address-town", "Dunstowe")
    fill(driver, "address-postcode", "NM7 0YU")
    click_button(driver, "Add person")

    assert error_summary(driver) is None, error_summary(driver)
    assert re.fullmatch(r"/people/[0-9A-Fa-f-]{36}(\?.*)?", path_of(driver)), driver.current_url
    assert h1(driver) == f"{FIRST} {LAST}"
    banner = driver.find_elements(By.CSS_SELECTOR, ".sg-notification-banner")
    assert banner and f"{FIRST} {LAST}" in banner[0].text, [b.text for b in banner]
    assert driver.execute_script("return typeof window.__xss") == "undefined"
    assert "1 <b>Bold</b> Street" in driver.find_element(By.TAG_NAME, "main").text
    assert not driver.find_elements(By.CSS_SELECTOR, "main b")
    screenshot("xss-1-new-person-record")

    # The same name is safe in search results too.
    rows = search(driver, server, q="O'Brien")
    assert any(row["name"] == f"{FIRST} {LAST}" for row in rows), [r["name"] for r in rows]
    assert driver.execute_script("return typeof window.__xss") == "undefined"
