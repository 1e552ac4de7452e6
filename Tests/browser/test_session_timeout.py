"""The GOV.UK timeout warning: before the session ends a dialog offers to stay signed in.

The script's clock is moved on through window.safeguardSessionTimer instead of waiting half an hour;
"Stay signed in" really asks the server. What happens to a form sent after the session ended
(kept, then sent after signing in) is covered by the server tests (KeptFormTests)."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from pages import sign_in

def dialog_open(driver):
    return driver.execute_script("return document.getElementById('timeout-warning').open")


def test_the_warning_offers_to_stay_signed_in(driver, server, screenshot):
    for width in (1280, 375):
        driver.set_window_size(width, 1000)
        sign_in(driver, server, server.login("social.worker"))
        driver.get(server.url("/people"))
        footer = driver.find_element(By.ID, "session-notice").text
        assert "you will be signed out at" in footer, footer
        assert not dialog_open(driver)

        driver.execute_script("window.safeguardSessionTimer.restart(120, 1)")
        WebDriverWait(driver, 5).until(lambda d: dialog_open(d))
        dialog = driver.find_element(By.ID, "timeout-warning")
        assert "You will be signed out soon" in dialog.text, dialog.text
        assert "2 minutes" in dialog.text, dialog.text
        screenshot(f"session-timeout-1-warning-{width}")
        dialog.find_element(By.CSS_SELECTOR, "[data-action=stay-signed-in]").click()
        WebDriverWait(driver, 5).until(lambda d: not dialog_open(d))

        # Left alone until the end, the dialog says so and keeps the page as it was.
        driver.execute_script("window.safeguardSessionTimer.restart(2, 0)")
        WebDriverWait(driver, 8).until(lambda d: d.find_element(By.ID, "timeout-ended").is_displayed())
        assert driver.find_element(By.ID, "timeout-title").text == "You have been signed out"
        assert not dialog.find_element(By.CSS_SELECTOR, "[data-action=stay-signed-in]").is_displayed()
        screenshot(f"session-timeout-2-ended-{width}")
        dialog.find_element(By.CSS_SELECTOR, "[data-action=close-timeout]").click()
        WebDriverWait(driver, 5).until(lambda d: not dialog_open(d))
    driver.set_window_size(1280, 1000)


def test_no_warning_when_signed_out(driver, server):
    driver.delete_all_cookies()
    driver.get(server.url("/sign-in"))
    assert not driver.find_elements(By.ID, "timeout-warning")
    assert not driver.find_elements(By.ID, "session-notice")
