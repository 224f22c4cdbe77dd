"""The pages as a Korean official uses them (issue 22), in headless Chromium.

Called by browser_test.py with its driver and `check`: Enter checks the
score without adding an evidence row; "４５" and "1,200" give the results of
"45" and "1200"; each field's score line equals the panel's points after a
live update; a fourth elective tick is refused with a message in view; the
Korean page shows no English sentence; at 390 × 844 the summary bar is in
view with the cursor in the middle of the form; choosing an evidence file
fills its SHA-256; the review sheet refuses 불인정 without a reason. Saves
Korean screenshots of each page at 1280 and 390 px.
"""
import hashlib
import os
import re
import tempfile
import time

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

DATE = "2026-03-02"
# Three or more English words in a row: a sentence, not a code such as
# "SHA-256", "KPI" or "XML".
ENGLISH_SENTENCE = re.compile(r"\b[A-Za-z']{2,}(?:,? [A-Za-z']{2,}){2,}\b")


def wait_for_next_page(driver, page):
    """Waits until `page`, the <html> element of the page being left, is
    gone. A check on an element of a page Chromium is tearing down can fail
    with "Node ... does not belong to the document" instead of a stale
    reference: both mean the page has been left."""
    def left(_):
        try:
            page.is_enabled()
            return False
        except WebDriverException:  # StaleElementReferenceException is one
            return True
    WebDriverWait(driver, 15).until(left)


def page_words(driver):
    """The page's visible text, without what the applicant wrote (a KPI's
    label in the dossier is the applicant's, in their words)."""
    return driver.execute_script("""
        var copy = document.body.cloneNode(true);
        copy.querySelectorAll('.applicant-text').forEach(function (node) { node.remove(); });
        document.body.appendChild(copy);
        copy.style.position = 'absolute';
        var text = copy.innerText;
        copy.remove();
        return text;""")


def updated(driver):
    return driver.find_element(By.CSS_SELECTOR, "[data-results]").get_attribute("data-updated") or "0"


def wait_update(driver, before, timeout=15):
    """Waits for the live panel to be refreshed after `before`."""
    WebDriverWait(driver, timeout).until(lambda d: updated(d) != before)
    time.sleep(0.2)


def type_into(driver, field_id, text):
    before = updated(driver)
    field = driver.find_element(By.ID, field_id)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
    field.clear()
    field.send_keys(text)
    wait_update(driver, before)


def total(driver):
    return driver.find_element(By.CSS_SELECTOR, "[data-results] [data-total]").get_attribute("textContent").split("/")[0].strip()


def panel_points(driver, indicator):
    """The panel's points for an indicator, from its breakdown table."""
    return driver.execute_script("""
        var rows = document.querySelectorAll('[data-results] .breakdown tbody tr');
        for (var i = 0; i < rows.length; i++) {
          var head = rows[i].querySelector('th');
          if (head && head.textContent.trim().indexOf(arguments[0] + ' ') === 0) {
            return rows[i].querySelector('td').textContent.trim();
          }
        }
        return null;""", indicator)


def in_view(driver, element):
    return driver.execute_script("""
        var r = arguments[0].getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;""", element)


def phone(driver, on):
    if on:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    else:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def shoot(driver, path, width):
    """A screenshot of the page from the top at `width` px (up to 6000 px tall)."""
    height = 844 if width == 390 else 1000
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width == 390})
    time.sleep(0.3)
    full = driver.execute_script("return document.documentElement.scrollHeight")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": min(max(full, height), 6000), "deviceScaleFactor": 1,
                            "mobile": width == 390})
    driver.execute_script("window.scrollTo(0, 0)")
    time.sleep(0.4)
    driver.save_screenshot(path)
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    print("     screenshot " + path)


def run(driver, url, samples, screenshots, downloads, check, fill_from_sample):
    page = "%s/selfcheck/kr-smart-city/1.0?lang=ko&date=%s" % (url, DATE)
    driver.get(page)

    # The Korean page: no English sentence in what it shows.
    text = page_words(driver)
    english = ENGLISH_SENTENCE.findall(text)
    check(not english, "the Korean self-check page shows no English sentence %s" % english[:5])

    # Enter in a value field checks the score: no evidence row added, no reload.
    rows = len(driver.find_elements(By.CSS_SELECTOR, "fieldset.row4"))
    first = driver.execute_script("return document.querySelector('#selfcheck button[type=submit]').value")
    check(first == "check", "the form's default (first) submit button checks the score: %s" % first)
    html = driver.find_element(By.TAG_NAME, "html")
    before = updated(driver)
    field = driver.find_element(By.ID, "value-INN-1")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
    field.send_keys("3" + Keys.ENTER)
    wait_update(driver, before)
    reloaded = False
    try:
        html.tag_name
    except Exception:
        reloaded = True
    check(not reloaded and len(driver.find_elements(By.CSS_SELECTOR, "fieldset.row4")) == rows,
          "Enter in a value field adds no evidence row and keeps the page")
    check(driver.switch_to.active_element.get_attribute("id") == "value-INN-1", "Enter keeps the focus in the field")

    # What people type: full-width digits and thousands separators.
    type_into(driver, "value-INN-3", "45")
    plain = total(driver)
    type_into(driver, "value-INN-3", "４５")
    check(total(driver) == plain, "typing ４５ gives the total of 45 (%s, %s)" % (total(driver), plain))
    type_into(driver, "value-GOV-1", "1200")
    plain = total(driver)
    type_into(driver, "value-GOV-1", "1,200")
    check(total(driver) == plain, "typing 1,200 gives the total of 1200 (%s, %s)" % (total(driver), plain))
    type_into(driver, "value-GOV-1", "5건")
    check(not driver.find_elements(By.ID, "value-GOV-1-error"), "typing 5건 is read as 5")

    # The field's line and the panel say the same after a live update.
    type_into(driver, "value-SVC-TRA", "3")
    line = driver.find_element(By.CSS_SELECTOR, "[data-line='SVC-TRA']").text
    points = panel_points(driver, "SVC-TRA")
    match = re.search(r"점수 ([0-9.]+) / ([0-9.]+)점", line)
    check(match is not None and points is not None and "%s / %s" % match.groups() == points,
          "the SVC-TRA line '%s' equals the panel's %s" % (line, points))

    # An unreadable value: its error next to the field; the last result kept, greyed.
    type_into(driver, "value-INN-2", "많음")
    check(len(driver.find_elements(By.ID, "value-INN-2-error")) == 1, "a live error appears next to its field")
    greyed = "stale" in driver.find_element(By.ID, "result").get_attribute("class")
    check(greyed and driver.find_elements(By.CSS_SELECTOR, "[data-results] [data-total]"),
          "the last result stays, greyed")
    type_into(driver, "value-INN-2", "2")
    check(not driver.find_elements(By.ID, "value-INN-2-error"), "the error goes when the value is fixed")

    # Electives: a fourth tick is refused at the group, with a message in view.
    boxes = driver.find_elements(By.CSS_SELECTOR, "input[data-elective]")
    for box in boxes[:3]:
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.click()
    counter = driver.find_element(By.CSS_SELECTOR, "[data-group-count]").get_attribute("textContent")
    check(counter.strip() == "3개 중 3개 선택", "the elective counter: " + counter)
    fourth = boxes[3]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", fourth)
    fourth.click()
    refused = driver.find_elements(By.CSS_SELECTOR, "[data-refused]")
    check(not fourth.is_selected() and refused and in_view(driver, refused[0]),
          "a fourth elective tick is refused with a message in view: %s" % (refused[0].text if refused else None))

    # A phone: the summary bar in view with the cursor in the middle of the form.
    phone(driver, True)
    try:
        field = driver.find_element(By.ID, "value-GOV-3")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
        field.click()
        time.sleep(0.3)
        bar = driver.find_element(By.CSS_SELECTOR, "[data-summary-bar]")
        check(in_view(driver, bar) and "총점" in bar.text and "판정" in bar.text and in_view(driver, field),
              "at 390 × 844 the summary bar is in view with the cursor mid-form: " + bar.text)
        overflow = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
        check(not overflow, "at 390 px nothing overflows sideways")
    finally:
        phone(driver, False)

    # An evidence file: its SHA-256 computed in the browser.
    content = os.urandom(3000) + "증빙 문서".encode()
    fd, path = tempfile.mkstemp(suffix=".pdf")
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)
    chooser = driver.find_element(By.ID, "evidence-0-file")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", chooser)
    chooser.send_keys(path)
    want = hashlib.sha256(content).hexdigest()
    try:
        WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "evidence-0-sha256").get_attribute("value") == want)
    except Exception:
        pass
    check(driver.find_element(By.ID, "evidence-0-sha256").get_attribute("value") == want,
          "choosing a file fills its SHA-256")
    os.unlink(path)

    # Download with the required fields empty: every one named at once.
    button = driver.find_element(By.CSS_SELECTOR, "button[name='action'][value='download']")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    html = driver.find_element(By.TAG_NAME, "html")
    button.click()
    wait_for_next_page(driver, html)
    links = [a.get_attribute("href").split("#")[-1] for a in driver.find_elements(By.CSS_SELECTOR, ".error-summary a")]
    check({"dossier-id", "applicant-0-id", "applicant-0-name_ko"} <= set(links),
          "an incomplete form does not download; the required fields are named: %s" % links)

    # Screenshots of the self-check page, filled from a sample.
    driver.get(page)
    fill_from_sample(driver, os.path.join(samples, "city", "daon-borderline-c.xml"))
    time.sleep(1.5)
    shoot(driver, os.path.join(screenshots, "selfcheck-ko-1280.png"), 1280)
    shoot(driver, os.path.join(screenshots, "selfcheck-ko-390.png"), 390)
    phone(driver, True)
    field = driver.find_element(By.ID, "value-GOV-3")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
    field.click()
    time.sleep(0.3)
    driver.save_screenshot(os.path.join(screenshots, "selfcheck-ko-390-typing.png"))
    phone(driver, False)

    # The review sheet: the applicant's values, anchors, no choice ticked,
    # 불인정 refused without a reason.
    service = os.path.join(samples, "service", "parking-pass")
    driver.get("%s/review?lang=ko" % url)
    driver.find_element(By.ID, "dossier").send_keys(os.path.join(service, "dossier.xml"))
    html = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, "form button[type='submit']").click()
    wait_for_next_page(driver, html)
    radios = driver.find_elements(By.CSS_SELECTOR, "input[type=radio][name^='decision-']")
    check(radios and not any(r.is_selected() for r in radios), "no KPI decision is ticked beforehand")
    check(len(driver.find_elements(By.CSS_SELECTOR, ".given")) >= 1, "the sheet shows the applicant's values")
    options = [o.text for o in driver.find_elements(By.CSS_SELECTOR, "select[name$='-score'] option")]
    check(any("매우 우수" in o for o in options), "the scores show the scale's anchors: %s" % options[:6])
    text = page_words(driver)
    english = ENGLISH_SENTENCE.findall(text)
    check(not english, "the Korean review sheet shows no English sentence %s" % english[:5])
    driver.find_element(By.ID, "reviewer").send_keys("R-09")
    for select in driver.find_elements(By.CSS_SELECTOR, "select[name$='-score']"):
        Select(select).select_by_value("4")
    for radio in driver.find_elements(By.CSS_SELECTOR, "input[type=radio][value='accept']"):
        driver.execute_script("arguments[0].click()", radio)
    reject = driver.find_element(By.CSS_SELECTOR, "input[name='decision-K3'][value='reject']")
    driver.execute_script("arguments[0].click()", reject)
    before = set(os.listdir(downloads))
    html = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, "button[name='action'][value='download']").click()
    wait_for_next_page(driver, html)
    time.sleep(1)
    new = [n for n in os.listdir(downloads) if n not in before]
    check(not new and driver.find_elements(By.ID, "reason-K3-error"),
          "the review sheet refuses 불인정 without a reason, at the reason field")
    shoot(driver, os.path.join(screenshots, "review-ko-1280.png"), 1280)
    shoot(driver, os.path.join(screenshots, "review-ko-390.png"), 390)
    driver.find_element(By.ID, "reason-K3").send_keys("기준선 측정 자료가 없습니다.")
    driver.find_element(By.CSS_SELECTOR, "button[name='action'][value='download']").click()
    try:
        WebDriverWait(driver, 15).until(lambda d: d.find_element(By.ID, "download-notice").is_displayed())
    except Exception:
        pass
    check(driver.find_element(By.ID, "download-notice").is_displayed() and not driver.find_elements(By.CSS_SELECTOR, ".error-summary"),
          "after a download the sheet says so and the old errors are gone")

    # The panel page: a plain next step; "절사평균" only for a trimmed mean.
    driver.get("%s/panel?lang=ko" % url)
    reviews = [os.path.join(service, n) for n in sorted(os.listdir(service)) if n.startswith("review-")]
    driver.find_element(By.ID, "dossier").send_keys(os.path.join(service, "dossier.xml"))
    driver.find_element(By.ID, "review").send_keys("\n".join(reviews))
    driver.find_element(By.ID, "official").click()
    driver.find_element(By.ID, "date").send_keys("2026.13.02")
    html = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, "form button[type='submit']").click()
    wait_for_next_page(driver, html)
    summary = driver.find_elements(By.CSS_SELECTOR, ".error-summary")
    check(summary and "판정일" in summary[0].text and "2026.03.02" in summary[0].text,
          "a bad 판정일 is named with the form it takes: %s" % (summary[0].text if summary else None))
    check(driver.find_element(By.ID, "official").is_selected(), "a bad 판정일 keeps the 공식 심사 tick")
    date = driver.find_element(By.ID, "date")
    date.clear()
    date.send_keys("2026.03.02")
    html = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, "form button[type='submit']").click()
    wait_for_next_page(driver, html)
    check(driver.find_elements(By.CSS_SELECTOR, "[data-total]"),
          "fixing the date shows the result without choosing the files again")
    check(driver.find_elements(By.CSS_SELECTOR, ".next-step"), "the panel page ends with the next step in words")
    text = page_words(driver)
    check("절사평균" not in text or "제외" in text, "절사평균 is said only for a trimmed mean")
    english = ENGLISH_SENTENCE.findall(text)
    check(not english, "the Korean panel page shows no English sentence %s" % english[:5])
    shoot(driver, os.path.join(screenshots, "panel-ko-1280.png"), 1280)
    shoot(driver, os.path.join(screenshots, "panel-ko-390.png"), 390)
