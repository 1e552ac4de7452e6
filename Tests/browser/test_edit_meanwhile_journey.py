"""Two forms open on one person's details: the later save does not silently undo the earlier one.

The MASH practitioner opens "Change personal details" in two tabs (as two colleagues might). The first tab
records a first language; the second, still showing the old details, records a disability. Its save is held
back: the page says so, shows where the saved details and the form now differ, and keeps what was typed. The
practitioner brings the language across and saves again; the record keeps both changes.
"""

from selenium.webdriver.common.by import By

from pages import click_button, click_link, find_people, h1, main_text, path_of, sign_in, summary_list


def retype(driver, fields):
    for name, value in fields.items():
        field = driver.find_element(By.ID, name)
        field.clear()
        field.send_keys(value)


def save_from_two_tabs(driver, edit, later, earlier, saved_path):
    """Opens the form `edit` in two tabs; types `later` into the second, then types `earlier` into the first and
    saves it (landing on `saved_path`); then saves the second, whose form is now out of date. Returns both tabs,
    the second one showing what its save came to."""
    first_tab = driver.current_window_handle
    driver.get(edit)
    driver.switch_to.new_window("tab")
    second_tab = driver.current_window_handle
    driver.get(edit)
    retype(driver, later)
    driver.switch_to.window(first_tab)
    retype(driver, earlier)
    click_button(driver, "Save changes")
    assert path_of(driver) == saved_path, driver.current_url
    driver.switch_to.window(second_tab)
    click_button(driver, "Save changes")
    return first_tab, second_tab


def test_a_save_over_a_change_made_meanwhile_is_held_back_with_the_typed_work_kept(driver, server, screenshot):
    sign_in(driver, server, server.login("mash.practitioner"))
    _, adults = find_people(driver, server, lambda row: "Adult" in row["tags"])
    adults[0]["link"].click()
    driver.find_element(By.TAG_NAME, "h1")
    record = path_of(driver).split("?")[0]
    edit = server.url(record + "/edit")

    first_tab, _ = save_from_two_tabs(driver, edit, later={"disability": "Hearing impairment: uses BSL"},
                                      earlier={"language": "Polish"}, saved_path=record + "?done=updated")
    assert h1(driver) == "Change personal details", "still the form, not saved"
    text = main_text(driver)
    assert "Someone else saved changes to these details after you opened this form" in text, text
    rows = [[cell.text for cell in row.find_elements(By.CSS_SELECTOR, "td")]
            for row in driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")]
    assert ["First language", "Polish", "English"] in rows, rows
    assert ["Disability", "(empty)", "Hearing impairment: uses BSL"] in rows, rows
    assert driver.find_element(By.ID, "disability").get_attribute("value") == "Hearing impairment: uses BSL", "typed work kept"
    screenshot("edit-meanwhile-1-held-back")

    retype(driver, {"language": "Polish"})
    click_button(driver, "Save changes")
    assert path_of(driver) == record + "?done=updated", driver.current_url
    details = summary_list(driver)
    assert "Polish" in details.get("Language", ""), details
    assert "Hearing impairment: uses BSL" in details.get("Disability", ""), details
    screenshot("edit-meanwhile-2-both-kept")
    driver.close()
    driver.switch_to.window(first_tab)


def test_two_trainers_changing_one_event_do_not_undo_each_other(driver, server, screenshot):
    """The same for a training event: the second trainer's save is held back, not saved over the first's."""
    sign_in(driver, server, server.login("trainer"))
    click_link(driver, "Manage training")
    registers = [a.get_attribute("href") for a in driver.find_elements(By.PARTIAL_LINK_TEXT, "Register")]
    edit = None
    for register in registers:
        driver.get(register)
        links = driver.find_elements(By.LINK_TEXT, "Change the date, times, venue or link")
        if links:
            edit = links[0].get_attribute("href")
            break
    assert edit, "an event not yet started, whose details can be changed"
    event = path_of(driver).split("?")[0].removesuffix("/register")

    first_tab, _ = save_from_two_tabs(driver, edit, later={"trainer": "Sam Okafor"}, earlier={"trainer": "Priya Shah"},
                                      saved_path=event + "?done=event-saved")
    assert h1(driver).endswith("Change the event's details"), "still the form, not saved"
    text = main_text(driver)
    assert "Someone else saved changes to this event after you opened this form" in text, text
    rows = [[cell.text for cell in row.find_elements(By.CSS_SELECTOR, "td")]
            for row in driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")]
    assert rows == [["Trainer", "Priya Shah", "Sam Okafor"]], rows
    assert driver.find_element(By.ID, "trainer").get_attribute("value") == "Sam Okafor", "typed work kept"
    screenshot("edit-meanwhile-3-event-held-back")

    click_button(driver, "Save changes")
    assert path_of(driver) == event + "?done=event-saved", driver.current_url
    driver.close()
    driver.switch_to.window(first_tab)
