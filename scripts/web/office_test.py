#!/usr/bin/env python3
"""Browser test of the certification office (`certify serve --data`) in
headless Chromium (Selenium): the secretariat sets its password from the
one-time link printed by `certify office init`, enrols TOTP, opens a round
and creates an applicant account; the applicant sets its password, starts
an application, pastes its dossier, uploads evidence and submits; the
secretariat returns it with a request; the applicant answers and
resubmits; the secretariat accepts. axe-core on every page (no serious or
critical violation); Korean screenshots; every page's HTML saved for the
Nu checker. Exit status 0 when every check passes.
"""
import argparse
import base64
import email
import email.header
import email.policy
import mailbox
import sqlite3
import hashlib
import hmac
import os
import re
import struct
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select
from axe_selenium_python import Axe

failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message, flush=True)
    if not condition:
        failures.append(message)


def totp(secret_base32, at=None):
    """RFC 6238 with SHA-1, 6 digits, 30-second steps (written from the RFC)."""
    padded = secret_base32 + "=" * (-len(secret_base32) % 8)
    key = base64.b32decode(padded)
    step = int((at or time.time()) // 30)
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000
    return "%06d" % value


def make_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1000", "--lang=ko-KR", "--font-render-hinting=none"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "ko-KR,ko"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    return driver


class Person:
    """One browser session: a person at the office."""

    def __init__(self, name, args):
        self.name = name
        self.args = args
        self.driver = make_driver()
        self.pages = 0

    def open(self, path):
        self.driver.get(self.args.url.rstrip("/") + path)
        self.settle()

    def settle(self):
        self.pages += 1
        source = self.driver.page_source
        with open(os.path.join(self.args.html, "%s-%02d.html" % (self.name, self.pages)), "w") as out:
            out.write("<!DOCTYPE html>\n" + self.driver.execute_script("return document.documentElement.outerHTML"))
        axe = Axe(self.driver)
        axe.inject()
        bad = [v for v in axe.run()["violations"] if v.get("impact") in ("serious", "critical")]
        for violation in bad:
            print("     axe: %s (%s): %s" % (violation["id"], violation["impact"], violation["help"]))
        check(not bad, "%s page %d (%s): no serious or critical axe violation" % (self.name, self.pages, self.driver.title))
        return source

    def fill(self, field, text):
        element = self.driver.find_element(By.ID, field)
        element.clear()
        element.send_keys(text)

    def click(self, selector):
        self.driver.find_element(By.CSS_SELECTOR, selector).click()
        self.settle()

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def screenshot(self, name, width=1280):
        height = self.driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
        self.driver.set_window_size(width, min(max(height, 800), 6000))
        self.driver.execute_script("window.scrollTo(0, 0)")
        time.sleep(0.3)
        path = os.path.join(self.args.screenshots, name)
        self.driver.save_screenshot(path)
        self.driver.set_window_size(1280, 1000)
        print("     screenshot " + path)

    def set_password(self, link, password):
        self.driver.get(link)
        self.settle()
        check("비밀번호 설정" in self.text(), self.name + ": the link shows the set-password form in Korean")
        self.fill("password", password)
        self.fill("password-again", password)
        self.click("form button[type=submit]")

    def enrol(self):
        secret = self.driver.find_element(By.ID, "totp-secret").text.strip()
        self.fill("code", totp(secret))
        self.click("form button[type=submit]")
        check("복구 코드" in self.text(), self.name + ": recovery codes shown once after enrolment")

    def quit(self):
        self.driver.quit()


def mails(maildir):
    """The messages the sink received: (recipient, decoded subject, body)."""
    out = []
    for message in mailbox.Maildir(maildir, factory=None):
        parsed = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
        subject = str(email.header.make_header(email.header.decode_header(message["Subject"])))
        out.append((parsed["To"], subject, parsed.get_content()))
    return out


def wait_for_mail(maildir, recipient, words, timeout=30):
    """The body of the first mail to `recipient` whose subject holds `words`."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for to, subject, body in mails(maildir):
            if to == recipient and words in subject:
                return body
        time.sleep(0.2)
    return None


def certify(args, *more):
    return subprocess.run([args.certify, *more], capture_output=True, text=True, timeout=60)


def notices_arrived_and_audit_passes(args, minimum):
    """Every notice the office queued arrived once, to its recipient, with a
    Korean subject; `office audit` passes. Returns the mails (recipient, subject)."""
    time.sleep(2)
    db = sqlite3.connect(os.path.join(args.data, "office.sqlite"))
    queued = sorted((r, s) for r, s in db.execute("SELECT recipient, subject FROM notice"))
    db.close()
    received = sorted((to, subject) for to, subject, _ in mails(args.maildir))
    check(received == queued and len(received) >= minimum,
          "every notice arrived once, to its recipient (%d mails: %s)" % (len(received), [s for _, s in received]))
    check(all(re.search("[가-힣]", subject) for _, subject in received), "every subject decodes to Korean")
    audit = certify(args, "office", "audit", "--data", args.data)
    check(audit.returncode == 0, "office audit passes after the round (%s)" % audit.stdout.strip())
    return received


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--certify", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--link", required=True, help="the set-password link office init printed")
    parser.add_argument("--samples", required=True)
    parser.add_argument("--screenshots", required=True)
    parser.add_argument("--html", required=True)
    parser.add_argument("--maildir", required=True, help="the SMTP sink's Maildir")
    args = parser.parse_args()
    os.makedirs(args.html, exist_ok=True)
    os.makedirs(args.screenshots, exist_ok=True)
    password = "한솔시 인증 담당 비밀번호 2026"

    # The secretariat: its link, TOTP, a round, an applicant account.
    sec = Person("secretariat", args)
    sec.set_password(args.link, password)
    sec.screenshot("office-second-factor-ko.png")
    sec.enrol()
    sec.open("/office/rounds?lang=ko")
    sec.fill("name", "2026년 1차 스마트도시 인증")
    Select(sec.driver.find_element(By.ID, "rubric")).select_by_value("kr-smart-city 1.0")
    sec.fill("opens", "2026-01-01")
    sec.fill("closes", "2099-12-31")
    sec.fill("review-deadline", "2100-01-31")
    sec.click("form[action^='/office/rounds?'] button[type=submit]")
    check("2026년 1차 스마트도시 인증" in sec.text(), "the round is listed")
    sec.screenshot("office-rounds-ko.png")
    sec.open("/office/accounts?lang=ko")
    sec.fill("email", "kim@solbit.go.kr")
    sec.fill("name", "김솔빛")
    Select(sec.driver.find_element(By.ID, "kind")).select_by_value("applicant")
    sec.fill("organisation-id", "KR-SOLBIT")
    sec.fill("organisation-name", "솔빛군")
    sec.click("form[action^='/office/accounts?'] button[type=submit]")
    # With --sendmail the link is not shown: it goes by mail, as the applicant reads it.
    check(not sec.driver.find_elements(By.ID, "issued-link"), "the link is not shown when the office sends mail")
    body = wait_for_mail(args.maildir, "kim@solbit.go.kr", "인증 사무국 계정이 만들어졌습니다")
    check(body is not None, "the applicant's account mail arrived in the sink with its Korean subject")
    applicant_link = re.search(r"http\S+/office/link/\S+", body or "").group(0)
    check("/office/link/" in applicant_link, "the mail carries the one-time link")
    sec.screenshot("office-accounts-ko.png")

    # The applicant: its link, an application, the dossier, evidence, submit.
    app = Person("applicant", args)
    app.set_password(applicant_link, "솔빛군 스마트도시 담당자 2026")
    check("할 일" in app.text(), "the applicant lands on its dashboard")
    app.click("form[action*='/applications'] button[type=submit]")
    check("작성 중" in app.text(), "a new application is a draft")
    reference = re.search(r"R\d+-\d{4}", app.driver.title).group(0)
    sample = open(os.path.join(args.samples, "city", "solbit-missing-transport.xml"), encoding="utf-8").read()
    evidence = "솔빛군 리빙랩 운영 실적 2025".encode("utf-8")
    digest = hashlib.sha256(evidence).hexdigest()
    sample = sample.replace("</submitted>", "</submitted>\n  <evidence id=\"X1\" sha256=\"%s\">리빙랩 운영 실적</evidence>" % digest)
    # The draft starts from a dossier file the county already has ...
    dossier_path = os.path.join(args.html, "solbit.xml")
    with open(dossier_path, "w", encoding="utf-8") as out:
        out.write(sample)
    app.driver.find_element(By.ID, "dossier-file").send_keys(dossier_path)
    app.click("form[action*='/draft'] button[type=submit]")
    check("저장했습니다" in app.text(), "the draft is filled in from the dossier file")
    # ... and is edited in the self-check form, with the live score.
    app.click("#edit-draft")
    check(app.driver.find_elements(By.ID, "selfcheck") and "총점" in app.text(), "the draft opens in the self-check form with its score")
    field = app.driver.find_element(By.ID, "value-INN-1")
    field.clear()
    field.send_keys("３")
    time.sleep(1.5)
    app.screenshot("office-draft-form-ko.png")
    app.click("#save-draft")
    check("저장했습니다" in app.text(), "the form's save button stores the draft")
    # Submitting before the evidence is uploaded names the missing file.
    app.click("#submit")
    check("파일이 올라오지 않았습니다" in app.text(), "a declared digest without its file is refused, in Korean")
    path = os.path.join(args.html, "living-lab.pdf")
    with open(path, "wb") as out:
        out.write(evidence)
    app.driver.find_element(By.ID, "file").send_keys(path)
    app.click("form[action*='/evidence'] button[type=submit]")
    check(digest in app.driver.page_source, "the evidence file is listed by its SHA-256")
    app.click("#submit")
    check("제출했습니다" in app.text() and "제출됨" in app.text(), "the application is submitted")
    app.screenshot("office-application-submitted-ko.png")

    # The secretariat returns it with a request.
    sec.open("/office/dashboard?lang=ko")
    check(reference in sec.text(), "the submission waits on the secretariat's dashboard")
    sec.screenshot("office-dashboard-secretariat-ko.png")
    sec.driver.find_element(By.LINK_TEXT, reference).click()
    sec.settle()
    Select(sec.driver.find_element(By.ID, "request-indicator")).select_by_value("SVC-TRA")
    sec.fill("request-text", "필수 지표 SVC-TRA(교통)의 값을 보완하십시오.")
    sec.click("#return")
    check("보완을 요청했습니다" in sec.text(), "returned with a request")

    # The applicant sees the request and the deadline, answers and resubmits.
    app.open("/office/dashboard?lang=ko")
    check("보완 요청됨" in app.text(), "the applicant's dashboard shows the return")
    app.driver.find_element(By.LINK_TEXT, reference).click()
    app.settle()
    check("SVC-TRA" in app.text() and "보완 기한" in app.text(), "the request and its deadline are shown")
    app.screenshot("office-application-returned-ko.png")
    app.click("#edit-draft")
    field = app.driver.find_element(By.ID, "value-SVC-TRA")
    field.clear()
    field.send_keys("2")
    app.click("#save-draft")
    app.click("#submit")
    check("제출했습니다" in app.text(), "resubmitted")
    check(len(app.driver.find_elements(By.CSS_SELECTOR, "#versions li")) == 2,
          "both submitted versions are listed")

    # The secretariat accepts.
    sec.open("/office/dashboard?lang=ko")
    sec.driver.find_element(By.LINK_TEXT, reference).click()
    sec.settle()
    sec.click("#accept")
    check("심사 중" in sec.text(), "accepted: in review")

    sec.quit()
    app.quit()
    # Every notice the office queued arrived once, to its recipient, with a Korean subject.
    notices_arrived_and_audit_passes(args, minimum=5)
    if failures:
        print("%d failed" % len(failures))
        sys.exit(1)
    print("office browser test passed")


if __name__ == "__main__":
    main()
