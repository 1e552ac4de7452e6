"""Learning from reviews, as the business unit, a practitioner and the board meet it:

1. the business unit goes from My work (its first screen) to the Learning page and writes a 7-minute briefing: saving it without a
   title is refused with the error summary, a part-written draft saves, and the check before publishing
   lists what is still missing;
2. the briefing is finished, checked and published to everyone;
3. a social worker finds it under Learning, reads it, marks it read and prints it: one A4 page;
4. the business unit sees the reading, by agency;
5. the board member starts on the Learning page and opens the themes across reviews: 27 reviews, 85%
   assessment, and the figures as a table beside the chart.
"""

import base64
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions

from pages import click_button, click_link, error_summary, fill, h1, main_text, path_of, sign_in, sign_out

TITLE = "Bruising in babies who are not yet mobile"
SECTIONS = {
    "background": "Bruises on a baby who cannot yet roll or crawl are rare, and reviews keep finding them explained away.",
    "why-it-matters": "A small bruise can be the first sign of abuse that, missed, ends in serious injury.",
    "key-information-1": "Any bruise on a baby who is not independently mobile needs a referral the same day.",
    "key-information-2": "Look at the whole baby, in good light, and record exactly what you see.",
    "key-information-3": "Parents' explanations are recorded, never accepted instead of a referral.",
    "what-to-note": "Skin colour does not change the rule: learn how bruising shows on darker skin.",
    "what-to-do": "Do I know the local protocol for bruising in babies? Who would I call today?",
}


def test_write_publish_read_print_and_see_the_themes(driver, server, screenshot):
    # 1. The business unit goes from My work to the Learning page and writes a briefing.
    sign_in(driver, server, server.login("business.unit.officer"))
    assert path_of(driver) == "/my-work"
    click_link(driver, "Learning")
    assert h1(driver) == "Learning from reviews"
    click_link(driver, "Write a briefing")
    assert h1(driver) == "Write a 7-minute briefing"
    assert driver.find_element(By.ID, "review").get_attribute("value") == "", "nothing is chosen for the writer"
    assert driver.find_element(By.ID, "theme").get_attribute("value") == ""
    fill(driver, "background", SECTIONS["background"])
    click_button(driver, "Save briefing")
    heading, problems = error_summary(driver)
    assert problems == [("Enter the briefing's title", "title")], problems
    assert driver.find_element(By.ID, "background").get_attribute("value") == SECTIONS["background"], "what was typed is kept"
    fill(driver, "title", TITLE)
    click_button(driver, "Save briefing")
    assert "The briefing is saved" in main_text(driver)
    assert "Draft: only the business unit can see this briefing." in main_text(driver)
    click_link(driver, "Check and publish")
    heading, problems = error_summary(driver)
    assert heading == "Before this briefing can be published"
    assert ("Write section 2, why it matters", "why-it-matters") in problems, problems
    assert not driver.find_elements(By.XPATH, "//button[normalize-space()='Publish to everyone']")
    screenshot("learning-1-check-lists-what-is-missing")

    # 2. Finished, checked and published.
    click_link(driver, "Change the briefing")
    for field, text in SECTIONS.items():
        fill(driver, field, text)
    driver.find_element(By.CSS_SELECTOR, "#theme option[value='assessment-risk-assessment']").click()
    click_button(driver, "Save briefing")
    click_link(driver, "Check and publish")
    assert error_summary(driver) is None
    click_button(driver, "Publish to everyone")
    assert "The briefing is published" in main_text(driver)
    sign_out(driver)

    # 3. A social worker reads it, marks it read and prints it on one page.
    sign_in(driver, server, server.login("social.worker"))
    click_link(driver, "Learning")
    row = driver.find_element(By.XPATH, f"//tr[.//a[normalize-space()='{TITLE}']]")
    assert "Not read yet" in row.text
    click_link(driver, TITLE)
    assert h1(driver).endswith(TITLE), h1(driver)
    numbers = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".sg-briefing__number")]
    assert numbers == ["1", "2", "3", "4", "5", "6", "7"]
    click_button(driver, "I have read this briefing")
    assert "You marked this briefing read on" in main_text(driver)
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    pdf = base64.b64decode(driver.print_page(options))
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"the briefing printed on {pages} pages"
    screenshot("learning-2-briefing-read")
    sign_out(driver)

    # 4. The business unit sees the reading by agency.
    sign_in(driver, server, server.login("business.unit.officer"))
    click_link(driver, "Learning")
    click_link(driver, TITLE)
    click_link(driver, "Who has read it, by agency")
    total = driver.find_element(By.XPATH, "//tr[td[normalize-space()='Total']]").text
    assert re.search(r"Total \d+ 1 \d+%", total.replace("\n", " ")), total
    sign_out(driver)

    # 5. The board starts on the learning and reads the themes across reviews.
    sign_in(driver, server, server.login("board.member"))
    assert path_of(driver) == "/learning"
    click_link(driver, "See every theme, by period and kind of review")
    assert h1(driver) == "Themes across reviews"
    text = main_text(driver)
    assert "27 reviews completed" in text
    assert driver.find_elements(By.CSS_SELECTOR, "svg.sg-chart--bars rect")
    first = driver.find_element(By.XPATH, "//table//tr[td][1]").text.replace("\n", " ")
    assert first.startswith("Assessment / risk assessment") and first.endswith("85%"), first
    assert not driver.find_elements(By.XPATH, "//a[normalize-space()='Write a briefing']")
    screenshot("learning-3-themes")
