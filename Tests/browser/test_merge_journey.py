"""A record made twice: the MASH practitioner merges the duplicate into the real record, then undoes it."""

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from pages import (choose, click_button, click_link, error_summary, fill, find_people, h1, left_page, option_labels,
                   path_of, sign_in, summary_list, wait)

MONTHS = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def test_mash_practitioner_merges_a_duplicate_record_and_undoes_it(driver, server, screenshot):
    sign_in(driver, server, server.login("mash.practitioner"))
    # An adult, so the referral journey's children are left alone.
    _, adults = find_people(driver, server, lambda row: "Adult" in row["tags"])
    adult = adults[-1]
    real_name = adult["name"]
    adult["link"].click()
    driver.find_element(By.TAG_NAME, "h1")
    real_path = path_of(driver)
    born = re.fullmatch(r"(\d{1,2}) (\w+) (\d{4}) \(age \d+\)", summary_list(driver).get("Date of birth", ""))
    assert born, summary_list(driver)

    # Someone adds the same person again, with the surname misspelt.
    first, surname = real_name.split()[0], real_name.split()[-1]
    misspelt = surname[:-1] + ("e" if surname[-1] != "e" else "a")
    driver.get(server.url("/people/new"))
    fill(driver, "first-name", first)
    fill(driver, "last-name", misspelt)
    choose(driver, "unborn", "no")
    fill(driver, "dob-day", born[1])
    fill(driver, "dob-month", str(MONTHS.index(born[2])))
    fill(driver, "dob-year", born[3])
    Select(driver.find_element(By.ID, "gender")).select_by_value("unknown")
    ethnicity = Select(driver.find_element(By.ID, "ethnicity"))
    ethnicity.select_by_value([o.get_attribute("value") for o in ethnicity.options if o.get_attribute("value")][-1])
    click_button(driver, "Add person")
    assert h1(driver) == f"{first} {misspelt}", (h1(driver), error_summary(driver))
    duplicate_path = path_of(driver).split("?")[0]

    # The duplicate's page offers the merge; the matcher puts the real record first.
    click_link(driver, "Merge with a duplicate record")
    assert h1(driver).endswith("Merge with a duplicate record")
    candidates = option_labels(driver, "otherID")
    ours = [label for label in candidates if label.startswith(f"{real_name}, born {born[1]} {born[2]} {born[3]}")]
    assert ours, f"{real_name} is not offered: {list(candidates)}"
    screenshot("merge-1-candidates")

    # Sending without choosing explains every missing answer.
    click_button(driver, "Merge records")
    _, problems = error_summary(driver)
    messages = [message for message, _ in problems]
    assert "Select the record that is the same person, or enter its reference" in messages, problems
    assert "Select which record to keep" in messages, problems
    # Each message links to its question.
    assert ("Select which record to keep", "keep") in problems, problems

    choose(driver, "otherID", candidates[ours[0]])
    choose(driver, "keep", "other")
    fill(driver, "reason", "Same date of birth and address; the surname was misspelt when the record was added")
    click_button(driver, "Merge records")
    assert path_of(driver) == real_path + "?done=merged", driver.current_url
    assert "Records merged" in driver.find_element(By.CSS_SELECTOR, "main").text
    other_names = summary_list(driver).get("Other names", "")
    assert f"{first} {misspelt}" in other_names, other_names
    screenshot("merge-2-merged")

    # The duplicate's old address leads to the kept record.
    driver.get(server.url(duplicate_path))
    assert path_of(driver) == real_path + "?done=redirected", driver.current_url

    # Undo, from the kept record's "Merged records" card.
    undo = driver.find_elements(By.CSS_SELECTOR, "main a[href*='/people/merges/']")
    assert len(undo) == 1 and undo[0].text.startswith("Undo"), [a.text for a in undo]
    old_html = driver.find_element(By.TAG_NAME, "html")
    undo[0].click()
    wait(driver).until(left_page(old_html))
    assert h1(driver) == f"Undo the merge of {first} {misspelt} into {real_name}"
    fill(driver, "reason", "Checked with the GP: these are two different people")
    click_button(driver, "Undo merge")
    assert path_of(driver) == duplicate_path + "?done=unmerged", driver.current_url
    assert h1(driver) == f"{first} {misspelt}"
    screenshot("merge-3-undone")
