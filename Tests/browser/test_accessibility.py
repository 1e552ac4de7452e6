"""Automated accessibility checks with a current axe-core (4.x) in the real browser, offline.

axe-core's own script is the one PyPI's axe-playwright-python ships (its axe.min.js); Selenium
injects it into each page and runs it, so no Playwright browser is needed. Only "serious" and
"critical" violations fail a test; the others are printed (run with -s to see them).
Skipped when axe-playwright-python is not installed.
"""

import pytest
from selenium.webdriver.common.by import By

from axe_check import report, run_axe
from pages import find_people, h1, sign_in

axe_package = pytest.importorskip("axe_playwright_python")
FAILING_IMPACTS = {"serious", "critical"}


def check(driver, page_name):
    results = run_axe(driver)
    assert "error" not in results, results
    assert results.get("testEngine", {}).get("version", "").startswith("4."), results.get("testEngine")
    violations = results.get("violations", [])
    serious = [v for v in violations if v.get("impact") in FAILING_IMPACTS]
    minor = [v for v in violations if v.get("impact") not in FAILING_IMPACTS]
    if minor:
        print(f"\n{page_name}: minor/moderate axe findings (not failing):\n" + report(minor))
    assert not serious, f"{page_name} ({driver.current_url}):\n" + report(serious)


def test_sign_in_page(driver, server):
    driver.get(server.url("/sign-in"))
    assert h1(driver) == "Sign in to Safeguard"
    check(driver, "Sign in")


def test_search_results_and_person_page(driver, server):
    sign_in(driver, server, server.login("mash.practitioner"))
    _, children = find_people(driver, server, lambda row: "Child" in row["tags"])
    check(driver, "Search results")
    children[0]["link"].click()
    assert h1(driver) == children[0]["name"]
    check(driver, "Person record")


def test_new_forms_with_and_without_errors(driver, server):
    from pages import click_button, click_link, sign_out

    # The health status check, empty and with its error summary.
    sign_in(driver, server, server.login("health.practitioner"))
    driver.get(server.url("/protection-status-check"))
    check(driver, "Health status check")
    click_button(driver, "Check status")
    check(driver, "Health status check with errors")
    sign_out(driver)

    # Starting a plan, with errors; the information management queue.
    sign_in(driver, server, server.login("social.worker"))
    _, children = find_people(driver, server, lambda row: "Child" in row["tags"] and "Involved" in row["tags"])
    children[0]["link"].click()
    click_link(driver, "Start a plan or status")
    click_button(driver, "Start and mark addresses")
    check(driver, "Start a plan, with errors")
    sign_out(driver)
    sign_in(driver, server, server.login("information.management.officer"))
    driver.get(server.url("/incident-alerts"))
    check(driver, "Incident alerts")
    sign_out(driver)

    # Merging duplicates, with errors.
    sign_in(driver, server, server.login("mash.practitioner"))
    _, adults = find_people(driver, server, lambda row: "Adult" in row["tags"])
    adults[0]["link"].click()
    click_link(driver, "Merge with a duplicate record")
    click_button(driver, "Merge records")
    check(driver, "Merge, with errors")


def test_assessment_missing_cuckooing_and_panel_pages(driver, server):
    from pages import choose, click_button, click_link, sign_out

    # An assessment form (every answer type the exploitation tool uses), then with errors.
    sign_in(driver, server, server.login("social.worker"))
    _, children = find_people(driver, server, lambda row: "Child" in row["tags"] and "Involved" in row["tags"])
    children[0]["link"].click()
    child_url = driver.current_url
    click_link(driver, "Start an assessment")
    check(driver, "Choose an assessment tool")
    labels = {i.get_attribute("value"): driver.find_element(By.CSS_SELECTOR, f"label[for='{i.get_attribute('id')}']").text
              for i in driver.find_elements(By.CSS_SELECTOR, "input[name=tool]")}
    choose(driver, "tool", [v for v, t in labels.items() if "Sexual behaviour traffic light" in t][0])
    click_button(driver, "Start")
    check(driver, "Sexual behaviour traffic light form")
    click_button(driver, "Submit assessment")
    check(driver, "Assessment form with errors")

    # A missing episode with errors, and a cuckooing record with errors.
    driver.get(child_url)
    click_link(driver, "Record a missing episode")
    click_button(driver, "Save")
    check(driver, "Missing episode with errors")
    driver.get(child_url)
    click_link(driver, "Record a cuckooed home")
    click_button(driver, "Record and mark the address")
    check(driver, "Cuckooed home with errors")
    sign_out(driver)

    # The panel, the dashboard and the tools page.
    sign_in(driver, server, server.login("team.manager"))
    driver.get(server.url("/exploitation-panel"))
    click_button(driver, "Plan meeting")
    check(driver, "Exploitation panel with errors")
    driver.get(server.url("/vulnerable-young-people"))
    check(driver, "Vulnerable young people dashboard")
    sign_out(driver)
    sign_in(driver, server, server.login("partnership.admin"))
    driver.get(server.url("/admin/assessment-tools"))
    click_button(driver, "Check and add")
    check(driver, "Assessment tools with errors")


def test_training_pages(driver, server):
    from pages import click_button, click_link, sign_out

    driver.delete_all_cookies()
    driver.get(server.url("/register"))
    click_button(driver, "Create account")
    check(driver, "Create a training account with errors")

    # The practitioner's pages: events, one event, the log, a certificate and an evaluation.
    sign_in(driver, server, server.login("social.worker"))
    driver.get(server.url("/training"))
    check(driver, "Training")
    click_link(driver, "Child exploitation: recognising and responding")
    check(driver, "Training event")
    driver.get(server.url("/training/log"))
    check(driver, "Training log")
    certificates = driver.find_elements(By.PARTIAL_LINK_TEXT, "Certificate")
    if certificates:
        certificates[0].click()
        check(driver, "Certificate")
    driver.get(server.url("/training/log"))
    evaluations = driver.find_elements(By.PARTIAL_LINK_TEXT, "Evaluate")
    if evaluations:
        evaluations[0].click()
        click_button(driver, "Send evaluation")
        check(driver, "Evaluation with errors")
    driver.get(server.url("/training/agency"))
    sign_out(driver)

    # The trainer's pages and the reports.
    sign_in(driver, server, server.login("trainer"))
    driver.get(server.url("/training/manage"))
    check(driver, "Manage training")
    click_link(driver, "Add a course")
    click_button(driver, "Save course")
    check(driver, "Add a course with errors")
    driver.get(server.url("/training/manage"))
    click_link(driver, "Graded Care Profile 2: assessing neglect")
    check(driver, "Course")
    click_link(driver, "Add an event")
    click_button(driver, "Save event")
    check(driver, "Add an event with errors")
    driver.get(server.url("/training/manage"))
    click_link(driver, "Domestic abuse and the risk checklist")
    click_link(driver, "Change the questions")
    check(driver, "Evaluation questions")
    driver.get(server.url("/training/reports"))
    check(driver, "Training reports")
    sign_out(driver)
    sign_in(driver, server, server.login("partnership.admin"))
    driver.get(server.url("/admin/registration-keys"))
    click_button(driver, "Issue key")
    check(driver, "Registration keys with errors")


def test_break_glass_involvement_pages(driver, server):
    from pages import click_button, click_link, fill

    # A police officer opens a record under break-glass and asks for the force's involvement.
    sign_in(driver, server, server.login("police.officer"))
    # The last of the people found: the need-to-know journey, sharing this demo server, opens the first.
    _, rows = find_people(driver, server, lambda row: "Not involved: break glass to open" in row["tags"])
    assert len(rows) > 1, rows
    rows[-1]["link"].click()
    fill(driver, "reason", "Attending an incident at the family's address (accessibility check).")
    click_button(driver, "Open the record")
    check(driver, "Record opened under break-glass")
    click_link(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Ask a manager to record").text)
    click_button(driver, "Send to a manager")
    check(driver, "Ask for involvement with errors")
    fill(driver, "reason", "Allocated to the child abuse investigation team today (accessibility check).")
    click_button(driver, "Send to a manager")

    # The MASH manager's list and decision page, with and without errors.
    sign_in(driver, server, server.login("mash.manager"))
    driver.get(server.url("/involvement-requests"))
    check(driver, "Involvement requests")
    driver.find_elements(By.CSS_SELECTOR, "main table a")[0].click()
    check(driver, "Involvement request")
    click_button(driver, "Confirm decision")
    check(driver, "Involvement request with errors")


def test_ending_a_plan_and_a_marker(driver, server):
    from selenium.webdriver.support.ui import Select
    from pages import choose, click_button, click_link, fill, open_child

    # A child the protection journey does not use (it takes the last one found): one with no plan yet.
    sign_in(driver, server, server.login("social.worker"))
    open_child(driver, server, lambda text: "Start a plan or status" in text and "Child protection plan" not in text)
    click_link(driver, "Start a plan or status")
    choose(driver, "kind", "looked-after")
    for prefix in ("start",):
        fill(driver, f"{prefix}-day", "3")
        fill(driver, f"{prefix}-month", "11")
        fill(driver, f"{prefix}-year", "2026")
    workers = Select(driver.find_element(By.ID, "social-worker"))
    workers.select_by_index(1)
    click_button(driver, "Start and mark addresses")
    assert "/protection/" in driver.current_url, driver.current_url
    plan = driver.current_url
    check(driver, "A looked-after status with its markers")
    stop = driver.find_elements(By.PARTIAL_LINK_TEXT, "Stop marking")
    if stop:
        stop[0].click()
        check(driver, "Stop marking an address")
        click_button(driver, "Stop marking this address")
        check(driver, "Stop marking an address with errors")
    driver.get(plan)
    click_link(driver, "End the looked-after status and its markers")
    check(driver, "End a looked-after status")
    click_button(driver, "End the looked-after status and its markers")
    check(driver, "End a looked-after status with errors")
    # End it for real: the protection journey, on the same demo server, may pick a child of the same home.
    fill(driver, "end-day", "4")
    fill(driver, "end-month", "11")
    fill(driver, "end-year", "2026")
    fill(driver, "end-reason", "Returned home under a care order discharge (accessibility check)")
    click_button(driver, "End the looked-after status and its markers")
    assert "/end" not in driver.current_url, driver.current_url


def test_timeout_warning_dialog(driver, server):
    from selenium.webdriver.support.ui import WebDriverWait

    sign_in(driver, server, server.login("mash.manager"))
    driver.get(server.url("/my-work"))
    driver.execute_script("window.safeguardSessionTimer.restart(120, 0)")
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return document.getElementById('timeout-warning').open"))
    check(driver, "Timeout warning")


def test_learning_pages(driver, server):
    from pages import click_button, click_link, sign_out

    # The business unit's pages, each with its error state: a theme without a group, a withdrawal without a reason.
    sign_in(driver, server, server.login("business.unit.officer"))
    driver.get(server.url("/learning/themes/vocabulary"))
    check(driver, "Themes vocabulary")
    click_button(driver, "Add theme")
    check(driver, "Add a theme with errors")
    driver.get(server.url("/learning/reviews"))
    check(driver, "Reviews coded with themes")
    driver.get(server.url("/learning/themes?from-day=31&from-month=2&from-year=2010"))
    check(driver, "Themes with a wrong date")
    driver.get(server.url("/learning"))
    click_link(driver, "The men around a baby")
    click_link(driver, "Withdraw this briefing")
    check(driver, "Withdraw a briefing")
    click_button(driver, "Withdraw briefing")
    check(driver, "Withdraw a briefing with errors")
    driver.get(server.url("/learning"))
    click_link(driver, "Cuckooing: when an adult's home is taken over")
    check(driver, "A draft briefing")
    sign_out(driver)


def test_disagreement_pages(driver, server):
    from pages import click_button, click_link, sign_out

    # The school's safeguarding lead: the list, the form with its errors, a disagreement waiting on them.
    sign_in(driver, server, server.login("school.dsl"))
    driver.get(server.url("/disagreements"))
    check(driver, "Disagreements")
    click_link(driver, "Record a disagreement")
    click_button(driver, "Record the disagreement")
    check(driver, "Record a disagreement with errors")
    driver.get(server.url("/disagreements"))
    driver.find_element(By.CSS_SELECTOR, "main table a").click()
    check(driver, "A disagreement")
    sign_out(driver)
    # The business unit: the chair's stage and the figures.
    sign_in(driver, server, server.login("business.unit.officer"))
    driver.get(server.url("/disagreements/figures"))
    check(driver, "Disagreement figures")
    driver.get(server.url("/disagreements"))
    driver.find_element(By.XPATH, "//main//tr[contains(., 'Stage 4 of 4')]//a").click()
    click_button(driver, "Record the outcome")
    check(driver, "The chair's outcome with errors")
    sign_out(driver)


def test_action_plan_pages(driver, server):
    from pages import click_button, click_link, sign_out

    sign_in(driver, server, server.login("business.unit.officer"))
    driver.get(server.url("/action-plan"))
    check(driver, "Action plan")
    click_link(driver, "Add a recommendation")
    click_button(driver, "Add recommendation")
    check(driver, "Add a recommendation with errors")
    driver.get(server.url("/action-plan"))
    click_link(driver, "Add missed appointments to the MASH's information request template")
    check(driver, "An action, for the business unit")
    click_link(driver, "The recommendation")
    click_button(driver, "Add action")
    check(driver, "A recommendation with the action form's errors")
    sign_out(driver)


def test_sar_pages(driver, server):
    from pages import click_button, click_link, sign_out

    # The SAR panel member (police public protection in the demo) tests the demo's referral; an empty test shows the errors.
    sign_in(driver, server, server.login("police.public.protection"))
    click_link(driver, "Adults reviews")
    check(driver, "SAR referrals")
    driver.find_element(By.CSS_SELECTOR, "main table a").click()
    check(driver, "A SAR referral with the s44 test")
    click_button(driver, "Record the decision")
    check(driver, "The s44 test with errors")
    sign_out(driver)


def test_rapid_review_pages(driver, server):
    from pages import click_button, click_link, sign_out

    # The business unit's rapid review in progress (demo SIN-…-0002): the page, and a decision tried too early.
    sign_in(driver, server, server.login("business.unit.officer"))
    click_link(driver, "Serious incidents")
    driver.find_element(By.XPATH, "//main//tr[contains(., 'Rapid review due')]//a").click()
    click_link(driver, "Open the rapid review")
    check(driver, "Rapid review")
    click_button(driver, "Record the decision")
    check(driver, "Rapid review decision with errors")
    # Its agencies' summaries: asking (and asking with nobody chosen), one late summary, the merged chronology.
    click_link(driver, "Ask more agencies")
    check(driver, "Ask agencies for their summaries")
    click_button(driver, "Send the requests")
    check(driver, "Ask agencies for their summaries, with errors")
    click_link(driver, "Back to the rapid review")
    click_link(driver, "The review's chronology: the record merged with the summaries")
    check(driver, "The review's chronology")
    click_link(driver, "Back to the rapid review")
    driver.find_element(By.XPATH, "//main//tr[contains(., 'Late by')]//a").click()
    check(driver, "A late agency summary, as the business unit sees it")
    sign_out(driver)
    # The school's contributor: the request on My work, the form, and sending it empty.
    sign_in(driver, server, server.login("school.dsl"))
    click_link(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "summary for rapid review").text)
    check(driver, "Writing an agency summary")
    click_button(driver, "Send to the business unit")
    check(driver, "Writing an agency summary, with errors")
    click_link(driver, "Your review summaries")
    check(driver, "Your review summaries")
    sign_out(driver)


def test_practice_review_pages(driver, server):
    from pages import click_button, click_link, sign_out

    sign_in(driver, server, server.login("business.unit.officer"))
    click_link(driver, "Practice reviews")
    check(driver, "Practice reviews")
    click_link(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Adult C").text)
    check(driver, "A practice review under way")
    click_button(driver, "Add milestone")
    check(driver, "A practice review with errors")
    driver.get(server.url("/practice-reviews"))
    click_link(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Baby M").text)
    check(driver, "A published practice review")
    click_button(driver, "Save the themes")
    check(driver, "Coding a review's themes, with errors")
    sign_out(driver)
