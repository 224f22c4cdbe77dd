"""A scripted person at the office over HTTP (urllib): cookies, the CSRF
token of each page, the Origin header, TOTP. Used by the crash test and
the benchmark."""
import base64
import hashlib
import hmac
import http.cookiejar
import re
import struct
import time
import urllib.error
import urllib.parse
import urllib.request


def totp(secret_base32, at=None):
    """RFC 6238 with SHA-1, 6 digits, 30-second steps."""
    key = base64.b32decode(secret_base32 + "=" * (-len(secret_base32) % 8))
    step = int((at or time.time()) // 30)
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    def __init__(self, base, timeout=10):
        self.base = base.rstrip("/")
        self.origin = re.match(r"https?://[^/]+", self.base).group(0)
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)
        self.timeout = timeout
        self.csrf = None
        # The second factor: the secret once enrolled, the last step used and when.
        self.secret = None
        self.last_step = None
        self.code_at = 0.0

    def request(self, method, path, fields=None, files=None):
        """Returns (status, headers, text). Raises OSError when the server is gone."""
        url = path if path.startswith("http") else self.base + path
        data = None
        headers = {}
        if method == "POST":
            headers["Origin"] = self.origin
            pairs = [("csrf", self.csrf or "")] + list(fields or [])
            if True:  # the office's forms are multipart, as the pages' are
                boundary = "office-client-boundary-41f"
                body = b""
                for name, value in pairs:
                    body += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n" % (boundary, name)).encode() + value.encode() + b"\r\n"
                for name, filename, content in files or []:
                    body += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                             "Content-Type: application/octet-stream\r\n\r\n" % (boundary, name, filename)).encode() + content + b"\r\n"
                body += ("--%s--\r\n" % boundary).encode()
                data = body
                headers["Content-Type"] = "multipart/form-data; boundary=" + boundary
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            response = self.opener.open(request, timeout=self.timeout)
            status, head, body = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, head, body = error.code, error.headers, error.read()
        text = body.decode("utf-8", "replace")
        match = re.search(r'name="csrf" value="([^"]*)"', text)
        if match:
            self.csrf = match.group(1)
        return status, head, text

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields=None, files=None):
        return self.request("POST", path, fields, files)

    def set_password(self, link, password):
        self.get(link)
        status, head, _ = self.post(link, [("password", password), ("password-again", password)])
        assert status == 303, "set password: %d" % status
        return head.get("Location", "")

    def fresh_code(self):
        """A code of this person's secret that the office has not seen: each
        30-second step is accepted once, so a used step waits for the next."""
        step = int(time.time() // 30)
        if self.last_step is not None and step <= self.last_step:
            time.sleep(30 - time.time() % 30 + 0.5)
            step = int(time.time() // 30)
        self.last_step = step
        self.code_at = time.time()
        return totp(self.secret)

    def enrol(self):
        _, _, text = self.get("/office/second-factor")
        self.secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', text).group(1)
        raw = re.search(r'name="secret" value="([^"]+)"', text).group(1)
        status, _, _ = self.post("/office/second-factor", [("secret", raw), ("code", self.fresh_code())])
        assert status == 200, "enrol: %d" % status
        return self.secret

    def sign_in(self, email, password, secret=None):
        self.get("/office/sign-in")
        status, _, _ = self.post("/office/sign-in", [("email", email), ("password", password)])
        assert status == 303, "sign in: %d" % status
        if secret:
            self.get("/office/second-factor")
            # A code is accepted once: wait for the next step if this one was used.
            for _ in range(3):
                status, _, _ = self.post("/office/second-factor", [("code", totp(secret))])
                if status == 303:
                    break
                time.sleep(31)
            assert status == 303, "code: %d" % status
