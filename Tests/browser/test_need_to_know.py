"""Need to know: opening a record your agency is not involved with is a recorded "break glass"."""

import re

from selenium.webdriver.common.by import By

from pages import (choose, click_button, click_link, error_summary, fill, find_people, h1, header_user,
                   path_of, sign_in)

BREAK_GLASS_TAG = "Not involved: break glass to open"


def test_police_break_glass_is_recorded_and_reviewed(driver, server, screenshot):
    officer = server.login("police.officer")
    sign_in(driver, server, officer)
    officer_name = header_user(driver).split(",")[0].strip()
    assert officer_name

    _, rows = find_people(driver, server, lambda row: BREAK_GLASS_TAG in row["tags"])
    person = rows[0]
    name = person["name"]
    person_path = "/" + person["href"].split("/", 3)[3]

    # Opening the record stops at the break-glass page.
    person["link"].click()
    driver.find_element(By.TAG_NAME, "h1")
    assert path_of(driver) == person_path + "/break-glass", driver.current_url
    heading = h1(driver)
    assert "is not recorded as working with" in heading and heading.endswith(name), heading
    # No personal details leak onto the break-glass page.
    assert not driver.find_elements(By.CSS_SELECTOR, ".sg-summary-card")

    # Typing the address straight in does not get round it either.
    driver.get(server.url(person_path))
    assert path_of(driver) == person_path + "/break-glass", driver.current_url

    # A reason that is too short is refused.
    fill(driver, "reason", "urgent")
    click_button(driver, "Open the record")
    assert driver.title.startswith("Error: "), driver.title
    summary = error_summary(driver)
    assert summary and summary[0] == "There is a problem", summary
    assert [href for _, href in summary[1]] == ["reason"], summary
    assert not driver.find_elements(By.CSS_SELECTOR, ".sg-summary-card")
    screenshot("need-to-know-1-reason-too-short")

    reason = "Attending a domestic incident at the family's address tonight (browser test)."
    fill(driver, "reason", reason)
    click_button(driver, "Open the record")
    assert path_of(driver) == person_path, driver.current_url
    assert h1(driver) == name
    warning = driver.find_element(By.TAG_NAME, "main").text
    assert "You opened this record by breaking the glass" in warning, warning[:500]
    assert "Personal details" in [t.text for t in driver.find_elements(By.CSS_SELECTOR, "h2.sg-summary-card__title")]
    screenshot("need-to-know-2-opened-by-breaking-the-glass")

    # Break-glass is read-only: the officer cannot record the force's involvement, only ask a manager.
    assert not driver.find_elements(By.XPATH, "//button[starts-with(normalize-space(), 'Record that my agency is working with')]")
    ask = driver.find_element(By.PARTIAL_LINK_TEXT, "Ask a manager to record that my agency is working with")
    ask_text = ask.text
    click_link(driver, ask_text)
    assert path_of(driver) == person_path + "/involvement-request", driver.current_url
    click_button(driver, "Send to a manager")
    summary = error_summary(driver)
    assert summary and [href for _, href in summary[1]] == ["reason"], summary
    fill(driver, "reason", "Allocated to the force's child abuse investigation team today (browser test).")
    click_button(driver, "Send to a manager")
    assert path_of(driver).startswith(person_path + "?"), driver.current_url
    assert "Your request has gone to a manager" in driver.find_element(By.TAG_NAME, "main").text
    screenshot("need-to-know-2b-involvement-asked")

    # The auditor sees it waiting for review.
    sign_in(driver, server, server.login("auditor"))
    driver.get(server.url("/audit"))
    assert path_of(driver) == "/audit", driver.current_url
    section_heading = driver.find_elements(
        By.XPATH, "//main//*[self::h2 or self::h3][starts-with(normalize-space(), 'Break-glass openings to review')]")
    assert section_heading, "no 'Break-glass openings to review' heading on /audit"
    main_text = driver.find_element(By.TAG_NAME, "main").text
    review_part = main_text.split("Break-glass openings to review", 1)[1]
    assert name in review_part, f"{name} not listed for review:\n{review_part[:1500]}"
    assert officer_name in review_part, f"{officer_name} not named in the review list:\n{review_part[:1500]}"
    screenshot("need-to-know-3-audit-review")

    review_row = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "main table tbody tr") if officer_name in r.text]
    assert review_row and "Created" in review_row[0] and "involvement-request" in review_row[0], review_row

    # A MASH manager decides the request from My work; nothing is chosen for them.
    sign_in(driver, server, server.login("mash.manager"))
    driver.get(server.url("/my-work"))
    decide = [a for a in driver.find_elements(By.CSS_SELECTOR, "main a") if a.text.startswith("Decide:") and name in a.text]
    assert decide, driver.find_element(By.TAG_NAME, "main").text[:1500]
    click_link(driver, decide[0].text)
    assert not [r for r in driver.find_elements(By.CSS_SELECTOR, "input[name=decision]") if r.is_selected()]
    click_button(driver, "Confirm decision")
    summary = error_summary(driver)
    assert summary and [href for _, href in summary[1]] == ["decision"], summary
    choose(driver, "decision", "approve")
    click_button(driver, "Confirm decision")
    assert path_of(driver).startswith("/involvement-requests?"), driver.current_url
    assert "Request approved" in driver.find_element(By.TAG_NAME, "main").text
    screenshot("need-to-know-3b-involvement-approved")

    # A MASH manager can see who has looked at the record, including the officer.
    driver.get(server.url(person_path))
    assert path_of(driver) == person_path, driver.current_url
    click_link(driver, "See who has looked at this record")
    assert path_of(driver) == person_path + "/access-log", driver.current_url
    log_text = driver.find_element(By.TAG_NAME, "main").text
    assert officer_name in log_text, log_text[:1500]
    # (The officer's force is now involved: shown under the agencies on the record.)
    rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")]
    assert any(officer_name in r for r in rows), rows
    assert any(re.search(r"\bViewed\b", r) for r in rows), rows
    screenshot("need-to-know-4-access-log")


def test_other_roles_cannot_open_the_audit_pages(driver, server):
    sign_in(driver, server, server.login("police.officer"))
    driver.get(server.url("/audit"))
    assert h1(driver) == "You cannot see this page"
    assert "Break-glass openings to review" not in driver.find_element(By.TAG_NAME, "body").text
    assert not driver.find_elements(By.LINK_TEXT, "Audit")
