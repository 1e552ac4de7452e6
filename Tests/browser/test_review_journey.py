"""From a need-to-know to learning, joined up (issue 16): what one child's serious harm becomes.

1. the social worker raises a need-to-know from the child's record;
2. the business unit completes it and records that the national panel was told today;
3. it asks the police for their summary: nobody is chosen for it, and nothing can be sent until someone is;
4. the police officer finds the request on My work, sends the summary with a dated chronology, and cannot change it after;
5. the business unit sees it received and merged into the review's chronology, writes the rapid review and decides on a
   local review;
6. the three statutory partners' leads agree; the business unit submits it and commissions the local review;
7. a recommendation from that review gets an action owned by the police officer, who sees it on My work;
8. a 7-minute briefing on the review is published, and a social worker reads it on the Learning page.
"""

import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from pages import choose, click_button, click_link, error_summary, fill, h1, main_text, open_child, sign_in, sign_out

TODAY = datetime.date.today()
POLICE_EVENT = "Concern for welfare call: baby heard screaming, officers attended"


def fill_date(driver, prefix, day):
    fill(driver, f"{prefix}-day", str(day.day))
    fill(driver, f"{prefix}-month", str(day.month))
    fill(driver, f"{prefix}-year", str(day.year))


def select_text(driver, field_id, contains):
    menu = Select(driver.find_element(By.ID, field_id))
    matches = [o.text for o in menu.options if contains in o.text]
    assert matches, f"no option containing {contains!r} in #{field_id}: {[o.text for o in menu.options]}"
    menu.select_by_visible_text(matches[0])


def test_from_need_to_know_to_a_published_briefing(driver, server, screenshot):
    # 1. A child the other serious-incident journey has not taken: the second that fits.
    sign_in(driver, server, server.login("social.worker"))
    fitting = []

    def second_fit(text):
        if "Raise a serious incident notification" in text and "Child protection plan" not in text:
            fitting.append(text)
        return len(fitting) == 2

    child = open_child(driver, server, second_fit)
    click_link(driver, "Raise a serious incident notification")
    choose(driver, "reason", "serious-harm")
    fill_date(driver, "incident", TODAY - datetime.timedelta(days=1))
    fill(driver, "what-happened", "Admitted with a broken arm at eight weeks old; no account of how it happened.")
    choose(driver, "abuse-or-neglect[]", "yes")
    click_button(driver, "Raise the notification")
    assert "has gone to the partnership's business unit" in main_text(driver)
    sign_out(driver)

    # 2. The business unit completes and notifies, today.
    sign_in(driver, server, server.login("business.unit.officer"))
    click_link(driver, "Serious incidents")
    click_link(driver, driver.find_element(By.XPATH, f"//tr[td[normalize-space()='{child}']]//a").text)
    reference = driver.find_element(By.CSS_SELECTOR, "h1 .sg-caption-l").text.split()[-1]
    assert reference.startswith("SIN-"), reference
    fill(driver, "place", "At home")
    choose(driver, "police", "yes")
    fill(driver, "police-details", "Public Protection Unit")
    fill_date(driver, "aware", TODAY)
    click_button(driver, "Save the notification")
    fill_date(driver, "notified", TODAY)
    click_button(driver, "Record the notification")
    assert error_summary(driver) is None, error_summary(driver)
    click_link(driver, "Open the rapid review")

    # 3. Ask the police for their summary.
    assert "No agency has been asked yet" in main_text(driver)
    click_link(driver, "Ask agencies for their summaries")
    assert not driver.find_elements(By.CSS_SELECTOR, "input[type=checkbox]:checked"), "nobody is chosen for the business unit"
    click_button(driver, "Send the requests")
    assert [m for m, _ in error_summary(driver)[1]] == ["Choose who writes each agency's summary"]
    driver.find_element(By.XPATH, "//label[contains(., 'Daniel Frost')]").click()
    click_button(driver, "Send the requests")
    assert "The agencies are asked for their summaries" in main_text(driver)
    sign_out(driver)

    # 4. The police officer writes and sends it.
    sign_in(driver, server, server.login("police.officer"))
    click_link(driver, f"Write Northmere Constabulary's summary for rapid review {reference}")
    assert child in main_text(driver)
    fill(driver, "involvement", "One concern for welfare call to the home in the month before the injury.")
    week_ago = TODAY - datetime.timedelta(days=7)
    fill(driver, "chronology", f"{week_ago:%d/%m/%Y} {POLICE_EVENT}")
    fill(driver, "analysis", "The baby was not seen and the call was not shared with the MASH.")
    click_button(driver, "Send to the business unit")
    assert "Sent: the business unit has your agency's summary." in main_text(driver)
    assert not driver.find_elements(By.ID, "involvement"), "sent: no longer editable"
    screenshot("review-journey-1-summary-sent")
    sign_out(driver)

    # 5. Received, merged into the chronology; the rapid review written and decided.
    sign_in(driver, server, server.login("business.unit.officer"))
    driver.get(server.url("/serious-incidents"))
    click_link(driver, driver.find_element(By.XPATH, f"//tr[td[normalize-space()='{child}']]//a").text)
    click_link(driver, "Open the rapid review")
    assert "1 of 1 received" in main_text(driver)
    click_link(driver, "The review's chronology: the record merged with the summaries")
    assert POLICE_EVENT in main_text(driver)
    driver.back()
    for field in ["facts", "practice-episodes", "immediate-actions", "potential-improvements", "lived-context"]:
        fill(driver, field, "From the agencies' summaries: the welfare call was not shared.")
    choose(driver, "decision", "local-review")
    fill(driver, "rationale", "Agencies did not share what they knew before the injury; a local review can learn why.")
    click_button(driver, "Record the decision")
    assert "The decision is recorded" in main_text(driver)
    review_url = driver.current_url.split("?")[0]
    sign_out(driver)

    # 6. The three leads agree; submitted; the local review commissioned.
    for lead in ["team.manager", "police.public.protection", "ama.mensah"]:
        sign_in(driver, server, server.login(lead))
        driver.get(review_url)
        choose(driver, "agreed", "yes")
        click_button(driver, "Record our answer")
        assert "Your answer is recorded." in main_text(driver)
        sign_out(driver)
    sign_in(driver, server, server.login("business.unit.officer"))
    driver.get(review_url)
    fill_date(driver, "submitted", TODAY)
    click_button(driver, "Record the submission")
    assert "submitted to the national panel" in main_text(driver)
    fill(driver, "title", "Baby R")
    click_button(driver, "Commission the review")
    assert h1(driver).endswith("Baby R")
    screenshot("review-journey-2-commissioned")

    # 7. A recommendation and its action.
    click_link(driver, "Action plan")
    click_link(driver, "Add a recommendation")
    select_text(driver, "source", "Baby R")
    fill(driver, "finding", "A concern for welfare call about a baby was not shared with the MASH.")
    fill(driver, "recommendation", "Police share every concern for welfare call about a child under one with the MASH.")
    click_button(driver, "Add recommendation")
    fill(driver, "description", "Brief response officers on sharing welfare calls about babies")
    fill(driver, "impact", "An audit of 20 welfare calls about babies shows each was shared")
    select_text(driver, "owner", "Daniel Frost")
    fill_date(driver, "due", TODAY + datetime.timedelta(days=60))
    click_button(driver, "Add action")
    assert "The action is added" in main_text(driver)

    # 8. A briefing on the review, published.
    click_link(driver, "Learning")
    click_link(driver, "Write a briefing")
    fill(driver, "title", "Welfare calls about babies")
    select_text(driver, "review", "Baby R")
    for field, text in {"background": "A baby was badly hurt weeks after police attended a concern for welfare call.",
                        "why-it-matters": "Babies cannot tell anyone; the call may be the only outside sign.",
                        "key-information-1": "See the baby on every call to a home with a baby.",
                        "key-information-2": "Share every welfare call about a baby with the MASH.",
                        "key-information-3": "Record who else lives in or visits the home.",
                        "what-to-note": "A quiet baby is not a safe baby.",
                        "what-to-do": "Who do I tell after a welfare call about a baby?"}.items():
        fill(driver, field, text)
    click_button(driver, "Save briefing")
    click_link(driver, "Check and publish")
    click_button(driver, "Publish to everyone")
    assert "The briefing is published" in main_text(driver)
    sign_out(driver)

    sign_in(driver, server, server.login("police.officer"))
    assert "Action from a review: Brief response officers on sharing welfare calls about babies" in main_text(driver)
    sign_out(driver)
    sign_in(driver, server, server.login("social.worker"))
    click_link(driver, "Learning")
    click_link(driver, "Welfare calls about babies")
    assert "Baby R" in main_text(driver)
    screenshot("review-journey-3-briefing")
    sign_out(driver)
