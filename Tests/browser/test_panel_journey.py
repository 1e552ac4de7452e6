"""A young person taken through the exploitation panel, as its members meet it:

1. a social worker refers a child their agency works with;
2. a panel member plans today's meeting, whose agenda lists the new referral;
3. the panel screens the child in at significant risk with a lead professional, agrees an action
   with an owner and due date, and records a place and an associate;
4. at review the risk has come down; the panel closes the case, and the child's record says so.
"""

import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from pages import (open_child, wait_until_loaded, choose, click_button, click_link, error_summary, fill, find_people, h1, path_of, sign_in, sign_out,
                   summary_list)


def test_refer_screen_meet_act_link_review_close(driver, server, screenshot):
    today = datetime.date.today()
    # 1. The social worker refers a child.
    sign_in(driver, server, server.login("social.worker"))
    name = open_child(driver, server, lambda text: "Refer to the exploitation panel" in text and "Exploitation panel:" not in text)
    surname = name.split()[-1]
    child_path = path_of(driver)
    click_link(driver, "Refer to the exploitation panel")
    click_button(driver, "Refer")
    assert error_summary(driver)[1][0][0].startswith("Say why the panel should consider"), error_summary(driver)
    wait_until_loaded(driver)
    fill(driver, "reason", "Found twice at the bus station late at night with older teenagers; has a new phone nobody bought.")
    click_button(driver, "Refer")
    assert "Referred to the exploitation panel" in driver.find_element(By.TAG_NAME, "main").text
    sign_out(driver)

    # 2. A panel member plans today's meeting: the agenda lists the referral.
    sign_in(driver, server, server.login("team.manager"))
    click_link(driver, "Exploitation panel")
    assert name in driver.find_element(By.TAG_NAME, "main").text
    fill(driver, "held-day", str(today.day))
    fill(driver, "held-month", str(today.month))
    fill(driver, "held-year", str(today.year))
    fill(driver, "chair", "DI Sam Patel")
    click_button(driver, "Plan meeting")
    assert h1(driver).endswith(f"Meeting on {today.day} {today.strftime('%B')} {today.year}"), h1(driver)
    agenda = driver.find_element(By.TAG_NAME, "main").text
    assert "New referrals to screen" in agenda and name in agenda, agenda
    screenshot("panel-1-agenda")

    # 3. Screen in, agree an action, link a place and a person.
    click_link(driver, name)
    choose(driver, "decision", "screen-in")
    click_button(driver, "Record decision")
    messages = [m for m, _ in error_summary(driver)[1]]
    assert "Choose the young person's risk level" in messages, messages
    choose(driver, "decision", "screen-in")
    choose(driver, "risk-level", "significant")
    fill(driver, "lead", "Aisha Okoro, children's social care")
    fill(driver, "note", "Pattern of late nights at the bus station; older males; unexplained phone.")
    Select(driver.find_element(By.ID, "meeting")).select_by_index(1)
    click_button(driver, "Record decision")
    facts = summary_list(driver)
    assert facts["Status"] == "In the cohort" and facts["Risk level"] == "Significant", facts
    case_path = path_of(driver)

    fill(driver, "action", "Offer a detached youth worker at the bus station on Friday evenings")
    fill(driver, "owner", "Jo Reid, Calder Vale Youth Service")
    due = today + datetime.timedelta(days=14)
    fill(driver, "due-day", str(due.day))
    fill(driver, "due-month", str(due.month))
    fill(driver, "due-year", str(due.year))
    click_button(driver, "Add action")
    assert "Jo Reid, Calder Vale Youth Service" in driver.find_element(By.TAG_NAME, "main").text

    fill(driver, "place-name", "Calder Vale bus station")
    choose(driver, "place-kind", "station")
    choose(driver, "place-nature", "frequents")
    click_button(driver, "Link place")
    fill(driver, "associate-q", surname)
    click_button(driver, "Find")
    options = driver.find_elements(By.CSS_SELECTOR, "input[name=associate]")
    assert options, "the search finds people by name"
    choose(driver, "associate", options[0].get_attribute("value"))
    choose(driver, "associate-nature", "peer")
    click_button(driver, "Link person")
    linked = driver.find_element(By.XPATH, "//caption[starts-with(normalize-space(), 'Linked to')]/ancestor::table").text
    assert "Calder Vale bus station" in linked and "Peer" in linked, linked
    screenshot("panel-2-case")

    # 4. Review at a lower level, then close; the record says so.
    choose(driver, "decision", "review")
    choose(driver, "risk-level", "moderate")
    fill(driver, "note", "Engaging with the youth worker; no missing episodes this month.")
    click_button(driver, "Record decision")
    assert summary_list(driver)["Risk level"] == "Moderate"
    choose(driver, "decision", "close")
    choose(driver, "closure-reason", "risk-reduced")
    fill(driver, "note", "Risk reduced: settled at school, no contact with the older group.")
    click_button(driver, "Record decision")
    assert summary_list(driver)["Status"] == "Closed"
    assert not driver.find_elements(By.ID, "decision"), "a closed case takes no more decisions"
    driver.get(server.url(child_path))
    record = driver.find_element(By.TAG_NAME, "main").text
    assert "Exploitation panel: Closed" in record, record
    screenshot("panel-3-closed")
