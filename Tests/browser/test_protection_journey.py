"""The child protection information-sharing loop, as its users meet it:

1. a social worker starts a plan, and the child's home is marked;
2. a police system reports an incident there with a messy address and is told there is a marker;
3. the information management officer confirms the match and forwards it;
4. the social worker finds it relevant and asks the police for the full details through the MASH;
5. an emergency department looks the child up, and the social worker is told;
6. the plan ends, and the address stops matching.
"""

import json
import re
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from pages import (choose, click_button, click_link, error_summary, fill, find_people, h1, path_of, sign_in, sign_out,
                   summary_list)

MONTHS = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def issue_police_token(driver, server) -> str:
    sign_in(driver, server, server.login("partnership.admin"))
    driver.get(server.url("/admin/api-tokens"))
    fill(driver, "name", "Police command and control (browser test)")
    agency = Select(driver.find_element(By.ID, "agency"))
    agency.select_by_visible_text("Northmere Constabulary")
    choose(driver, "permissions[]", "incidents:write")
    choose(driver, "permissions[]", "markers:read")
    click_button(driver, "Issue token")
    token = driver.find_element(By.ID, "new-token").text.strip()
    assert token, "no token shown"
    sign_out(driver)
    return token


def send_incident(server, token: str, reference: str, address: str) -> dict:
    body = json.dumps({"reference": reference, "occurredAt": "2026-11-21T22:40:00Z", "type": "Domestic",
                       "address": address, "summary": "Neighbour reports shouting and a child crying (browser test)."}).encode()
    request = urllib.request.Request(server.url("/api/v1/incidents"), data=body, method="POST",
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=15) as response:
        return json.loads(response.read())


def messy(address_line: str) -> str:
    """What a hurried call handler types: lower case, "Road" as "rd", no postcode."""
    abbreviations = {"Road": "rd", "Street": "st", "Avenue": "ave", "Close": "cl", "Lane": "ln", "Drive": "dr"}
    words = [abbreviations.get(w, w) for w in address_line.split()]
    return " ".join(words).lower()


def test_plan_marker_incident_forward_relevant_details_health_check_end(driver, server, screenshot):
    token = issue_police_token(driver, server)

    # 1. The social worker starts a plan for a child their agency works with.
    sign_in(driver, server, server.login("social.worker"))
    _, children = find_people(driver, server, lambda row: "Child" in row["tags"] and "Involved" in row["tags"])
    child = children[-1]
    name = child["name"]
    first_name = name.split()[0]
    child["link"].click()
    driver.find_element(By.TAG_NAME, "h1")
    child_path = path_of(driver)
    born = re.fullmatch(r"(\d{1,2}) (\w+) (\d{4}) \(age \d+\)", summary_list(driver).get("Date of birth", ""))
    assert born, summary_list(driver)

    click_link(driver, "Start a plan or status")
    click_button(driver, "Start and mark addresses")
    _, problems = error_summary(driver)
    assert "Select the allocated social worker" in [m for m, _ in problems], problems
    choose(driver, "kind", "child-protection-plan")
    choose(driver, "categories[]", "neglect")
    for prefix in ("start", "conference"):
        fill(driver, f"{prefix}-day", "3")
        fill(driver, f"{prefix}-month", "11")
        fill(driver, f"{prefix}-year", "2026")
    workers = Select(driver.find_element(By.ID, "social-worker"))
    workers.select_by_visible_text([o.text for o in workers.options if o.text.startswith("Aisha Okoro")][0])
    click_button(driver, "Start and mark addresses")
    assert path_of(driver).startswith("/protection/"), (driver.current_url, error_summary(driver))
    plan_path = path_of(driver)
    assert summary_list(driver).get("Next review due", "").startswith("3 February 2027"), summary_list(driver)
    rows = [[td.text for td in tr.find_elements(By.TAG_NAME, "td")] for tr in driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")]
    home = [r for r in rows if r[1] == f"{first_name}'s home"]
    assert home, rows
    home_line = home[0][0].split(",")[0]
    screenshot("protection-1-plan-and-markers")
    sign_out(driver)

    # 2. A police system reports an incident at the home, typed in a hurry: it is told there is a marker.
    answer = send_incident(server, token, "NMC-BROWSER-1", messy(home_line) + " " + home[0][0].split(",")[1].strip().lower())
    assert answer["safeguardingMarker"] in ("yes", "possible"), answer
    assert answer.get("contact"), answer
    assert first_name not in json.dumps(answer) and "eglect" not in json.dumps(answer), answer

    # 3. The information management officer confirms the match and forwards it.
    sign_in(driver, server, server.login("information.management.officer"))
    click_link(driver, "Incident alerts")
    click_link(driver, "NMC-BROWSER-1 (Domestic)")
    assert name in driver.find_element(By.TAG_NAME, "main").text
    screenshot("protection-2-incident-alert")
    click_button(driver, "Confirm and forward to the social worker")
    assert "Forwarded by" in driver.find_element(By.ID, "review-outcome").text
    sign_out(driver)

    # 4. The social worker finds it relevant and asks the police for the details through the MASH.
    sign_in(driver, server, server.login("social.worker"))
    driver.get(server.url("/my-work"))
    click_link(driver, f"Police incident NMC-BROWSER-1 about {name}")
    choose(driver, "decision", "relevant")
    click_button(driver, "Record decision")
    choose(driver, "family-awareness", "told-and-agrees")
    choose(driver, "lawful-basis", "public-task")
    fill(driver, "referrer-phone", "01632 960 123")
    click_button(driver, "Ask for the details")
    requested = driver.find_element(By.ID, "details-requested").text
    assert re.search(r"MASH-\d{4}-\d{6}", requested), requested
    screenshot("protection-3-details-requested")
    sign_out(driver)

    # 5. An emergency department looks the child up by name and date of birth.
    sign_in(driver, server, server.login("health.practitioner"))
    click_link(driver, "Status check")
    choose(driver, "setting", "emergency-department")
    fill(driver, "first-name", first_name)
    fill(driver, "last-name", name.split()[-1])
    fill(driver, "dob-day", born[1])
    fill(driver, "dob-month", str(MONTHS.index(born[2])))
    fill(driver, "dob-year", born[3])
    click_button(driver, "Check status")
    result = driver.find_element(By.TAG_NAME, "main").text
    assert "Child protection plan" in result and "Aisha Okoro" in result, result
    assert "Neglect" not in result
    screenshot("protection-4-health-check")
    sign_out(driver)

    sign_in(driver, server, server.login("social.worker"))
    driver.get(server.url("/my-work"))
    assert f"Health look-up: {name} seen at" in driver.find_element(By.TAG_NAME, "main").text

    # 6. The plan ends: the marker ends and the address no longer matches.
    driver.get(server.url(plan_path))
    click_link(driver, "End the child protection plan and its markers")
    assert "will no longer be told" in driver.find_element(By.TAG_NAME, "main").text
    screenshot("protection-6a-end-says-what-happens")
    fill(driver, "end-day", "21")
    fill(driver, "end-month", "11")
    fill(driver, "end-year", "2026")
    fill(driver, "end-reason", "Plan ended at review conference")
    click_button(driver, "End the child protection plan and its markers")
    assert summary_list(driver).get("Status") == "Ended", summary_list(driver)
    answer = send_incident(server, token, "NMC-BROWSER-2", messy(home_line) + " " + home[0][0].split(",")[1].strip().lower())
    assert answer["safeguardingMarker"] == "no", answer
    driver.get(server.url(child_path))
    assert "Child protection plan ended 21 November 2026" in driver.find_element(By.TAG_NAME, "main").text
