"""An action from a review, tracked to impact:

1. the emergency department's practitioner finds their overdue action from the Baby M review on My work;
2. marking it completed without evidence is refused; they add evidence with a file, and mark it completed with its impact;
3. the team manager, on the case review sub-group, sees it awaiting sign-off and signs it off;
4. the business unit's composite plan, filtered to overdue actions, no longer lists it, and the CSV downloads.
"""

import os
import tempfile

from selenium.webdriver.common.by import By

from pages import choose, click_button, click_link, error_summary, fill, h1, main_text, path_of, sign_in, sign_out

ACTION = "Alert the social worker when a baby on a plan misses an outpatient appointment"


def test_evidence_completion_and_sign_off(driver, server, screenshot):
    # 1. The owner's My work.
    sign_in(driver, server, server.login("health.practitioner"))
    click_link(driver, f"Action from a review: {ACTION}")
    assert h1(driver).endswith(ACTION)
    assert "overdue" in driver.find_element(By.ID, "action-status").text

    # 2. Evidence first, then completion.
    fill(driver, "impact-achieved", "Every missed appointment this month was shared")
    click_button(driver, "Mark completed")
    assert [m for m, _ in error_summary(driver)[1]] == ["Add evidence before marking the action completed"]
    fill(driver, "evidence", "The outpatient clinic's alert list for December")
    handle, path = tempfile.mkstemp(suffix=".csv")
    with os.fdopen(handle, "w") as f:
        f.write("appointment,shared\n1,yes\n")
    driver.find_element(By.ID, "evidence-file").send_keys(path)
    click_button(driver, "Add evidence")
    assert "Evidence added." in main_text(driver)
    assert driver.find_element(By.ID, "evidence").find_elements(By.CSS_SELECTOR, "a[download]"), "the file is listed with the evidence"
    fill(driver, "impact-achieved", "Every missed appointment this month was shared within 5 working days")
    click_button(driver, "Mark completed")
    assert "The case review sub-group will check the evidence" in main_text(driver)
    screenshot("action-1-completed")
    sign_out(driver)

    # 3. The sub-group member signs it off.
    sign_in(driver, server, server.login("team.manager"))
    click_link(driver, f"Sign off an action: {ACTION}")
    choose(driver, "decision", "sign-off")
    click_button(driver, "Record the decision")
    assert "Signed off" in driver.find_element(By.ID, "action-status").text
    sign_out(driver)

    # 4. The business unit's plan.
    sign_in(driver, server, server.login("business.unit.officer"))
    click_link(driver, "Action plan")
    assert h1(driver) == "The partnership's action plan"
    choose(driver, "overdue[]", "yes")
    click_button(driver, "Show")
    assert ACTION not in main_text(driver)
    assert "overdue" in driver.find_element(By.ID, "plan-summary").text
    screenshot("action-2-plan")
    sign_out(driver)
