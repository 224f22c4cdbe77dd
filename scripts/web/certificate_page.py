#!/usr/bin/env python3
"""The certificate page (/certificates/{id}) in headless Chromium.

The page checks its certificate against the public log in the browser.
This test puts a small HTTP proxy of its own between the browser and
`certify serve`, so that nothing in the product has a test switch: the
proxy passes everything through, or rewrites the proof the page fetches
(`/api/v1/certificates/{id}/proof`):

  - pass:       unchanged: the page must say "verified";
  - proof:      one hash of an inclusion proof changed: "not verified";
  - root:       the checkpoint's root hash changed, signature kept: "not verified";
  - other-key:  the checkpoint text signed by another Ed25519 key under the
                log's name and key id: "not verified" (WebCrypto must really
                verify the signature, not just compare key ids);
  - entry:      the entry's text changed (the proof no longer leads to the
                root): "not verified";
  - swap:       another certificate's genuine entries and proofs: the proofs
                hold, but the entries do not say what the page says: "not verified";
  - report:     the downloadable report changed: "not verified";
  - holder:     the page itself shows another holder's name: "not verified".

Also: the renewal chain and the revocation shown, 404 pages in the page's
language, axe-core on the page, and the print layout (A4, Korean)
screenshotted into docs/screenshots.
"""
import argparse
import base64
import http.client
import http.server
import json
import os
import re
import sys
import tempfile
import threading
import time
import urllib.parse

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_test  # noqa: E402
from browser_test import axe_check, check  # noqa: E402

MODE = {"name": "pass"}


def flip(b64):
    raw = bytearray(base64.b64decode(b64))
    raw[0] ^= 0x01
    return base64.b64encode(bytes(raw)).decode()


def rewrite_proof(body, fetch):
    """The proof answer as MODE says (`fetch(path)`: the upstream's answer)."""
    answer = json.loads(body)
    mode = MODE["name"]
    if mode == "swap":
        # Another certificate's genuine entries and proofs.
        answer = json.loads(fetch("/api/v1/certificates/%s/proof" % MODE["swap"]))
        answer["certificate"] = json.loads(body)["certificate"]
    elif mode == "proof":
        entry = next(e for e in answer["entries"] if e["proof"])
        entry["proof"][0] = flip(entry["proof"][0])
    elif mode == "entry":
        entry = answer["entries"][0]
        text = base64.b64decode(entry["entry"]).replace(b"valid-until 20", b"valid-until 21")
        entry["entry"] = base64.b64encode(text).decode()
    elif mode in ("root", "other-key"):
        note = answer["checkpoint"]
        text, signatures = note.split("\n\n", 1)
        text += "\n"
        line = signatures.rstrip("\n")
        dash, name, signature = line.split(" ")
        raw = base64.b64decode(signature)
        if mode == "root":
            origin, size, root = text.rstrip("\n").split("\n")
            text = "%s\n%s\n%s\n" % (origin, size, flip(root))
        else:
            # Another key, under the log's name and key id.
            other = Ed25519PrivateKey.generate().sign(text.encode())
            raw = raw[:4] + other
        answer["checkpoint"] = "%s\n%s %s %s\n" % (text, dash, name, base64.b64encode(raw).decode())
    return json.dumps(answer).encode()


def proxy(upstream):
    """A proxy to `upstream` (host, port) that rewrites as MODE says."""
    host, port = upstream

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            connection = http.client.HTTPConnection(host, port, timeout=30)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
            connection.request("GET", self.path, headers=headers)
            response = connection.getresponse()
            body = response.read()
            path = urllib.parse.urlsplit(self.path).path

            def fetch(other):
                side = http.client.HTTPConnection(host, port, timeout=30)
                side.request("GET", other)
                answer = side.getresponse().read()
                side.close()
                return answer

            if response.status == 200 and path.endswith("/proof"):
                body = rewrite_proof(body, fetch)
            if response.status == 200 and path.startswith("/certificates/") and MODE["name"] == "holder":
                body = body.replace("한솔시 / Hansol City".encode(), "다른시 / Other City".encode())
            if response.status == 200 and path.endswith("/report") and MODE["name"] == "report":
                body = body.replace(b"<", b" <", 1)
            self.send_response(response.status)
            for name, value in response.getheaders():
                if name.lower() not in ("content-length", "connection", "transfer-encoding"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)
            connection.close()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def capture(driver, path):
    with open(path, "wb") as handle:
        handle.write(base64.b64decode(driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]))
    print("     screenshot " + path)


def full_page(driver, path, width):
    """The whole page at `width` CSS pixels."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    time.sleep(0.3)
    capture(driver, path)
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def verdict(driver, timeout=20):
    """The page's verdict once the check has finished: (state, text)."""
    result = driver.find_element(By.ID, "verify-result")
    WebDriverWait(driver, timeout).until(lambda d: result.get_attribute("data-state") != "checking")
    return result.get_attribute("data-state"), result.text


def run(driver, base, certificates, screenshots):
    issued, renewed, revoked = certificates[:3]
    MODE["swap"] = renewed
    # Every check below goes through the proxy.
    for lang, word in (("en", "Verified"), ("ko", "확인됨")):
        MODE["name"] = "pass"
        driver.get("%s/certificates/%s?lang=%s" % (base, issued, lang))
        state, text = verdict(driver)
        check(state == "verified" and text.startswith(word), "%s: the page says verified (%s): %s" % (issued, lang, text))
    address = driver.find_element(By.CSS_SELECTOR, "[data-address]").get_attribute("textContent")
    check(address == "%s/certificates/%s" % (base, issued), "the printed address is the page's: " + address)
    successor = driver.find_elements(By.CSS_SELECTOR, "a[rel=next]")
    check(len(successor) == 1 and successor[0].text == renewed, "the renewal chain links to the successor " + renewed)
    axe_check(driver, "the certificate page (ko)")

    driver.get("%s/certificates/%s?lang=en" % (base, renewed))
    state, _ = verdict(driver)
    predecessor = driver.find_elements(By.CSS_SELECTOR, "a[rel=prev]")
    check(state == "verified" and len(predecessor) == 1 and predecessor[0].text == issued,
          "the renewal is verified and links back to " + issued)

    driver.get("%s/certificates/%s?lang=en" % (base, revoked))
    state, _ = verdict(driver)
    status = driver.find_element(By.CSS_SELECTOR, ".cert-status [data-status]").get_attribute("data-status")
    reason = driver.find_element(By.CSS_SELECTOR, "dd.revoked").text
    check(state == "verified" and status == "revoked" and "test-web" in reason,
          "a revoked certificate is verified (its revocation entry too), shown revoked with its reason: " + reason)
    axe_check(driver, "a revoked certificate's page (en)")

    for other in certificates[3:]:
        driver.get("%s/certificates/%s?lang=en" % (base, other))
        state, text = verdict(driver)
        check(state == "verified", "%s: the page says verified: %s" % (other, text))

    driver.get("%s/certificates/%s?lang=en&at=2026-03-01" % (base, issued))
    status = driver.find_element(By.CSS_SELECTOR, ".cert-status [data-status]").get_attribute("data-status")
    check(status == "not-yet-valid", "?at= gives the status on that day: " + status)

    # The revoked certificate has an issue and a revoke entry: both proofs are changed in turn.
    for mode, why, target in (("proof", "inclusion proof", revoked), ("root", "signature", issued),
                              ("other-key", "signature", issued), ("entry", "inclusion proof", issued),
                              ("swap", "do not say", issued), ("holder", "do not say", issued),
                              ("report", "report", issued)):
        MODE["name"] = mode
        driver.get("%s/certificates/%s?lang=en" % (base, target))
        state, text = verdict(driver)
        check(state == "not-verified" and text.startswith("Not verified") and why in text,
              "served a wrong %s: the page says not verified: %s" % (mode, text))
    MODE["name"] = "other-key"
    driver.get("%s/certificates/%s?lang=ko" % (base, issued))
    state, text = verdict(driver)
    check(state == "not-verified" and text.startswith("확인되지 않음"), "not verified, in Korean: " + text)
    MODE["name"] = "pass"

    for path, words in (("/certificates/KR-XX-2026-0999?lang=ko", "없습니다"),
                        ("/certificates/KR-XX-2026-0999?lang=en", "There is no certificate KR-XX-2026-0999"),
                        ("/certificates/not%20an%20id?lang=en", "'not an id' is not a certificate number")):
        driver.get(base + path)
        heading = driver.find_element(By.TAG_NAME, "h1").text
        check(words in heading, "%s: %s" % (path, heading))

    # The print layout, Korean, as one A4 sheet at 96 dpi (794 x 1123 px)
    # with the 15 mm margins of the stylesheet's @page rule.
    driver.get("%s/certificates/%s?lang=ko" % (base, issued))
    verdict(driver)
    full_page(driver, os.path.join(screenshots, "certificate-ko.png"), 1280)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    sheet = driver.find_element(By.CSS_SELECTOR, ".certificate-sheet")
    others = driver.execute_script(
        "return Array.from(document.querySelectorAll('.certificate-page > :not(.certificate-sheet), .site-header, .site-footer'))"
        ".filter(e => getComputedStyle(e).display !== 'none').length")
    check(sheet.is_displayed() and others == 0, "printing shows the certificate sheet only")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 794, "height": 1123, "deviceScaleFactor": 1, "mobile": False})
    driver.execute_script("document.documentElement.style.padding = '15mm'; document.documentElement.style.overflow = 'hidden'")
    time.sleep(0.3)
    capture(driver, os.path.join(screenshots, "certificate-print-ko.png"))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.execute_script("document.documentElement.style.padding = ''; document.documentElement.style.overflow = ''")
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", base64.b64decode(pdf["data"])))
    check(pages == 1, "the certificate prints on one page (%d)" % pages)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--screenshots", required=True)
    parser.add_argument("--certificates", nargs="+", required=True,
                        help="an issued certificate, its renewal, a revoked one, then any others (all must verify)")
    args = parser.parse_args()
    upstream = urllib.parse.urlsplit(args.url)
    server = proxy((upstream.hostname, upstream.port))
    base = "http://127.0.0.1:%d" % server.server_address[1]
    os.makedirs(args.screenshots, exist_ok=True)
    downloads = tempfile.mkdtemp()
    driver = browser_test.make_driver(downloads)
    try:
        run(driver, base, args.certificates, args.screenshots)
    finally:
        driver.quit()
        server.shutdown()
    if browser_test.failures:
        print("%d checks failed" % len(browser_test.failures))
        return 1
    print("certificate page checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
