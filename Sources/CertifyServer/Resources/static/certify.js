// Certify: live results for the self-check form, and small helps on the
// other forms. Every page works without this script (plain form posts);
// with it: the result panel, the summary bar, each field's score line and
// each field's errors are refreshed from one answer of the server as the
// form changes; Enter checks the score in place; an elective group refuses
// a tick beyond its number; choosing an evidence file fills its SHA-256
// (WebCrypto). No inline script, no third party.
(function () {
  "use strict";
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };

  // Any form: an evidence file chosen → its SHA-256 in the row's field.
  each(document.querySelectorAll("input[type=file][data-sha-for]"), function (input) {
    input.addEventListener("change", function () { digest(input); });
  });

  function digest(input) {
    var target = document.getElementById(input.getAttribute("data-sha-for"));
    var file = input.files && input.files[0];
    if (!target || !file || !(window.crypto && crypto.subtle)) { return; }  // the server computes it on post
    file.arrayBuffer().then(function (bytes) { return crypto.subtle.digest("SHA-256", bytes); }).then(function (hash) {
      target.value = Array.prototype.map.call(new Uint8Array(hash), function (b) {
        return (b < 16 ? "0" : "") + b.toString(16);
      }).join("");
      // The file itself is not sent: only its digest is part of the form.
      input.value = "";
      target.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }

  // The review sheet: after a download, the old errors go and a notice says so.
  var sheet = document.querySelector("form[data-review-sheet]");
  if (sheet) {
    sheet.addEventListener("submit", function () {
      var notice = document.getElementById("download-notice");
      if (!notice) { return; }
      // Shown after the answer: a refused sheet replaces this page instead.
      setTimeout(function () {
        each(document.querySelectorAll("[data-error-summary]"), function (box) { box.remove(); });
        notice.hidden = false;
      }, 1500);
    });
  }

  var form = document.querySelector("form[data-live]");
  if (!form) { focusErrorSummary(); return; }
  var results = document.querySelector("[data-results]");
  var panel = document.getElementById("result");
  var formErrors = document.getElementById("form-errors");
  var timer = null;
  var sequence = 0;

  function refresh() {
    var data = new FormData(form);
    data.set("action", "check");
    var mine = ++sequence;
    // form.getAttribute: the buttons named "action" shadow form.action.
    fetch(form.getAttribute("action"), { method: "POST", body: data, headers: { "X-Certify-Fragment": "1" }, credentials: "same-origin" })
      .then(function (response) {
        // Only a results fragment is used (200, or 422 with the form's
        // errors); any other answer keeps the last result.
        var type = response.headers.get("Content-Type") || "";
        if ((response.status !== 200 && response.status !== 422) || type.indexOf("text/html") !== 0) {
          throw new Error("not a results fragment");
        }
        return response.text();
      })
      .then(function (html) {
        if (mine !== sequence) { return; }  // a newer request is on its way
        var holder = document.createElement("div");
        holder.innerHTML = html;
        apply(holder);
        results.setAttribute("data-updated", String(mine));
      })
      .catch(function () { /* keep the last result; the form still posts */ });
  }

  function apply(holder) {
    var summary = holder.querySelector("[data-error-summary]");
    formErrors.innerHTML = "";
    if (summary) { formErrors.appendChild(summary); }
    var fragment = holder.querySelector("[data-fragment]");
    var lines = fragment.querySelector("[data-lines]");
    var errors = fragment.querySelector("[data-field-errors]");
    lines.remove();
    errors.remove();
    var hasResult = !!fragment.querySelector("[data-total]");
    // No result (the form cannot be scored): the last one stays, greyed.
    if (hasResult) {
      results.innerHTML = "";
      each(Array.prototype.slice.call(fragment.childNodes), function (node) { results.appendChild(node); });
      each(lines.querySelectorAll("[data-line-for]"), function (line) {
        var target = form.querySelector("[data-line='" + line.getAttribute("data-line-for") + "']");
        if (target) { target.textContent = line.textContent; }
      });
    }
    panel.classList.toggle("stale", !hasResult || fragment.hasAttribute("data-stale"));
    updateBar();
    showFieldErrors(errors);
  }

  // Every error next to its field, as the server located them.
  function showFieldErrors(errors) {
    each(form.querySelectorAll(".error-message:not([data-refused])"), function (message) {
      var input = document.getElementById(message.id.replace(/-error$/, ""));
      if (input) { describe(input, message.id, false); }
      message.remove();
    });
    each(form.querySelectorAll(".field-error"), function (box) { box.classList.remove("field-error"); });
    each(form.querySelectorAll(".input-error"), function (box) { box.classList.remove("input-error"); });
    each(errors.querySelectorAll("[data-error-for]"), function (error) {
      var name = error.getAttribute("data-error-for");
      // A text field by its id; a group of radios or boxes by its name.
      var input = document.getElementById(name) || form.querySelector("[name='" + name + "']");
      if (!input) { return; }
      var box = input.closest(".field, .elective-box") || input.parentNode;
      var message = document.createElement("p");
      message.className = "error-message";
      message.id = name + "-error";
      message.textContent = error.textContent;
      var before = box.querySelector(".input-wrap, .radios, .checkboxes, .checkbox, input, select, textarea");
      if (before && before.parentNode === box) { box.insertBefore(message, before); } else { input.parentNode.insertBefore(message, input); }
      box.classList.add("field-error");
      if (input.id === name) { input.classList.add("input-error"); describe(input, message.id, true); }
    });
  }

  function describe(input, id, on) {
    var ids = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (x) { return x && x !== id; });
    if (on) { ids.push(id); }
    if (ids.length) { input.setAttribute("aria-describedby", ids.join(" ")); } else { input.removeAttribute("aria-describedby"); }
  }

  // The phone's summary bar: the panel's total, grade and decision.
  function updateBar() {
    var bar = document.querySelector("[data-bar-text]");
    var total = results.querySelector("[data-total]");
    if (!bar || !total) { return; }
    var parts = [];
    each(results.querySelectorAll(".figures dt"), function (dt) {
      var dd = dt.nextElementSibling;
      parts.push(dt.textContent + " " + (dd.getAttribute("data-total") !== null ? dd.textContent.split("/")[0].trim() : dd.textContent.trim()));
    });
    bar.textContent = parts.join(" · ");
  }

  function schedule() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(refresh, 250);
  }

  // Elective groups: a tick beyond the group's number is refused, with a
  // message at the box ticked; the counter says how many are chosen.
  function group(name) { return form.querySelector(".group-intro[data-group='" + name + "']"); }
  function ticked(name) { return form.querySelectorAll("input[data-elective='" + name + "']:checked").length; }
  function count(name) {
    var intro = group(name);
    if (!intro) { return; }
    intro.querySelector("[data-group-count]").textContent =
      intro.getAttribute("data-count-text").replace("%1", intro.getAttribute("data-choose")).replace("%2", String(ticked(name)));
  }
  each(form.querySelectorAll("input[data-elective]"), function (box) {
    box.addEventListener("change", function (event) {
      var name = box.getAttribute("data-elective");
      var intro = group(name);
      each(form.querySelectorAll("[data-refused]"), function (old) { old.remove(); });
      if (box.checked && intro && ticked(name) > Number(intro.getAttribute("data-choose"))) {
        box.checked = false;
        event.stopImmediatePropagation();
        var message = document.createElement("p");
        message.className = "error-message";
        message.setAttribute("role", "alert");
        message.setAttribute("data-refused", "");
        message.textContent = intro.getAttribute("data-full");
        box.closest(".checkbox").insertAdjacentElement("afterend", message);
      }
      count(name);
    });
  });

  // Enter in a text field checks the score here (it does not submit the
  // form's first button, nor reload the page).
  form.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Enter" && target.tagName === "INPUT" && target.type !== "submit" && target.type !== "file") {
      event.preventDefault();
      if (timer) { clearTimeout(timer); }
      refresh();
    }
  });

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  focusErrorSummary();

  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }
  }
})();
