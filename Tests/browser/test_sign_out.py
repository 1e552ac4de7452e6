"""Signing out ends the session."""

from selenium.webdriver.common.by import By

from pages import click_button, h1, header_user, path_of, sign_in


def test_sign_out_ends_the_session(driver, server):
    login = server.login("mash.practitioner")
    sign_in(driver, server, login)
    assert path_of(driver) == "/my-work", "a case worker lands on what is waiting for them"
    assert header_user(driver)

    old_cookies = driver.get_cookies()
    click_button(driver, "Sign out", scope=driver.find_element(By.TAG_NAME, "header"))
    assert path_of(driver) == "/sign-in?signed-out=1", driver.current_url
    assert "You have signed out." in driver.find_element(By.TAG_NAME, "main").text
    assert not driver.find_elements(By.CSS_SELECTOR, ".sg-header__user")

    driver.get(server.url("/people"))
    assert path_of(driver).startswith("/sign-in"), driver.current_url
    assert h1(driver) == "Sign in to Safeguard"

    # The old session cookie is dead on the server, not just forgotten by the browser.
    assert old_cookies, "no session cookie was set"
    driver.delete_all_cookies()
    for cookie in old_cookies:
        driver.add_cookie({k: v for k, v in cookie.items() if k in ("name", "value", "path", "secure", "httpOnly")})
    driver.get(server.url("/people"))
    assert path_of(driver).startswith("/sign-in"), driver.current_url
