"""Signing in: the error messages a person sees when it goes wrong."""

from selenium.webdriver.common.by import By

from pages import click_button, error_summary, fill, h1, path_of


def open_sign_in(driver, server):
    driver.delete_all_cookies()
    driver.get(server.url("/sign-in"))
    assert h1(driver) == "Sign in to Safeguard"
    assert driver.title.startswith("Sign in"), driver.title


def test_empty_fields_show_two_errors_linked_to_the_fields(driver, server):
    open_sign_in(driver, server)
    click_button(driver, "Sign in")

    assert driver.title.startswith("Error: "), driver.title
    heading, links = error_summary(driver)
    assert heading == "There is a problem"
    assert [href for _, href in links] == ["email", "password"], links
    assert all(message for message, _ in links), links

    # Each field shows its own message, tied to the input for screen readers.
    for field_id in ("email", "password"):
        field = driver.find_element(By.ID, field_id)
        described_by = (field.get_attribute("aria-describedby") or "").split()
        error_ids = [i for i in described_by if driver.find_elements(By.CSS_SELECTOR, f"#{i}.sg-error-message")]
        assert error_ids, f"#{field_id} is not described by an error message"

    # Following a link in the summary puts the cursor in the field.
    driver.find_element(By.CSS_SELECTOR, ".sg-error-summary a[href='#password']").click()
    assert driver.switch_to.active_element.get_attribute("id") == "password"


def test_wrong_password_and_unknown_email_give_the_same_generic_message(driver, server):
    login = server.login("mash.practitioner")
    messages = []
    for email, password in ((login.email, login.password + "-wrong"),
                            ("nobody.here" + "@demo.safeguard.test", login.password)):
        open_sign_in(driver, server)
        fill(driver, "email", email)
        fill(driver, "password", password)
        click_button(driver, "Sign in")

        assert driver.title.startswith("Error: "), driver.title
        assert path_of(driver).startswith("/sign-in"), driver.current_url
        heading, links = error_summary(driver)
        assert heading == "There is a problem"
        messages.append([m for m, _ in links])
        # The password is never echoed back into the form.
        assert driver.find_element(By.ID, "password").get_attribute("value") == ""
        # Not signed in: the people search still sends us to sign in.
        driver.get(server.url("/people"))
        assert path_of(driver).startswith("/sign-in"), driver.current_url

    assert messages[0] == ["Enter a correct email address and password"], messages
    assert messages[1] == messages[0], "an unknown email must not be told apart from a wrong password"
