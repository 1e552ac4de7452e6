"""The MASH front door: a school refers a child, the MASH matches, asks partners, decides.

One journey, as the people involved meet it:

1. a MASH practitioner notes a real child's details from the demo data;
2. the school's designated safeguarding lead refers the child (with the surname misspelt);
3. the MASH practitioner links the referral to the real child, despite the misspelling;
4. a MASH manager rates it red and asks the police and the health practitioner's NHS trust;
5. the police officer and the health practitioner answer, seeing only what they need;
6. the practitioner records a decision and the manager signs it off;
7. the school sees the outcome (and not the rationale);
8. the child's record shows the referral and the decision in the chronology.
"""

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from pages import (choose, click_button, click_link, error_summary, fill, find_people, h1, header_user,
                   main_text, option_labels, path_of, sign_in, sign_out, summary_list)

START_H1 = "Make a referral to the MASH"
START_WARNING = "If a child or adult is in immediate danger, call 999 now."
REFERENCE = re.compile(r"^MASH-\d{4}-\d{6}$")
REFERRAL_PATH = re.compile(r"^/referrals/([0-9A-Fa-f-]{36})$")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
WHAT_HAPPENED = ("On Monday morning the child arrived hungry, in the same clothes as last week, with a bruise "
                 "on the left forearm, and said nobody was at home last night (browser test).")
RATIONALE = ("Neglect over several weeks, an unexplained bruise, and police and health both know the family: "
             "a child in need assessment is needed (browser test).")
POLICE_ANSWER = "Two domestic incidents at the address this year; no open investigation (browser test)."
HEALTH_ANSWER = "Missed two immunisation appointments; last seen by the health visitor a year ago (browser test)."

TABLE_ROWS = """
const caption = arguments[0];
for (const table of document.querySelectorAll('main table')) {
  const c = table.querySelector('caption');
  if (caption && !(c && c.innerText.trim().startsWith(caption))) continue;
  return Array.from(table.querySelectorAll('tbody tr')).map(row =>
    Array.from(row.querySelectorAll('td, th')).map(cell => cell.innerText.trim()));
}
return null;
"""


def table_rows(driver, caption: str):
    """Cell texts of each body row of the first table whose caption starts with ``caption``."""
    rows = driver.execute_script(TABLE_ROWS, caption)
    assert rows is not None, f"No table captioned {caption!r} on {driver.current_url}"
    return rows


def misspell(surname: str) -> str:
    """Swap two adjacent, different letters in the middle of the surname ("Smith" -> "Smtih")."""
    letters = list(surname)
    for i in range(1, len(letters) - 1):
        if letters[i].lower() != letters[i + 1].lower():
            letters[i], letters[i + 1] = letters[i + 1], letters[i]
            return "".join(letters)
    return surname[:-1] + ("a" if surname[-1].lower() != "a" else "e")


def agency_of(driver, server, local_part: str) -> str:
    """The agency shown in the header ("<name>, <agency>") once ``local_part`` signs in."""
    sign_in(driver, server, server.login(local_part))
    name, _, agency = header_user(driver).partition(", ")
    assert agency, header_user(driver)
    return agency.strip()


def open_referral(driver, server, referral_path: str, reference: str):
    driver.get(server.url(referral_path))
    assert path_of(driver) == referral_path, driver.current_url
    assert h1(driver) == reference


def answer_request(driver, server, login: str, reference: str, misspelt_name: str, address_line: str,
                   answer: str, screenshot=None):
    sign_in(driver, server, server.login(login))
    agency = header_user(driver).partition(", ")[2]
    driver.get(server.url("/information-requests"))
    assert h1(driver) == f"MASH requests to {agency}", h1(driver)
    waiting = table_rows(driver, "")
    assert any(row and row[0] == reference for row in waiting), f"{reference} not in {login}'s queue: {waiting}"
    click_link(driver, reference)
    assert re.fullmatch(r"/information-requests/[0-9A-Fa-f-]{36}", path_of(driver)), driver.current_url
    assert h1(driver) == reference
    text = main_text(driver)
    # The minimum needed to search their own records: names, date of birth, address...
    assert misspelt_name in text, text[:1500]
    assert address_line in text, text[:1500]
    # ... never the referral's story.
    assert WHAT_HAPPENED not in driver.page_source
    assert "bruise" not in text, text[:1500]
    if screenshot:
        screenshot("referral-5-police-request")
    fill(driver, "answer", answer)
    click_button(driver, "Send answer to the MASH")
    assert error_summary(driver) is None, error_summary(driver)
    assert path_of(driver) == "/information-requests", driver.current_url
    answered = table_rows(driver, "Recently answered")
    assert any(row and row[0] == reference for row in answered), answered
    sign_out(driver)


def test_school_refers_a_child_and_the_mash_decides(driver, server, screenshot):
    # 0. Which agencies the partner staff belong to, as their own header says.
    police_agency = agency_of(driver, server, "police.officer")
    health_agency = agency_of(driver, server, "health.practitioner")

    # 1. A real child in the demo data, as the MASH practitioner sees them.
    sign_in(driver, server, server.login("mash.practitioner"))
    _, children = find_people(driver, server,
                              lambda row: "Child" in row["tags"] and not any("break glass" in t for t in row["tags"]))
    child = children[0]
    real_name = child["name"]
    child_path = "/" + child["href"].split("/", 3)[3]
    child["link"].click()
    driver.find_element(By.TAG_NAME, "h1")
    assert path_of(driver) == child_path, driver.current_url
    assert h1(driver) == real_name
    details = summary_list(driver)
    born = re.fullmatch(r"(\d{1,2}) (\w+) (\d{4}) \(age (\d+)\)", details.get("Date of birth", ""))
    assert born, details
    dob_day, dob_month, dob_year = born[1], str(MONTHS.index(born[2]) + 1), born[3]
    dob_long = f"{born[1]} {born[2]} {born[3]}"
    gender = details.get("Gender", "")
    current = [row for row in table_rows(driver, "Addresses") if row and row[-1] == "Current"]
    assert current, f"{real_name} has no current address: {table_rows(driver, 'Addresses')}"
    parts = [p.strip() for p in current[0][0].split(",")]
    assert len(parts) >= 3, current[0]
    address_line, town, postcode = parts[0], parts[-2], parts[-1]
    first_name, real_surname = real_name.split()[0], real_name.split()[-1]
    surname = misspell(real_surname)
    assert surname != real_surname
    misspelt_name = f"{first_name} {surname}"
    sign_out(driver)

    # 2. The school's designated safeguarding lead makes the referral.
    sign_in(driver, server, server.login("school.dsl"))
    school = header_user(driver).partition(", ")[2]
    driver.get(server.url("/referrals"))
    assert h1(driver) == f"Referrals from {school}", h1(driver)
    click_button(driver, "Make a referral")
    # The start page comes first: it tells the referrer to call 999 if someone is in danger now.
    assert h1(driver) == START_H1, h1(driver)
    assert START_WARNING in main_text(driver), main_text(driver)[:1000]
    click_button(driver, "Start now")
    assert h1(driver) == "Who is the referral about?"
    referral_id = re.fullmatch(r"/referrals/([0-9A-Fa-f-]{36})/\S+", path_of(driver))
    assert referral_id, driver.current_url

    # Continuing with nothing filled in is refused, with an error summary that links to the field.
    click_button(driver, "Continue")
    assert driver.title.startswith("Error: "), driver.title
    summary = error_summary(driver)
    assert summary and summary[0] == "There is a problem", summary
    assert "subject-first-name" in [href for _, href in summary[1]], summary
    assert h1(driver) == "Who is the referral about?"
    screenshot("referral-1-empty-question-refused")

    fill(driver, "subject-first-name", first_name)
    fill(driver, "subject-last-name", surname)
    fill(driver, "subject-dob-day", dob_day)
    fill(driver, "subject-dob-month", dob_month)
    fill(driver, "subject-dob-year", dob_year)
    if gender:
        Select(driver.find_element(By.ID, "subject-gender")).select_by_visible_text(gender)
    click_button(driver, "Continue")
    assert error_summary(driver) is None, error_summary(driver)
    assert h1(driver) == "Where do they live?", h1(driver)

    fill(driver, "address-line1", address_line)
    fill(driver, "address-town", town)
    fill(driver, "address-postcode", postcode)
    click_button(driver, "Continue")
    assert error_summary(driver) is None, error_summary(driver)
    assert h1(driver) == "What are you worried about?", h1(driver)

    choose(driver, "concerns[]", "neglect")
    choose(driver, "concerns[]", driver.find_element(By.ID, "concerns").get_attribute("value"))
    fill(driver, "what-happened", WHAT_HAPPENED)
    click_button(driver, "Continue")
    assert error_summary(driver) is None, error_summary(driver)
    assert h1(driver) == "Does the family know you are making this referral?", h1(driver)

    choose(driver, "family-awareness", "not-told-would-increase-risk")
    choose(driver, "lawful-basis", "public-task")
    click_button(driver, "Continue")
    assert error_summary(driver) is None, error_summary(driver)
    assert h1(driver) == "How urgent is it, and how can we reach you?", h1(driver)

    choose(driver, "urgency", "today")
    fill(driver, "referrer-phone", "01632 960 001")
    click_button(driver, "Continue")
    assert error_summary(driver) is None, error_summary(driver)
    assert h1(driver) == "Check your answers before sending the referral", h1(driver)
    answers = summary_list(driver)
    assert answers.get("People", "").startswith(f"{misspelt_name}, born {dob_long}"), answers
    assert answers.get("Address") == f"{address_line}, {town}, {postcode}", answers
    assert "Neglect" in answers.get("Concerns", ""), answers
    assert answers.get("What happened") == WHAT_HAPPENED, answers
    assert answers.get("Your telephone") == "01632 960 001", answers
    screenshot("referral-2-check-answers")

    click_button(driver, "Send referral")
    assert driver.find_element(By.CSS_SELECTOR, ".sg-panel__title").text.strip() == "Referral sent"
    reference = driver.find_element(By.ID, "reference").text.strip()
    assert REFERENCE.match(reference), reference
    referral_path = f"/referrals/{referral_id[1]}"
    driver.get(server.url("/referrals"))
    sent = [row for row in table_rows(driver, "Sent referrals") if row and row[0] == reference]
    assert sent and sent[0][-1] == "With the MASH", sent
    sign_out(driver)

    # 3. The MASH practitioner finds it in the queue and links it to the real child.
    sign_in(driver, server, server.login("mash.practitioner"))
    driver.get(server.url("/mash"))
    assert h1(driver) == "MASH queue"
    queued = [row for row in table_rows(driver, "") if row and row[0].startswith(reference)]
    assert queued and misspelt_name in queued[0][1], queued
    click_link(driver, reference)
    assert path_of(driver) == referral_path, driver.current_url
    assert h1(driver) == reference
    assert WHAT_HAPPENED in main_text(driver)
    candidates = option_labels(driver, "person")
    assert candidates, "no 'Is this someone already known?' choices"
    ours = [label for label in candidates if label.startswith(f"{real_name}, born {dob_long} (")]
    assert ours, f"{real_name} (born {dob_long}) is not offered as a match for {misspelt_name}: {list(candidates)}"
    assert re.search(r"\(\d{1,3}% likely: .*first name: exact", ours[0]), ours[0]
    screenshot("referral-3-match-candidates")
    choose(driver, "person", candidates[ours[0]])
    click_button(driver, "Link")
    assert path_of(driver) == referral_path, driver.current_url
    assert f"Linked to {real_name}" in main_text(driver), main_text(driver)[:2000]
    linked = driver.find_element(By.LINK_TEXT, real_name).get_attribute("href")
    assert linked.endswith(child_path), linked
    sign_out(driver)

    # 4. The MASH manager rates it red and asks the police and the health practitioner's trust.
    sign_in(driver, server, server.login("mash.manager"))
    open_referral(driver, server, referral_path, reference)
    assert "Rate the referral and ask partners" in main_text(driver)
    choose(driver, "rag", "red")
    agencies = option_labels(driver, "agencies[]")
    police = [label for label in agencies if "Constabulary" in label]
    hospitals = [label for label in agencies if "Hospitals" in label]
    assert police, f"no police force among the partners: {list(agencies)}"
    assert hospitals, f"no hospital trust among the partners: {list(agencies)}"
    assert police_agency in agencies, f"the police officer's agency {police_agency!r} is not offered: {list(agencies)}"
    assert health_agency in agencies, f"the health practitioner's agency {health_agency!r} is not offered: {list(agencies)}"
    # The demo's health practitioner may not work for the acute trust: ask the agency they do work for.
    asked = [police_agency, health_agency]
    for label in asked:
        choose(driver, "agencies[]", agencies[label])
    click_button(driver, "Rate and ask partners")
    assert error_summary(driver) is None, error_summary(driver)
    assert path_of(driver) == referral_path, driver.current_url
    partners = {row[0]: row for row in table_rows(driver, "What partners know")}
    for label in asked:
        assert label in partners and partners[label][2] == "Waiting", partners
    screenshot("referral-4-partners-asked")
    sign_out(driver)

    # 5. The police officer and the health practitioner answer.
    answer_request(driver, server, "police.officer", reference, misspelt_name, address_line, POLICE_ANSWER,
                   screenshot=screenshot)
    answer_request(driver, server, "health.practitioner", reference, misspelt_name, address_line, HEALTH_ANSWER)

    # 6. The practitioner sees both answers and records a decision; the manager signs it off.
    sign_in(driver, server, server.login("mash.practitioner"))
    open_referral(driver, server, referral_path, reference)
    partners = {row[0]: row for row in table_rows(driver, "What partners know")}
    assert partners[police_agency][2:] == ["Answered", POLICE_ANSWER], partners
    assert partners[health_agency][2:] == ["Answered", HEALTH_ANSWER], partners
    choose(driver, "level", "4")
    choose(driver, "outcome", "child-in-need-assessment")
    fill(driver, "rationale", RATIONALE)
    click_button(driver, "Record decision for sign-off")
    assert error_summary(driver) is None, error_summary(driver)
    assert path_of(driver) == referral_path, driver.current_url
    assert "Awaiting sign-off" in [t.text for t in driver.find_elements(By.CSS_SELECTOR, "main .sg-tag")]
    sign_out(driver)

    sign_in(driver, server, server.login("mash.manager"))
    open_referral(driver, server, referral_path, reference)
    choose(driver, "sign-off", "approve")
    click_button(driver, "Confirm")
    assert error_summary(driver) is None, error_summary(driver)
    assert path_of(driver) == referral_path, driver.current_url
    assert "Decided" in [t.text for t in driver.find_elements(By.CSS_SELECTOR, "main .sg-tag")]
    decision = main_text(driver).split("Decision", 1)[-1]
    assert "Child in need assessment (section 17)" in decision and "Signed off by" in decision, decision[:1500]
    screenshot("referral-6-decided")
    sign_out(driver)

    # 7. The school sees the outcome, and only the outcome.
    sign_in(driver, server, server.login("school.dsl"))
    driver.get(server.url("/referrals"))
    sent = [row for row in table_rows(driver, "Sent referrals") if row and row[0] == reference]
    assert sent and sent[0][-1] == "Child in need assessment (section 17)", sent
    click_link(driver, reference)
    assert path_of(driver) == referral_path + "/outcome", driver.current_url
    outcome = summary_list(driver)
    assert outcome.get("Status") == "Decided" and outcome.get("Outcome") == "Child in need assessment (section 17)", outcome
    for secret in (RATIONALE, POLICE_ANSWER, HEALTH_ANSWER):
        assert secret not in driver.page_source
    screenshot("referral-7-outcome-for-the-school")
    sign_out(driver)

    # 8. The child's chronology now shows the referral and the decision.
    sign_in(driver, server, server.login("mash.practitioner"))
    driver.get(server.url(child_path))
    assert h1(driver) == real_name
    entries = driver.execute_script("""
        return Array.from(document.querySelectorAll('.sg-timeline__item')).map(i => i.innerText.trim());""")
    assert any(e.startswith(f"Referral {reference}") for e in entries), entries[:10]
    assert any("MASH decision" in e and reference in e for e in entries), entries[:10]
