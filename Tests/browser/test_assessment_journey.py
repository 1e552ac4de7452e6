"""An exploitation risk assessment done twice for one young person, as its users meet it:

1. a social worker starts an exploitation assessment, is told what is missing when submitting too
   early, saves a draft and comes back to it from My work;
2. submits it with significant risk in one area, dated three months ago, and is prompted to refer
   to the exploitation panel;
3. their team manager countersigns it from My work;
4. three months on the social worker assesses again, lower, and the young person's record shows
   the trend as a chart with a table of each area's change.
"""

from selenium.webdriver.common.by import By

from pages import (open_child, choose, click_button, click_link, error_summary, fill, find_people, h1, path_of, sign_in, sign_out,
                   summary_list)

FILL_THE_REST = """
// Answers every question still unanswered with its first option, as a practitioner working
// through the profile would, and writes evidence in every evidence box left empty.
const form = document.querySelector('main form[action^="/assessments/"]');
const groups = new Set(Array.from(form.querySelectorAll('input[type=radio][name^="q."]')).map(i => i.name));
groups.forEach(name => {
  const options = form.querySelectorAll(`input[type=radio][name="${name}"]`);
  if (!Array.from(options).some(o => o.checked)) options[0].checked = true;
});
form.querySelectorAll('input[type=text][name^="q."]').forEach(i => {
  if (!i.value) i.value = i.labels[0].innerText.includes('(%)') ? '85' : '0';
});
form.querySelectorAll('textarea[name^="q."]').forEach(t => { if (!t.value) t.value = 'Not known'; });
form.querySelectorAll('textarea[name^="evidence."]').forEach(t => {
  if (!t.value) t.value = 'Discussed with school and police; seen by the social worker on a home visit.';
});
"""


def set_date(driver, prefix, day, month, year):
    fill(driver, f"{prefix}-day", str(day))
    fill(driver, f"{prefix}-month", str(month))
    fill(driver, f"{prefix}-year", str(year))


def test_exploitation_assessment_twice_shows_the_trend(driver, server, screenshot):
    sign_in(driver, server, server.login("social.worker"))
    name = open_child(driver, server, lambda text: "No assessment recorded." in text)
    child_path = path_of(driver)

    # 1. Start, submit too early, save a draft, come back from My work.
    click_link(driver, "Start an assessment")
    choose(driver, "tool", [i.get_attribute("value") for i in driver.find_elements(By.CSS_SELECTOR, "input[name=tool]")
                            if "Exploitation" in driver.find_element(By.CSS_SELECTOR, f"label[for='{i.get_attribute('id')}']").text][0])
    click_button(driver, "Start")
    assert h1(driver).endswith("Exploitation risk assessment"), h1(driver)
    click_button(driver, "Submit assessment")
    heading, problems = error_summary(driver)
    assert heading == "There is a problem" and len(problems) > 5, problems
    first_link = problems[0][1]
    assert driver.find_elements(By.ID, first_link), f"the error links to a field: {first_link}"
    choose(driver, "q.missing-episodes", "significant")
    click_button(driver, "Save as draft")
    assert "Draft saved" in driver.find_element(By.TAG_NAME, "main").text
    driver.get(server.url("/my-work"))
    click_link(driver, f"Finish your draft exploitation risk assessment about {name}")
    assert driver.find_element(By.CSS_SELECTOR, "input[name='q.missing-episodes'][value=significant]").is_selected(), "the draft kept the answer"

    # 2. Complete and submit, dated three months ago.
    set_date(driver, "assessed", 22, 8, 2026)
    driver.execute_script(FILL_THE_REST)
    click_button(driver, "Submit assessment")
    assert error_summary(driver) is None, error_summary(driver)
    facts = summary_list(driver)
    assert facts["Overall level"].startswith("Significant risk"), facts
    assert facts["Countersigned"] == "Not yet: waiting for a manager", facts
    assert "exploitation panel" in driver.find_element(By.CSS_SELECTOR, ".sg-warning-text").text
    first_path = path_of(driver).split("?")[0]
    screenshot("assessment-1-significant")
    sign_out(driver)

    # 3. The team manager countersigns from My work.
    sign_in(driver, server, server.login("team.manager"))
    driver.get(server.url("/my-work"))
    click_link(driver, f"Countersign the exploitation risk assessment about {name}")
    assert path_of(driver) == first_path
    fill(driver, "countersign-note", "Agreed. Refer to the exploitation panel this week.")
    click_button(driver, "Countersign")
    assert summary_list(driver)["Countersigned"].endswith("Agreed. Refer to the exploitation panel this week.")
    sign_out(driver)

    # 4. Three months on: assessed again, lower; the record shows the change.
    sign_in(driver, server, server.login("social.worker"))
    driver.get(server.url(child_path))
    click_link(driver, "Start an assessment")
    choose(driver, "tool", [i.get_attribute("value") for i in driver.find_elements(By.CSS_SELECTOR, "input[name=tool]")
                            if "Exploitation" in driver.find_element(By.CSS_SELECTOR, f"label[for='{i.get_attribute('id')}']").text][0])
    click_button(driver, "Start")
    choose(driver, "q.missing-episodes", "emerging")
    driver.execute_script(FILL_THE_REST)
    click_button(driver, "Submit assessment")
    assert summary_list(driver)["Overall level"].startswith("Emerging risk"), summary_list(driver)
    driver.get(server.url(child_path))
    chart = driver.find_element(By.CSS_SELECTOR, "svg.sg-chart")
    description = chart.find_element(By.TAG_NAME, "desc").get_attribute("textContent")
    assert "Significant risk on 22 August 2026, then Emerging risk on" in description, description
    assert len(chart.find_elements(By.CSS_SELECTOR, "circle")) == 2
    table = driver.find_element(By.XPATH, "//caption[starts-with(normalize-space(), 'Exploitation risk assessment by category')]/ancestor::table")
    rows = {r.find_elements(By.TAG_NAME, "td")[0].text: [c.text for c in r.find_elements(By.TAG_NAME, "td")[1:]]
            for r in table.find_elements(By.CSS_SELECTOR, "tbody tr")}
    assert rows["Overall"] == ["Significant risk", "Emerging risk"], rows
    assert any(v == ["Significant risk", "Emerging risk"] for k, v in rows.items() if k != "Overall"), rows
    chart.location_once_scrolled_into_view
    screenshot("assessment-2-trend")
