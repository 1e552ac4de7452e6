"""A social worker starts a child protection plan: the child's home is marked for the police."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from pages import choose, click_button, click_link, error_summary, fill, find_people, h1, path_of, sign_in, summary_list


def test_social_worker_starts_a_plan_and_the_home_is_marked(driver, server, screenshot):
    sign_in(driver, server, server.login("social.worker"))
    # A child the social worker's agency already works with, not used by the other journeys.
    _, children = find_people(driver, server, lambda row: "Child" in row["tags"] and "Involved" in row["tags"])
    child = children[-1]
    name = child["name"]
    child["link"].click()
    driver.find_element(By.TAG_NAME, "h1")
    child_path = path_of(driver)
    homes = [row.text for row in driver.find_elements(By.XPATH, "//section[.//h2[normalize-space()='Addresses']]//tbody/tr")
             if "Current" in row.text]
    assert homes, "the child has no current address"

    click_link(driver, "Start a plan or status")
    assert h1(driver).endswith("Start a plan or status")
    # Sending it empty explains what is missing, with links to the questions.
    click_button(driver, "Start and mark addresses")
    _, problems = error_summary(driver)
    messages = [m for m, _ in problems]
    assert any(m.startswith("Select whether this is a child protection plan") for m in messages), problems
    assert "Select the allocated social worker" in messages, problems

    choose(driver, "kind", "child-protection-plan")
    choose(driver, "categories[]", "neglect")
    for prefix, (d, m, y) in {"start": ("3", "11", "2026"), "conference": ("3", "11", "2026")}.items():
        fill(driver, f"{prefix}-day", d)
        fill(driver, f"{prefix}-month", m)
        fill(driver, f"{prefix}-year", y)
    workers = Select(driver.find_element(By.ID, "social-worker"))
    workers.select_by_visible_text([o.text for o in workers.options if o.text.startswith("Aisha Okoro")][0])
    click_button(driver, "Start and mark addresses")
    assert path_of(driver).startswith("/protection/"), (driver.current_url, error_summary(driver))
    assert h1(driver).endswith("Child protection plan")
    details = summary_list(driver)
    assert details.get("Category") == "Neglect", details
    assert details.get("Next review due", "").startswith("3 February 2027"), details
    marked = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")]
    first_name = name.split()[0]
    assert any(f"{first_name}'s home" in row for row in marked), marked
    screenshot("protection-1-plan-and-markers")

    # The child's record shows the plan.
    driver.get(server.url(child_path))
    assert "Child protection plan" in driver.find_element(By.XPATH, "//section[.//h2[normalize-space()='Child protection']]").text
