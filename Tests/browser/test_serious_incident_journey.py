"""A serious incident notification, from need-to-know to the national panel:

1. the social worker raises it from the record of a child their agency works with: an empty form is refused
   with the error summary; the record's details (legal status, agencies) are shown as the business unit will see them;
2. the business unit starts on My work, where the notification waits with its 5-working-day clock;
3. it completes the notification and records that the national panel was told today: on time, so no reason is
   asked; the rapid review's 15 working days start;
4. a member of the case review sub-group opens it, and cannot change it.
"""

import datetime

from selenium.webdriver.common.by import By

from pages import (choose, click_button, click_link, error_summary, fill, h1, main_text, open_child, path_of, sign_in, sign_out,
                   summary_list)


def test_raise_complete_and_notify_the_national_panel(driver, server, screenshot):
    # 1. The social worker raises it from a child's record.
    sign_in(driver, server, server.login("social.worker"))
    child = open_child(driver, server, lambda text: "Raise a serious incident notification" in text and "Child protection plan" not in text)
    click_link(driver, "Raise a serious incident notification")
    assert h1(driver).endswith("Raise a serious incident notification")
    assert not driver.find_elements(By.CSS_SELECTOR, "input[type=radio]:checked, input[type=checkbox]:checked"), "nothing chosen for the case worker"
    click_button(driver, "Raise the notification")
    heading, problems = error_summary(driver)
    fields = [f for _, f in problems]
    assert fields == ["reason", "incident-day", "what-happened", "abuse-or-neglect"], problems
    choose(driver, "reason", "serious-harm")
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    fill(driver, "incident-day", str(yesterday.day))
    fill(driver, "incident-month", str(yesterday.month))
    fill(driver, "incident-year", str(yesterday.year))
    fill(driver, "what-happened", "Brought to the emergency department unconscious; the explanation given does not fit the injuries.")
    choose(driver, "abuse-or-neglect[]", "yes")
    agencies = summary_list(driver)["Agencies involved"]
    assert "Northmere County Council Children's Services" in agencies, agencies
    click_button(driver, "Raise the notification")
    assert "has gone to the partnership's business unit" in main_text(driver)
    sign_out(driver)

    # 2. The business unit's My work has it, with the clock.
    sign_in(driver, server, server.login("business.unit.officer"))
    assert path_of(driver) == "/my-work"
    link = driver.find_element(By.PARTIAL_LINK_TEXT, f"({child})")
    assert link.text.startswith("Notify the national panel: SIN-")
    row = driver.find_element(By.XPATH, f"//tr[.//a[contains(., '({child})')]]").text
    assert "Record the day the local authority became aware" in row, row
    click_link(driver, link.text)
    assert h1(driver).endswith(child)
    screenshot("serious-incident-1-raised")

    # 3. Complete it and record the notification, today.
    today = datetime.date.today()
    fill(driver, "place", "At home")
    choose(driver, "police", "yes")
    fill(driver, "police-details", "Public Protection Unit, DS Lindqvist")
    fill(driver, "aware-day", str(today.day))
    fill(driver, "aware-month", str(today.month))
    fill(driver, "aware-year", str(today.year))
    click_button(driver, "Save the notification")
    assert "The notification is saved." in main_text(driver)
    assert "Notify the national panel by" in driver.find_element(By.ID, "incident-next").text
    fill(driver, "notified-day", str(today.day))
    fill(driver, "notified-month", str(today.month))
    fill(driver, "notified-year", str(today.year))
    click_button(driver, "Record the notification")
    assert error_summary(driver) is None, error_summary(driver)
    assert "The rapid review's 15 working days have started" in main_text(driver)
    assert "Rapid review due by" in driver.find_element(By.ID, "incident-next").text
    assert summary_list(driver)["Legal status"], "the record's legal status is part of the notification"
    screenshot("serious-incident-2-notified")
    sign_out(driver)

    # 4. A case review sub-group member reads it; the forms are the business unit's.
    sign_in(driver, server, server.login("team.manager"))
    click_link(driver, "Serious incidents")
    click_link(driver, driver.find_element(By.XPATH, f"//tr[td[normalize-space()='{child}']]//a").text)
    assert h1(driver).endswith(child)
    assert "Complete the notification" not in main_text(driver)
    sign_out(driver)
