#!/usr/bin/env python3
"""axe-core on the cohort and compare pages, in headless Chromium.

`certify cohort --format html` and `certify compare --format html` write
self-contained files; this writes them for the samples (the sample cohort
in Korean and English, a cohort of mixed rubrics with invalid dossiers, the
sample compare in both languages), opens each from disk, runs axe-core (no
serious or critical violation) and saves screenshots of the top of the
cohort page (cohort-ko.png, cohort-en.png). Exit status 0 when every check passes.

    .build-web/venv/bin/python scripts/web/cohort_pages.py \
        --certify .build/debug/certify --screenshots docs/screenshots
"""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_test  # noqa: E402
from browser_test import axe_check, check, make_driver, screenshot  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATE = ["--date", "2026-03-02"]


def pages(certify, directory):
    """The pages: name → (arguments, expected exit status)."""
    compare = ["--with", "Samples/calibration/kr-smart-city-1.1.xml", "Samples/cohort"]
    mixed = ["Samples/city", "Samples/service/parking-pass/dossier.xml",
             "Samples/invalid/negative-count.xml", "Samples/invalid/doctype-entity.xml"]
    cases = {
        "cohort-ko": (["cohort", "--lang", "ko", "Samples/cohort"], 0),
        "cohort-en": (["cohort", "--lang", "en", "Samples/cohort"], 0),
        # Invalid dossiers: exit 65 by design, the page is still written.
        "cohort-mixed-ko": (["cohort", "--lang", "ko"] + mixed, 65),
        "compare-ko": (["compare", "--lang", "ko"] + compare, 0),
        "compare-en": (["compare", "--lang", "en"] + compare, 0),
    }
    written = {}
    for name, (arguments, expected) in cases.items():
        path = os.path.join(directory, name + ".html")
        command = [certify, arguments[0]] + DATE + ["--format", "html", "--out", path] + arguments[1:]
        run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
        check(run.returncode == expected and os.path.exists(path),
              "certify %s wrote %s (exit %d)" % (arguments[0], name, run.returncode))
        written[name] = path
    return written


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--certify", required=True)
    parser.add_argument("--screenshots", required=True)
    args = parser.parse_args()
    certify = os.path.abspath(args.certify)
    os.makedirs(args.screenshots, exist_ok=True)
    directory = tempfile.mkdtemp(prefix="certify-cohort-pages-")
    written = pages(certify, directory)
    driver = make_driver(directory)
    try:
        for name, path in written.items():
            driver.get("file://" + path)
            check(driver.find_element("css selector", "h1").text.strip() != "", "%s shows its heading" % name)
            # The stylesheet is inline and applies: the site header is the brand's colour.
            header = driver.find_element("css selector", ".site-header")
            check(header.value_of_css_property("background-color") == "rgba(29, 79, 145, 1)",
                  "%s uses the shared stylesheet" % name)
            axe_check(driver, name)
            if name in ("cohort-ko", "cohort-en"):
                screenshot(driver, os.path.abspath(os.path.join(args.screenshots, name + ".png")), height=1800)
    finally:
        driver.quit()
    if browser_test.failures:
        print("%d cohort page check(s) failed" % len(browser_test.failures))
        return 1
    print("cohort pages: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
