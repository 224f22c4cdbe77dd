#!/usr/bin/env python3
"""Browser test of `certify serve` in headless Chromium (Selenium).

Fills the self-check form from a sample dossier the way a person would
(typing, clicking radios and check boxes), checks that the live result
shows the same total and grade as `certify score`, submits the form without
script, downloads the dossier XML and validates it with `certify validate`,
fills a review sheet and validates the downloaded review, shows the panel
page, runs axe-core on every page (no serious or critical violation) and
saves screenshots. Exit status 0 when every check passes.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.support.ui import Select, WebDriverWait
from axe_selenium_python import Axe

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import official_test  # noqa: E402

NS = {"d": "urn:certify:dossier:1"}
DATE = "2026-03-02"
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message, flush=True)
    if not condition:
        failures.append(message)


def cli(certify, *args):
    run = subprocess.run([certify, *args], capture_output=True, text=True, timeout=60)
    return run.returncode, run.stdout, run.stderr


def make_driver(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1000", "--lang=en-US", "--font-render-hinting=none"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": downloads, "download.prompt_for_download": False,
        "intl.accept_languages": "en-US,en"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


def screenshot(driver, path, height=None):
    """A screenshot from the top of the page: `height` pixels, else the
    whole document (the window made as tall as it)."""
    if height is None:
        height = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
        height = min(max(height, 800), 8000)
    driver.set_window_size(1280, height)
    driver.execute_script("window.scrollTo(0, 0)")
    time.sleep(0.3)
    driver.save_screenshot(path)
    driver.set_window_size(1280, 1000)
    print("     screenshot " + path)


def axe_check(driver, name):
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    for violation in bad:
        print("     axe: %s (%s): %s" % (violation["id"], violation["impact"], violation["help"]))
        for node in violation["nodes"][:3]:
            print("          " + str(node.get("target")))
    check(not bad, "axe-core: no serious or critical violation on %s (%d checked rules)" % (name, len(results["passes"])))


def wait_download(directory, suffix, before, timeout=90):
    deadline = time.time() + timeout
    while time.time() < deadline:
        names = [n for n in os.listdir(directory) if n.endswith(suffix) and n not in before]
        if names:
            return os.path.join(directory, names[0])
        time.sleep(0.2)
    return None


def fill_from_sample(driver, sample):
    """Types a sample's values into the form, as a person would."""
    root = ET.parse(sample).getroot()
    applicant = root.find("d:applicant", NS)
    field = driver.find_element(By.ID, "dossier-id")
    field.clear()
    field.send_keys(root.get("id"))
    driver.find_element(By.ID, "applicant-0-id").send_keys(applicant.get("id"))
    driver.find_element(By.CSS_SELECTOR, "input[name='applicant-0-kind'][value='%s']" % applicant.get("kind")).click()
    for name in applicant.findall("d:name", NS):
        lang = name.get("{http://www.w3.org/XML/1998/namespace}lang")
        driver.find_element(By.ID, "applicant-0-name_" + lang).send_keys(name.text.strip())
    for value in root.findall("d:value", NS):
        name = "value-" + value.get("indicator")
        items = [item.text.strip() for item in value.findall("d:item", NS)]
        controls = driver.find_elements(By.NAME, name)
        kind = controls[0].get_attribute("type") if controls else None
        text = (value.text or "").strip()
        if kind == "radio":
            driver.find_element(By.CSS_SELECTOR, "input[name='%s'][value='%s']" % (name, text)).click()
        elif kind == "checkbox":
            others = []
            for item in items:
                boxes = driver.find_elements(By.CSS_SELECTOR, "input[name='%s'][value='%s']" % (name, item))
                if boxes:
                    boxes[0].click()
                else:
                    others.append(item)
            if others:
                driver.find_element(By.ID, name + "-other").send_keys("\n".join(others))
        elif controls and controls[0].tag_name == "select":
            Select(controls[0]).select_by_value(text)
        else:
            controls[0].clear()
            controls[0].send_keys(text)
    for elective in root.findall("d:elective", NS):
        box = driver.find_element(By.ID, "elective-" + elective.get("indicator"))
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.click()
    for judgment in root.findall("d:judgment", NS):
        Select(driver.find_element(By.ID, "value-" + judgment.get("indicator"))).select_by_value(judgment.get("score"))


def post(driver, button):
    """Clicks a form's submit button and waits for the page it posts to:
    until then, elements found may belong to the page being left."""
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, button).click()
    official_test.wait_for_next_page(driver, page)


def shown_result(driver):
    """The total, grade and decision the page shows. The page's script may
    replace the result while it is read: read it again then."""
    for _ in range(50):
        try:
            return read_result(driver)
        except StaleElementReferenceException:
            time.sleep(0.1)
    return read_result(driver)


def read_result(driver):
    totals = driver.find_elements(By.CSS_SELECTOR, "[data-total]")
    if not totals:
        summary = driver.find_elements(By.CSS_SELECTOR, ".error-summary")
        return ("no result", summary[0].text if summary else driver.find_element(By.ID, "results").text)
    total = totals[0].text.split("/")[0].strip()
    grades = driver.find_elements(By.CSS_SELECTOR, "[data-grade]")
    grade = grades[0].text.strip() if grades else None
    certified = driver.find_element(By.CSS_SELECTOR, "[data-certified]").get_attribute("data-certified") == "true"
    return total, grade, certified


def number(value):
    text = ("%.2f" % value).rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    return text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--certify", required=True)
    parser.add_argument("--samples", required=True)
    parser.add_argument("--screenshots", required=True)
    args = parser.parse_args()
    args.samples = os.path.abspath(args.samples)
    args.screenshots = os.path.abspath(args.screenshots)
    os.makedirs(args.screenshots, exist_ok=True)
    downloads = tempfile.mkdtemp(prefix="certify-downloads-")
    driver = make_driver(downloads)
    try:
        run(driver, args, downloads)
    finally:
        driver.quit()
    if failures:
        print("%d browser check(s) failed" % len(failures))
        return 1
    print("browser test: all checks passed")
    return 0


def run(driver, args, downloads):
    url, certify = args.url.rstrip("/"), args.certify
    # Self-check, in English, for a city sample.
    sample = os.path.join(args.samples, "city", "daon-borderline-c.xml")
    status, out, _ = cli(certify, "score", sample, "--format", "json", "--date", DATE)
    expected = json.loads(out)
    want = (number(expected["total"]), expected["grade"], expected["certified"])
    driver.get("%s/selfcheck/kr-smart-city/1.0?lang=en&date=%s" % (url, DATE))
    check("Self-check" in driver.title, "self-check page opens: " + driver.title)
    axe_check(driver, "the empty self-check form")
    fill_from_sample(driver, sample)
    # The live result (script) catches up with the last change.
    try:
        WebDriverWait(driver, 15).until(lambda d: shown_result(d) == want)
    except Exception:
        pass
    check(shown_result(driver) == want, "live result %s equals certify score %s" % (shown_result(driver), want))
    # The plan section, live: one heading per goal of `certify plan`.
    status, out, _ = cli(certify, "plan", sample, "--format", "json", "--date", DATE)
    goals = json.loads(out).get("goals", []) if status == 0 else None
    check(goals is not None, "certify plan runs on the sample")
    headings = driver.find_elements(By.CSS_SELECTOR, "section.plan h4")
    check(goals is not None and len(headings) == len(goals),
          "the live plan shows %d goals, certify plan %s" % (len(headings), None if goals is None else len(goals)))
    axe_check(driver, "the filled self-check form")
    # Without script: the plain form post shows the same.
    post(driver, ".actions button[name='action'][value='check']")
    try:
        WebDriverWait(driver, 15).until(lambda d: shown_result(d) == want)
    except Exception:
        pass
    check(shown_result(driver) == want, "posted form result %s equals certify score" % (shown_result(driver),))
    screenshot(driver, os.path.join(args.screenshots, "selfcheck-en.png"), height=1500)
    # Download the dossier XML: it validates and scores the same.
    before = set(os.listdir(downloads))
    button = driver.find_element(By.CSS_SELECTOR, "button[name='action'][value='download']")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    path = wait_download(downloads, ".xml", before)
    check(path is not None, "the dossier XML downloads")
    if path:
        status, out, err = cli(certify, "validate", path)
        check(status == 0, "certify validate accepts the downloaded dossier: " + (out or err).strip())
        status, out, _ = cli(certify, "score", path, "--format", "json", "--date", DATE)
        record = json.loads(out) if status == 0 else {}
        check((number(record.get("total")), record.get("grade"), record.get("certified")) == want,
              "the downloaded dossier scores the same")
    # Korean, with an invalid value: the error summary links to the field.
    driver.get("%s/selfcheck/kr-smart-city/1.0?lang=ko&date=%s" % (url, DATE))
    fill_from_sample(driver, sample)
    field = driver.find_element(By.ID, "value-INN-1")
    field.clear()
    field.send_keys("3.5")
    post(driver, ".actions button[name='action'][value='check']")
    WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".error-summary"))
    links = driver.find_elements(By.CSS_SELECTOR, ".error-summary a[href='#value-INN-1']")
    check(len(links) == 1, "the error summary links to the INN-1 field")
    check(len(driver.find_elements(By.ID, "value-INN-1-error")) == 1, "the INN-1 field shows its error")
    axe_check(driver, "the self-check form with an error (ko)")
    screenshot(driver, os.path.join(args.screenshots, "selfcheck-ko-error.png"), height=1300)
    field = driver.find_element(By.ID, "value-INN-1")
    field.clear()
    field.send_keys("3")
    post(driver, ".actions button[name='action'][value='check']")
    WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-total]"))
    try:
        WebDriverWait(driver, 15).until(lambda d: shown_result(d) == want)
    except Exception:
        pass
    check(shown_result(driver) == want, "fixed, the Korean page shows the same result")
    screenshot(driver, os.path.join(args.screenshots, "selfcheck-ko.png"), height=1500)

    # Review sheet for a service dossier.
    service = os.path.join(args.samples, "service", "parking-pass")
    driver.get("%s/review?lang=en" % url)
    axe_check(driver, "the review upload page")
    driver.find_element(By.ID, "dossier").send_keys(os.path.join(service, "dossier.xml"))
    post(driver, "form button[type='submit']")
    WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.ID, "reviewer"))
    driver.find_element(By.ID, "reviewer").send_keys("R-07")
    for select in driver.find_elements(By.CSS_SELECTOR, "select[name^='judgment-']"):
        Select(select).select_by_value("4")
    for comment in driver.find_elements(By.CSS_SELECTOR, "textarea[name$='-comment']"):
        comment.send_keys("Reviewed in the browser test.")
    driver.find_element(By.CSS_SELECTOR, "input[name='decision-K3'][value='reject']").click()
    driver.find_element(By.ID, "reason-K3").send_keys("No baseline measurement.")
    axe_check(driver, "the filled review sheet")
    screenshot(driver, os.path.join(args.screenshots, "review-en.png"))
    before = set(os.listdir(downloads))
    button = driver.find_element(By.CSS_SELECTOR, "button[name='action'][value='download']")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    path = wait_download(downloads, ".xml", before)
    check(path is not None, "the review XML downloads")
    if path:
        status, out, err = cli(certify, "validate", path)
        check(status == 0, "certify validate accepts the downloaded review: " + (out or err).strip())
        reviews = [os.path.join(service, n) for n in sorted(os.listdir(service)) if n.startswith("review-")]
        args_score = ["score", os.path.join(service, "dossier.xml"), "--format", "json", "--date", DATE]
        for review in reviews + [path]:
            args_score += ["--review", review]
        status, out, err = cli(certify, *args_score)
        check(status == 0, "the downloaded review scores with its dossier and the panel's reviews")

    # Panel page: the dossier and its reviews.
    driver.get("%s/panel?lang=ko" % url)
    axe_check(driver, "the panel upload page")
    reviews = [os.path.join(service, n) for n in sorted(os.listdir(service)) if n.startswith("review-")]
    driver.find_element(By.ID, "dossier").send_keys(os.path.join(service, "dossier.xml"))
    driver.find_element(By.ID, "review").send_keys("\n".join(reviews))
    driver.find_element(By.ID, "date").send_keys(DATE)
    driver.find_element(By.ID, "official").click()
    post(driver, "form button[type='submit']")
    WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.ID, "report-command"))
    status, out, _ = cli(certify, "score", os.path.join(service, "dossier.xml"), "--format", "json", "--date", DATE,
                         "--official", *sum([["--review", r] for r in reviews], []))
    expected = json.loads(out)
    total, grade, certified = shown_result(driver)
    check((total, certified) == (number(expected["total"]), expected["certified"]),
          "panel page total %s equals certify score %s" % (total, number(expected["total"])))
    command = driver.find_element(By.ID, "report-command").get_attribute("textContent")
    check(command.startswith("certify report dossier.xml --review review-R-01.xml"), "the report command: " + command)
    axe_check(driver, "the panel result page")
    screenshot(driver, os.path.join(args.screenshots, "panel-ko.png"))

    driver.get("%s/?lang=ko" % url)
    axe_check(driver, "the home page")

    # The registry page (serve --registry): the certificate of the report
    # test-web registered, valid today, and axe-core on it.
    driver.get("%s/registry?lang=ko&q=KR-" % url)
    rows = driver.find_elements(By.CSS_SELECTOR, "[data-status]")
    check(len(rows) >= 1, "the registry page lists the registered certificate")
    axe_check(driver, "the registry page")

    # The pages as a Korean official uses them (issue 22).
    official_test.run(driver, url, args.samples, args.screenshots, downloads, check, fill_from_sample)


if __name__ == "__main__":
    sys.exit(main())
