// Certify: live results for the self-check form. The page works without
// this script (plain form posts); with it, the result panel is refreshed
// from the server as the form changes. No inline script, no third party.
(function () {
  "use strict";
  var form = document.querySelector("form[data-live]");
  if (!form) { focusErrorSummary(); return; }
  var results = document.querySelector("[data-results]");
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
        // Only a results fragment replaces the panel (200, or 422 with the
        // form's errors); any other answer keeps the last result.
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
        var summary = holder.querySelector("[data-error-summary]");
        formErrors.innerHTML = "";
        if (summary) { formErrors.appendChild(summary); }
        results.innerHTML = "";
        Array.prototype.slice.call(holder.childNodes).forEach(function (node) {
          if (node !== summary) { results.appendChild(node); }
        });
        results.setAttribute("data-updated", String(mine));
      })
      .catch(function () { /* keep the last result; the form still posts */ });
  }

  function schedule() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(refresh, 250);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  focusErrorSummary();

  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }
  }
})();
