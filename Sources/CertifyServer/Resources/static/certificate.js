// Certify: the certificate page checks the certificate against the public
// log itself, trusting neither the page's server nor any other script.
// It fetches the certificate's log entries with their inclusion proofs and
// the signed checkpoint of that tree (/api/v1/certificates/{id}/proof), and
//   1. verifies the checkpoint's C2SP signed-note signature with the log key
//      printed on the page (Ed25519, WebCrypto);
//   2. reads the checkpoint (C2SP tlog-checkpoint: origin, size, root);
//   3. for each entry, hashes the leaf (RFC 6962: SHA-256(0x00 || entry)) and
//      walks its inclusion proof (RFC 9162 2.1.3.2) up to the root;
//   4. checks that the entries say what the page says (the certificate, its
//      holders' names as shown and ids, its rubric and version, its report's SHA-256, its
//      validity, its revocation's reason), and
//      that the report offered for download hashes to that SHA-256.
// It then says in the page's words whether all of it holds, and why not.
// It also fills the printed certificate's address and its print button.
(function () {
  "use strict";
  var section = document.getElementById("verification");
  each(document.querySelectorAll("[data-address]"), function (node) {
    node.textContent = location.origin + location.pathname;
  });
  each(document.querySelectorAll("[data-print]"), function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  if (!section) { return; }

  var result = document.getElementById("verify-result");
  var words = {};
  each(document.querySelectorAll("#verify-words [data-word]"), function (node) {
    words[node.getAttribute("data-word")] = node.textContent;
  });

  function each(list, f) { Array.prototype.forEach.call(list, f); }

  // A failed step: `reason` is the catalog word that explains it.
  function Failure(reason) { this.reason = reason; }
  function fail(reason) { throw new Failure(reason); }
  function require(condition, reason) { if (!condition) { fail(reason); } }

  function say(state, text) {
    result.setAttribute("data-state", state);
    result.className = "verify-result " + state;
    section.className = "verification " + state;
    result.textContent = text;
  }

  function bytesOf(base64) {
    var text;
    try { text = atob(base64); } catch (e) { return null; }
    var out = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) { out[i] = text.charCodeAt(i); }
    return out;
  }
  function concat(parts) {
    var length = parts.reduce(function (n, p) { return n + p.length; }, 0);
    var out = new Uint8Array(length), at = 0;
    parts.forEach(function (p) { out.set(p, at); at += p.length; });
    return out;
  }
  function equal(a, b) {
    if (a.length !== b.length) { return false; }
    for (var i = 0; i < a.length; i++) { if (a[i] !== b[i]) { return false; } }
    return true;
  }
  function hex(bytes) {
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }
  var utf8 = new TextEncoder();
  function sha256(bytes) {
    return crypto.subtle.digest("SHA-256", bytes).then(function (hash) { return new Uint8Array(hash); });
  }

  // The log's verifier key, `NAME+KEYID+BASE64(0x01 || public key)`; its
  // key id must be SHA-256(NAME || "\n" || 0x01 || public key)[0:4].
  function readKey(text) {
    var first = text.indexOf("+"), second = text.indexOf("+", first + 1);
    require(first > 0 && second > first, "key");
    var name = text.slice(0, first), id = text.slice(first + 1, second);
    var raw = bytesOf(text.slice(second + 1));
    require(raw && raw.length === 33 && raw[0] === 1 && /^[0-9a-f]{8}$/.test(id), "key");
    return sha256(concat([utf8.encode(name + "\n"), raw])).then(function (hash) {
      require(hex(hash.slice(0, 4)) === id, "key");
      return crypto.subtle.importKey("raw", raw.slice(1), { name: "Ed25519" }, false, ["verify"])
        .then(function (key) { return { name: name, id: hash.slice(0, 4), key: key }; }, function () { fail("unsupported"); });
    });
  }

  // A C2SP signed note: the text (ending in a newline), a blank line, then
  // signature lines `— NAME BASE64(key id || signature)`. Holds when one of
  // them is by the log key and verifies; returns the text.
  function openNote(note, verifier) {
    var split = note.lastIndexOf("\n\n");
    require(note.slice(-1) === "\n" && split > 0, "signature");
    var text = note.slice(0, split + 1);
    var lines = note.slice(split + 2, -1).split("\n");
    var checks = lines.map(function (line) {
      var fields = line.split(" ");
      require(fields.length === 3 && fields[0] === "\u2014", "signature");
      var raw = bytesOf(fields[2]);
      require(raw && raw.length >= 5, "signature");
      if (fields[1] !== verifier.name || !equal(raw.slice(0, 4), verifier.id)) { return Promise.resolve(false); }
      if (raw.length !== 68) { return Promise.resolve(false); }
      return crypto.subtle.verify({ name: "Ed25519" }, verifier.key, raw.slice(4), utf8.encode(text));
    });
    return Promise.all(checks).then(function (valid) {
      require(valid.indexOf(true) >= 0, "signature");
      return text;
    });
  }

  // A C2SP tlog-checkpoint body: origin, decimal size, base64 root hash.
  function readCheckpoint(text, origin) {
    var lines = text.slice(0, -1).split("\n");
    require(lines.length >= 3 && lines[0] === origin && /^(0|[1-9][0-9]*)$/.test(lines[1]), "checkpoint");
    var root = bytesOf(lines[2]);
    require(root && root.length === 32, "checkpoint");
    return { size: Number(lines[1]), root: root };
  }

  // RFC 9162 2.1.3.2: the root an inclusion proof leads to from a leaf hash.
  function rootFrom(leaf, index, size, proof) {
    require(index < size, "proof");
    var fn = index, sn = size - 1, r = Promise.resolve(leaf);
    proof.forEach(function (node) {
      require(sn > 0 && node && node.length === 32, "proof");
      var right = fn % 2 === 1 || fn === sn;
      r = r.then(function (hash) {
        return sha256(concat([new Uint8Array([1]), right ? node : hash, right ? hash : node]));
      });
      if (right) {
        while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
      }
      fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
    });
    require(sn === 0, "proof");
    return r;
  }

  // An entry's `key value` lines.
  function fields(bytes) {
    var text;
    try { text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); } catch (e) { fail("entry"); }
    var out = { applicant: [], "applicant-name": [] };
    text.split("\n").forEach(function (line) {
      var space = line.indexOf(" "), key = line.slice(0, space), value = line.slice(space + 1);
      if (space <= 0) { return; }
      if (key === "applicant" || key === "applicant-name") { out[key].push(value); } else if (!(key in out)) { out[key] = value; }
    });
    out.header = text.split("\n")[0];
    return out;
  }

  // What the page says must be what the log says.
  function checkEntries(entries) {
    var data = section.dataset;
    // The holders as the page shows them: "name (id)".
    var shown = document.querySelectorAll(".summary-list .holder");
    var ids = data.applicants.split(" ");
    var holders = Array.prototype.map.call(shown, function (node, n) {
      var text = node.textContent, suffix = " (" + ids[n] + ")";
      require(text.slice(-suffix.length) === suffix, "entry");
      return text.slice(0, -suffix.length);
    });
    require(holders.length === ids.length, "entry");
    require(entries.map(function (e) { return String(e.index); }).join(" ") === data.entries, "entry");
    entries.forEach(function (entry, n) {
      var f = fields(entry.bytes);
      require(f.header === "certify-registry-event/v1" && f.certificate === data.certificate, "entry");
      if (n === 0) {
        require((f.type === "issue" || f.type === "renew") && f["report-sha256"] === data.reportSha256
          && f.applicant.join(" ") === data.applicants && f.rubric === data.rubric
          && f["applicant-name"].join("\n") === holders.join("\n")
          && f["valid-from"] === data.validFrom && f["valid-until"] === data.validUntil, "entry");
      } else {
        require(f.type === "revoke" && f.reason === data.revokedReason, "entry");
      }
    });
    require((entries.length === 2) === (data.revokedReason !== undefined), "entry");
  }

  function verify() {
    require(window.crypto && crypto.subtle && window.fetch && window.TextDecoder, "unsupported");
    var data = section.dataset, answer, verifier, checkpoint;
    return readKey(data.key).then(function (key) {
      verifier = key;
      return fetch(data.proof, { cache: "no-store" }).then(function (response) {
        require(response.ok, "fetch");
        return response.json();
      }, function () { fail("fetch"); });
    }).then(function (json) {
      answer = json;
      require(typeof json.checkpoint === "string" && Array.isArray(json.entries) && json.entries.length > 0, "fetch");
      document.getElementById("verify-checkpoint").textContent = json.checkpoint;
      return openNote(json.checkpoint, verifier);
    }).then(function (text) {
      checkpoint = readCheckpoint(text, verifier.name);
      require(checkpoint.size === answer.size, "checkpoint");
      var entries = answer.entries.map(function (entry) {
        var bytes = bytesOf(String(entry.entry));
        require(bytes && Number.isSafeInteger(entry.index) && Array.isArray(entry.proof), "proof");
        return { index: entry.index, bytes: bytes, proof: entry.proof.map(function (p) { return bytesOf(String(p)); }) };
      });
      return Promise.all(entries.map(function (entry) {
        return sha256(concat([new Uint8Array([0]), entry.bytes])).then(function (leaf) {
          return rootFrom(leaf, entry.index, checkpoint.size, entry.proof);
        }).then(function (root) { require(equal(root, checkpoint.root), "proof"); });
      })).then(function () { checkEntries(entries); });
    }).then(function () {
      if (!data.report) { return null; }
      return fetch(data.report, { cache: "no-store" }).then(function (response) {
        require(response.ok, "report");
        return response.arrayBuffer();
      }, function () { fail("report"); }).then(function (bytes) {
        return sha256(new Uint8Array(bytes));
      }).then(function (hash) { require(hex(hash) === data.reportSha256, "report"); });
    }).then(function () {
      say("verified", words.verified.replace("%1", String(checkpoint.size)));
    });
  }

  Promise.resolve().then(verify).catch(function (error) {
    var reason = error instanceof Failure ? error.reason : "fetch";
    say("not-verified", words["not-verified"].replace("%1", words[reason] || reason));
  });
})();
