#!/usr/bin/env python3
"""A whole certification round in the office, in headless Chromium, with a
browser session per person: the secretariat, the applicant, three
reviewers, a fourth reviewer with a conflict, and the chair.

The secretariat opens a smart service round and invites the panel (every
link arrives by mail); a reviewer declares an affiliation with the applicant
and its assignment is refused, saying why; the applicant submits the
streetlight sample; the secretariat accepts it and assigns the panel with
the assistant; reviewers fill in the review sheet (blind: before a reviewer
submits, the other reviews are neither in its pages nor at their
addresses); the chair confirms the engine's result with a second-factor
code; the signed report downloaded from the page verifies with `certify
verify --dossier` and stock `xmlsec1`; the applicant, not certified,
opens its plan and appeals; the secretariat reopens; the panel reviews
again; the chair's new decision certifies it, and the certificate's
inclusion in the registry's log is proved by Go's sumdb/tlog (tilecheck).
axe-core on every page; every page saved for the Nu checker; Korean
screenshots; every notice arrives by mail once, to its recipient, with a
Korean subject; `office audit` passes. Exit status 0 when every check passes.
"""
import argparse
import hashlib
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from office_test import Person, check, failures, notices_arrived_and_audit_passes, totp, wait_for_mail

REVIEW_NS = "{urn:certify:review:1}"
ORGANISATION = "KR-BRN-6058177201"


class Member(Person):
    """A person with a second factor: remembers the last TOTP step used (each code is accepted once)."""

    secret = None
    last_step = None

    def fresh_code(self):
        step = int(time.time() // 30)
        if step == self.last_step:
            time.sleep(30 - time.time() % 30 + 0.5)
            step = int(time.time() // 30)
        self.last_step = step
        return totp(self.secret)

    def enrol(self):
        self.secret = self.driver.find_element(By.ID, "totp-secret").text.strip()
        self.fill("code", self.fresh_code())
        self.click("form button[type=submit]")
        check("복구 코드" in self.text(), self.name + ": recovery codes shown once after enrolment")

    def fetch(self, path):
        """GET with this browser's cookies: (status, bytes)."""
        cookies = "; ".join("%s=%s" % (c["name"], c["value"]) for c in self.driver.get_cookies())
        request = urllib.request.Request(self.args.url.rstrip("/") + path, headers={"Cookie": cookies})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()


def link_in(body):
    match = re.search(r"http\S+/office/link/\S+", body or "")
    return match.group(0) if match else None


def fill_review(person, sheet):
    """Fills the review sheet from a sample review XML, as a reviewer would by hand."""
    root = ET.parse(sheet).getroot()
    for judgment in root.iter(REVIEW_NS + "judgment"):
        indicator = judgment.get("indicator")
        Select(person.driver.find_element(By.ID, "judgment-%s-score" % indicator)).select_by_value(judgment.get("score"))
        person.fill("judgment-%s-comment" % indicator, judgment.text or "")
    for decision in root.iter(REVIEW_NS + "kpi-decision"):
        kpi = decision.get("kpi")
        value = "accept" if decision.get("accepted") == "true" else "reject"
        person.driver.find_element(By.CSS_SELECTOR, "input[name='decision-%s'][value='%s']" % (kpi, value)).click()
        if decision.text:
            person.fill("reason-%s" % kpi, decision.text)


def verify_latest(args, app, sec, application_path, work, name, expected_exit, what):
    """Downloads the latest signed report from the applicant's page and its
    inputs from the secretariat's (the decided version, the reviews that
    counted), and verifies it with `certify verify --dossier` and stock xmlsec1."""
    report_link = app.driver.find_element(By.CSS_SELECTOR, "#decisions a.report-xml").get_attribute("href")
    status, report = app.fetch(report_link.replace(args.url.rstrip("/"), ""))
    check(status == 200 and b"<ds:SignatureValue>" in report, "the signed report downloads from the page (%s)" % name)
    report_path = os.path.join(work, name)
    open(report_path, "wb").write(report)
    page = sec.fetch(application_path)[1].decode("utf-8")
    dossier_path = os.path.join(work, name + ".dossier.xml")
    open(dossier_path, "wb").write(sec.fetch(re.findall(r'href="(%s/files/[0-9a-f]{64})"' % application_path, page)[-1])[1])
    panel_page = sec.fetch(application_path + "/panel")[1].decode("utf-8")
    reviews = []
    for index, digest in enumerate(re.findall(r'/reviews/([0-9a-f]{64})', panel_page)):
        path = os.path.join(work, "%s.review-%d.xml" % (name, index))
        open(path, "wb").write(sec.fetch(application_path + "/reviews/" + digest)[1])
        reviews += ["--review", path]
    verify = subprocess.run([args.certify, "verify", report_path, "--pubkey", args.public_key, "--dossier", dossier_path, *reviews],
                            capture_output=True, text=True, timeout=60)
    check(verify.returncode == expected_exit,
          "certify verify --dossier: %s (exit %d: %s)" % (what, verify.returncode, (verify.stdout + verify.stderr).strip()[-300:]))
    xmlsec = subprocess.run(["xmlsec1", "--verify", "--pubkey-pem", args.public_key, report_path], capture_output=True, text=True)
    check(xmlsec.returncode == 0, "stock xmlsec1 verifies the office's signed report %s (%s)" % (name, xmlsec.stderr.strip()[-200:]))


def main():
    parser = argparse.ArgumentParser()
    for name in ["url", "certify", "data", "link", "samples", "screenshots", "html", "maildir", "public-key", "log-key", "tilecheck"]:
        parser.add_argument("--" + name, required=True)
    args = parser.parse_args()
    os.makedirs(args.html, exist_ok=True)
    sample_dir = os.path.join(args.samples, "service", "streetlight-near-miss")
    work = os.path.join(args.html, "round-files")
    os.makedirs(work, exist_ok=True)

    # The secretariat: password, TOTP, a smart service round, the applicant's account.
    sec = Member("round-secretariat", args)
    sec.set_password(args.link, "한솔시 인증 담당 비밀번호 2026")
    sec.enrol()
    sec.open("/office/rounds?lang=ko")
    sec.fill("name", "2026년 스마트서비스 인증")
    Select(sec.driver.find_element(By.ID, "rubric")).select_by_value("kr-smart-service 1.0")
    sec.fill("opens", "2026-01-01")
    sec.fill("closes", "2099-12-31")
    sec.fill("review-deadline", "2100-01-31")
    sec.click("form[action^='/office/rounds?'] button[type=submit]")
    sec.driver.find_element(By.LINK_TEXT, "2026년 스마트서비스 인증").click()
    sec.settle()
    round_path = re.search(r"/office/rounds/\d+", sec.driver.current_url).group(0)
    sec.open("/office/accounts?lang=ko")
    sec.fill("email", "park@streetlight.example")
    sec.fill("name", "박가로등")
    Select(sec.driver.find_element(By.ID, "kind")).select_by_value("applicant")
    sec.fill("organisation-id", ORGANISATION)
    sec.fill("organisation-name", "가로등솔루션")
    sec.click("form[action^='/office/accounts?'] button[type=submit]")

    # The panel: four reviewers and a chair invited; each link arrives by mail.
    panel = [("r1@panel.example", "이심사", "reviewer"), ("r2@panel.example", "최심사", "reviewer"),
             ("r3@panel.example", "정심사", "reviewer"), ("r4@panel.example", "한관계", "reviewer"),
             ("chair@panel.example", "윤위원장", "chair")]
    for email_address, name, role in panel:
        sec.open(round_path + "?lang=ko")
        sec.fill("email", email_address)
        sec.fill("name", name)
        Select(sec.driver.find_element(By.ID, "role")).select_by_value(role)
        sec.click("#invite")
    check(all(code in sec.text() for code in ["R-01", "R-02", "R-03", "R-04", "C-01"]), "the round lists R-01..R-04 and C-01")

    people = {}
    for email_address, name, role in panel:
        body = wait_for_mail(args.maildir, email_address, "위촉되었습니다")
        check(link_in(body) is not None, "%s: the invitation mail carries a one-time link" % email_address)
        person = Member(email_address.split("@")[0], args)
        person.set_password(link_in(body), "%s 심사 비밀번호 2026" % name)
        if role == "chair":
            person.enrol()
        people[email_address] = person
    r1, r2, r3, r4, chair = (people[e] for e, _, _ in panel)

    # R-04 declares an affiliation with the applicant.
    r4.open("/office/profile?lang=ko")
    r4.fill("affiliations", ORGANISATION)
    r4.click("#save-profile")
    check("저장했습니다" in r4.text(), "R-04's affiliation is saved")

    # The applicant: the dossier from its file (evidence digests its own), evidence, submit.
    app = Member("round-applicant", args)
    app.set_password(link_in(wait_for_mail(args.maildir, "park@streetlight.example", "계정이 만들어졌습니다")), "가로등솔루션 담당자 비밀번호 2026")
    app.click("form[action*='/applications'] button[type=submit]")
    reference = re.search(r"R\d+-\d{4}", app.driver.title).group(0)
    application_path = re.search(r"/office/applications/\d+", app.driver.current_url).group(0)
    text = open(os.path.join(sample_dir, "dossier.xml"), encoding="utf-8").read()
    files = []
    for index, digest in enumerate(re.findall(r'sha256="([0-9a-f]{64})"', text)):
        content = ("가로등 증빙 %d" % (index + 1)).encode("utf-8")
        path = os.path.join(work, "evidence-%d.pdf" % (index + 1))
        open(path, "wb").write(content)
        files.append(path)
        text = text.replace(digest, hashlib.sha256(content).hexdigest(), 1)
    dossier_path = os.path.join(work, "streetlight.xml")
    open(dossier_path, "w", encoding="utf-8").write(text)
    app.driver.find_element(By.ID, "dossier-file").send_keys(dossier_path)
    app.click("form[action*='/draft'] button[type=submit]")
    for path in files:
        app.driver.find_element(By.ID, "file").send_keys(path)
        app.click("form[action*='/evidence'] button[type=submit]")
    app.click("#submit")
    check("제출했습니다" in app.text(), "the applicant submits " + reference)

    # The secretariat accepts; the affiliated reviewer's assignment is refused, saying why; the assistant assigns.
    sec.open(application_path + "?lang=ko")
    sec.click("#accept")
    r4_option = [o for o in sec.driver.find_elements(By.CSS_SELECTOR, "#member option") if o.text.startswith("R-04")][0]
    Select(sec.driver.find_element(By.ID, "member")).select_by_value(r4_option.get_attribute("value"))
    sec.click("#assign")
    check("관계가 있다고 밝혀 배정할 수 없습니다" in sec.text() and ORGANISATION in sec.text(),
          "assigning the affiliated reviewer is refused, naming the affiliation")
    sec.open(round_path + "?lang=ko")
    proposal = sec.driver.find_element(By.ID, "proposal").text
    check("C-01" in proposal and "R-01" in proposal and "R-03" in proposal and "R-04" not in proposal,
          "the assistant proposes the chair and R-01..R-03, never R-04")
    sec.screenshot("office-round-ko.png")
    sec.click("#assign-all")
    check("더 배정할 것이 없습니다" in sec.text(), "everything proposed is assigned")
    check(wait_for_mail(args.maildir, "r1@panel.example", "심사 배정") is not None, "R-01 is told of the assignment by mail")

    def review(person, sample, screenshot=None):
        person.open("/office/dashboard?lang=ko")
        check(reference in person.text() and "심사표 제출" in person.text(), person.name + ": the review waits on its dashboard")
        person.open(application_path + "/review?lang=ko")
        fill_review(person, os.path.join(sample_dir, sample))
        if screenshot:
            person.screenshot(screenshot)
        person.click("#submit-review")
        check("심사표를 제출했습니다" in person.text(), person.name + ": the review is submitted")

    # Cycle 1: R-02 submits first; R-01, before submitting, sees nothing of it.
    review(r2, "review-R-02.xml")
    r1.open(application_path + "/review?lang=ko")
    check("R-02" not in r1.driver.page_source, "blind: R-02's review is not in R-01's review page before R-01 submits")
    status, _ = r1.fetch(application_path + "/panel")
    check(status == 404, "blind: the panel's result answers 404 to R-01 before it submits (%d)" % status)
    sec_page = sec.fetch(application_path + "/panel")[1].decode("utf-8")
    r2_review = re.search(r'/reviews/([0-9a-f]{64})', sec_page).group(1)
    status, _ = r1.fetch(application_path + "/reviews/" + r2_review)
    check(status == 404, "blind: R-02's review XML answers 404 to R-01 before it submits (%d)" % status)
    review(r1, "review-R-01.xml", screenshot="office-review-ko.png")
    status, body = r1.fetch(application_path + "/reviews/" + r2_review)
    check(status == 200 and b'reviewer="R-02"' in body, "after submitting, R-01 sees R-02's review")
    review(r3, "review-R-04.xml")  # R-03 scores as the sample's fourth reviewer did

    # The chair: the engine's result, confirmed with a fresh code.
    chair.open("/office/dashboard?lang=ko")
    check(reference in chair.text() and "결과 확정" in chair.text(), "the decision waits on the chair's dashboard")
    chair.open(application_path + "/panel?lang=ko")
    check("59.54" in chair.text(), "the panel's result is the engine's: 59.54 with R-01, R-02 and R-04's sheets")
    chair.fill("note", "심사위원 3인의 심사 결과를 확정합니다.")
    chair.fill("code", "12345")
    chair.click("#confirm")
    check("인증 코드가 맞지 않습니다" in chair.text(), "a wrong code is refused")
    chair.fill("note", "심사위원 3인의 심사 결과를 확정합니다.")
    chair.fill("code", chair.fresh_code())
    chair.screenshot("office-panel-ko.png")
    chair.click("#confirm")
    check("결과를 확정했습니다" in chair.text(), "the chair confirms the result")

    # The applicant: the result, the signed report, the plan; the report verifies with certify and xmlsec1.
    app.open(application_path + "?lang=ko")
    check("인증 안 됨" in app.text() and "59.54" in app.text(), "the applicant sees its result")
    app.screenshot("office-decision-ko.png")
    verify_latest(args, app, sec, application_path, work, "report-1.xml", expected_exit=3,
                  what="valid, with the office's inputs, and not certified")
    app.click("#plan-link")
    check("계획" in app.text(), "the applicant opens the plan to the next outcome")
    app.open(application_path + "?lang=ko")
    app.fill("appeal-reason", "K2 평균 복구시간 불인정 사유가 계약 조건과 다릅니다.")
    app.click("#appeal")
    check("이의 신청" in app.text() and "이의 신청됨" in app.text(), "the applicant appeals within the period")

    # The secretariat reopens; the panel reviews again; the chair decides again.
    sec.open(application_path + "?lang=ko")
    sec.click("#reopen")
    check("심사 중" in sec.text(), "reopened: in review again")
    review(r1, "review-R-01.xml")
    review(r2, "review-R-02.xml")
    review(r3, "review-R-03.xml")
    chair.open(application_path + "/panel?lang=ko")
    check("60.05" in chair.text(), "the new result is the engine's: 60.05")
    chair.fill("note", "이의 신청에 따른 재심사 결과를 확정합니다.")
    chair.fill("code", chair.fresh_code())
    chair.click("#confirm")
    app.open(application_path + "?lang=ko")
    check(app.text().count("인증 안 됨") == 1 and "60.05" in app.text(), "both decisions are on record; the new one certifies")
    certificate = app.driver.find_elements(By.CSS_SELECTOR, "#decisions a.certificate")
    check(bool(certificate), "the new decision links to its certificate in the registry")
    app.screenshot("office-decision-certified-ko.png")
    verify_latest(args, app, sec, application_path, work, "report-2.xml", expected_exit=0,
                  what="valid, with the office's inputs, certified and current")

    # The certificate's inclusion in the log, proved by Go's sumdb/tlog from the server's tiles.
    tiles = subprocess.run([args.tilecheck, args.log_key, args.url.rstrip("/") + "/log"], capture_output=True, text=True, timeout=120)
    check(tiles.returncode == 0 and tiles.stdout.startswith("tilecheck: 1 entries proved included"),
          "Go's sumdb/tlog proves the certificate's entry included (%s)" % (tiles.stdout + tiles.stderr).strip())

    for person in [sec, app, r1, r2, r3, r4, chair]:
        person.quit()
    # Every notice arrived once, to its recipient, with a Korean subject; the audit passes.
    received = notices_arrived_and_audit_passes(args, minimum=20)
    for recipient, words in [("park@streetlight.example", "인증 결과"), ("r1@panel.example", "재심사"),
                             ("chair@panel.example", "모두 제출"), ("sec@office.example", "이의 신청")]:
        check(any(to == recipient and words in subject for to, subject in received), "%s got a mail about '%s'" % (recipient, words))
    if failures:
        print("%d failed" % len(failures))
        sys.exit(1)
    print("office round test passed")


if __name__ == "__main__":
    main()
