"""Multi-agency training, as practitioners and the trainer meet it:

1. a practitioner creates an account with their organisation's registration key (a mistyped key
   is refused with a message saying what to do);
2. they book a full event and join the waiting list;
3. someone with a place cancels, and the practitioner is moved up and told;
4. the trainer takes the register for yesterday's session;
5. an attendee completes the evaluation (a blank form shows what is missing), prints the
   certificate and finds the course in their training log.
"""

import base64
import datetime
import re

from selenium.webdriver.common.by import By

from conftest import Login
from pages import (choose, click_button, click_link, error_summary, fill, h1, left_page, main_text, path_of, sign_in, sign_out, wait,
                   wait_until_loaded)

FULL_COURSE = "Child exploitation: recognising and responding"
YESTERDAY_COURSE = "Graded Care Profile 2: assessing neglect"


def registration_key(server) -> str:
    for line in server.output:
        found = re.search(r"Training registration key for .+: (\S+)$", line)
        if found:
            return found.group(1)
    raise AssertionError("The demo server printed no training registration key")


def open_event(driver, title):
    click_link(driver, "Training")
    click_link(driver, title)
    assert h1(driver).endswith(title), h1(driver)


def test_register_book_wait_promote_register_evaluate_certificate(driver, server, screenshot):
    # 1. A new practitioner registers with their organisation's key.
    driver.delete_all_cookies()
    driver.get(server.url("/sign-in"))
    click_link(driver, "create a training account")
    assert h1(driver) == "Create a training account"
    fill(driver, "key", "WRONG-KEY1-2345")
    fill(driver, "name", "Morgan Ellis")
    fill(driver, "email", "morgan.ellis@safeharbour.example")
    fill(driver, "password", "Juniper-Quarry-Heron-88")
    fill(driver, "confirm-password", "Juniper-Quarry-Heron-88")
    click_button(driver, "Create account")
    messages = [m for m, _ in error_summary(driver)[1]]
    assert messages == ["This registration key is not recognised. Check it with your safeguarding lead or the partnership's training team"], messages
    wait_until_loaded(driver)
    fill(driver, "key", registration_key(server).lower())
    fill(driver, "password", "Juniper-Quarry-Heron-88")
    fill(driver, "confirm-password", "Juniper-Quarry-Heron-88")
    click_button(driver, "Create account")
    assert error_summary(driver) is None, error_summary(driver)
    assert "Your account is ready" in main_text(driver)
    assert driver.find_element(By.CSS_SELECTOR, ".sg-header__user").text.startswith("Morgan Ellis, Safe Harbour")
    screenshot("training-1-registered")

    # 2. The exploitation course is full: join the waiting list.
    click_link(driver, FULL_COURSE)
    assert "Full" in main_text(driver)
    click_button(driver, "Join the waiting list")
    assert "you are on the waiting list" in main_text(driver)
    assert "You are number 1 on the waiting list." in driver.find_element(By.ID, "booking-status").text
    sign_out(driver)

    # 3. Someone with a place cancels; the practitioner moves up and is told.
    sign_in(driver, server, server.login("learner"))
    open_event(driver, FULL_COURSE)
    click_button(driver, "Cancel my place")
    assert "Your booking is cancelled" in main_text(driver)
    sign_out(driver)
    sign_in(driver, server, Login("Practitioner (training only)", "morgan.ellis@safeharbour.example", "Juniper-Quarry-Heron-88"))
    assert path_of(driver).startswith("/training")
    messages = driver.find_element(By.ID, "messages").text
    assert f"You now have a place: {FULL_COURSE}" in messages, messages
    click_link(driver, f"You now have a place: {FULL_COURSE}")
    assert driver.find_element(By.ID, "booking-status").text.startswith("Booked")
    screenshot("training-2-promoted")
    sign_out(driver)

    # 4. The trainer takes the register for yesterday's session.
    sign_in(driver, server, server.login("trainer"))
    click_link(driver, "Manage training")
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    day_text = f"{yesterday.day} {yesterday.strftime('%B')} {yesterday.year}"
    row = next(r for r in driver.find_elements(By.CSS_SELECTOR, "main tr")
               if day_text in r.text and YESTERDAY_COURSE in r.text)
    old = driver.find_element(By.TAG_NAME, "html")
    row.find_element(By.PARTIAL_LINK_TEXT, "Register").click()
    wait(driver).until(left_page(old))
    assert h1(driver).endswith(f"Register: {YESTERDAY_COURSE}"), h1(driver)
    fieldsets = {f.find_element(By.TAG_NAME, "legend").text: f for f in driver.find_elements(By.CSS_SELECTOR, "main form fieldset")}
    owen = next(k for k in fieldsets if k.startswith("Owen Pritchard"))
    others = [k for k in fieldsets if k != owen]
    fieldsets[owen].find_element(By.XPATH, ".//label[text()='Attended']").click()
    fieldsets[others[0]].find_element(By.XPATH, ".//label[text()='Did not attend']").click()
    for other in others[1:]:
        fieldsets[other].find_element(By.XPATH, ".//label[text()='Attended']").click()
    click_button(driver, "Save register")
    assert "The register is saved." in main_text(driver)
    screenshot("training-3-register")
    sign_out(driver)

    # 5. The attendee evaluates, prints the certificate and sees the training log.
    sign_in(driver, server, server.login("learner"))
    click_link(driver, "Training")
    click_link(driver, "Your training log")
    row = next(r for r in driver.find_elements(By.CSS_SELECTOR, "main tr") if day_text in r.text and YESTERDAY_COURSE in r.text)
    old = driver.find_element(By.TAG_NAME, "html")
    row.find_element(By.PARTIAL_LINK_TEXT, "Evaluate").click()
    wait(driver).until(left_page(old))
    assert h1(driver).endswith("Evaluate the course"), h1(driver)
    click_button(driver, "Send evaluation")
    problems = [m for m, _ in error_summary(driver)[1]]
    assert "Select a rating from 1 to 5 for ‘How would you rate the course overall?’" in problems, problems
    assert "Select yes or no for ‘Did the course meet its learning outcomes?’" in problems, problems
    wait_until_loaded(driver)
    choose(driver, "overall", "5")
    choose(driver, "trainer", "4")
    choose(driver, "met-objectives", "yes")
    choose(driver, "confidence", "4")
    fill(driver, "change-practice", "Use the profile at the first home visit.")
    click_button(driver, "Send evaluation")
    assert "Thank you for your evaluation" in main_text(driver)
    click_link(driver, "Print your certificate")
    certificate = driver.find_element(By.CSS_SELECTOR, ".sg-certificate").text
    for text in ["Certificate of attendance", "Owen Pritchard", YESTERDAY_COURSE, day_text, "3.0 hours"]:
        assert text in certificate, certificate
    screenshot("training-4-certificate")
    # Printed (as "Save as PDF" does), the certificate is one page and none of the site's chrome.
    pdf = base64.b64decode(driver.print_page())
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"the certificate printed on {pages} pages"
    click_link(driver, "Back to your training log")
    log = main_text(driver)
    assert YESTERDAY_COURSE in log and "Certificate" in log, log
