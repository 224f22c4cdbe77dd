#!/usr/bin/env python3
"""Saves the HTML of every page of `certify serve` (both languages, with
and without errors, each result page) for the Nu HTML checker."""
import os
import sys
import urllib.error
import urllib.request
import uuid

url, samples, out = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)


def multipart(fields=(), files=()):
    boundary = "b" + uuid.uuid4().hex
    body = b""
    for name, value in fields:
        body += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (boundary, name, value)).encode()
    for name, path in files:
        with open(path, "rb") as handle:
            data = handle.read()
        body += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\nContent-Type: application/xml\r\n\r\n"
                 % (boundary, name, os.path.basename(path))).encode() + data + b"\r\n"
    return body + ("--%s--\r\n" % boundary).encode(), "multipart/form-data; boundary=" + boundary


def save(name, path, fields=None, files=None, expect=(200,)):
    if fields is None and files is None:
        request = urllib.request.Request(url + path)
    else:
        body, content_type = multipart(fields or (), files or ())
        request = urllib.request.Request(url + path, data=body, headers={"Content-Type": content_type})
    try:
        response = urllib.request.urlopen(request, timeout=30)
        status, html = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, html = error.code, error.read()
    if status not in expect:
        print("unexpected status %d for %s" % (status, path))
        sys.exit(1)
    with open(os.path.join(out, name + ".html"), "wb") as handle:
        handle.write(html)
    print("saved %s (%d) %s" % (name, status, path))


city = os.path.join(samples, "city", "hansol-grade-a.xml")
service = os.path.join(samples, "service", "bus-shelter-joint")
reviews = [("review", os.path.join(service, n)) for n in sorted(os.listdir(service)) if n.startswith("review-")]
for lang in ("en", "ko"):
    save("home-" + lang, "/?lang=" + lang)
    # The registry page (serve --registry): all, a search, nothing found.
    save("registry-" + lang, "/registry?lang=" + lang)
    save("registry-search-" + lang, "/registry?q=KR-&lang=" + lang)
    save("registry-none-" + lang, "/registry?q=nobody&lang=" + lang)
    # The certificate pages: in force and renewed, its renewal, revoked; a
    # date that cannot be read; unknown and malformed ids.
    for certificate in ("KR-SC-2026-0001", "KR-SC-2028-0001", "KR-SS-2026-0001"):
        save("certificate-%s-%s" % (certificate, lang), "/certificates/%s?lang=%s" % (certificate, lang))
    save("certificate-bad-date-" + lang, "/certificates/KR-SC-2026-0001?at=2026-02-30&lang=" + lang, expect=(400,))
    save("certificate-unknown-" + lang, "/certificates/KR-XX-2026-0999?lang=" + lang, expect=(404,))
    save("certificate-malformed-" + lang, "/certificates/%3Cb%3E?lang=" + lang, expect=(404,))
    for rubric in ("kr-smart-city", "kr-smart-service"):
        save("selfcheck-%s-%s" % (rubric, lang), "/selfcheck/%s/1.0?lang=%s" % (rubric, lang))
    save("selfcheck-errors-" + lang, "/selfcheck/kr-smart-city/1.0?lang=" + lang,
         fields=[("value-INN-1", "3.5"), ("value-GOV-2", "done"), ("action", "check")], expect=(422,))
    save("selfcheck-fragment-" + lang, "/selfcheck/kr-smart-city/1.0?lang=" + lang,
         fields=[("value-INN-1", "3"), ("action", "check")])
    save("selfcheck-prefilled-" + lang, "/selfcheck/upload?lang=" + lang, files=[("dossier", city)])
    save("selfcheck-prefilled-service-" + lang, "/selfcheck/upload?lang=" + lang,
         files=[("dossier", os.path.join(service, "dossier.xml"))])
    save("upload-error-" + lang, "/selfcheck/upload?lang=" + lang,
         files=[("dossier", os.path.join(samples, "invalid", "doctype-entity.xml"))], expect=(422,))
    save("review-upload-" + lang, "/review?lang=" + lang)
    save("review-sheet-" + lang, "/review?lang=" + lang, files=[("dossier", os.path.join(service, "dossier.xml"))])
    save("review-errors-" + lang, "/review?lang=" + lang,
         fields=[("dossier-id", "X"), ("rubric", "kr-smart-service"), ("rubric-version", "1.0"), ("reviewer", ""),
                 ("judgment-COM-1-score", "9"), ("action", "download")], expect=(422,))
    save("panel-upload-" + lang, "/panel?lang=" + lang)
    save("panel-" + lang, "/panel?lang=" + lang, fields=[("date", "2026-03-02")],
         files=[("dossier", os.path.join(service, "dossier.xml"))] + reviews)
    save("panel-errors-" + lang, "/panel?lang=" + lang, fields=[("date", "soon")],
         files=[("dossier", os.path.join(service, "dossier.xml"))], expect=(422,))
    save("not-found-" + lang, "/selfcheck/no-such/1.0?lang=" + lang, expect=(404,))
