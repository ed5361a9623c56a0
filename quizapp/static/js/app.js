// quizapp: small progressive enhancements. Every page works without this file;
// it only makes taking a quiz smoother. No inline scripts anywhere (strict CSP).
(function () {
  "use strict";

  // The quiz form: a sticky "Answered N of M" bar that follows the answers.
  function quizProgress(form) {
    var bar = document.querySelector("[data-quiz-progress]");
    if (!bar) return;
    var groups = form.querySelectorAll("fieldset.question");
    var count = bar.querySelector("[data-answered]");
    var meter = bar.querySelector("progress");
    function update() {
      var answered = 0;
      groups.forEach(function (group) {
        if (group.querySelector("input[type=radio]:checked")) answered += 1;
      });
      count.textContent = String(answered);
      meter.value = answered;
    }
    form.addEventListener("change", update);
    bar.hidden = false;
    update();
  }

  // Any form: a second click while the first submission is on its way does nothing
  // (the server stores a replayed quiz form once anyway).
  function oneSubmit(form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.submitted) {
        event.preventDefault();
        return;
      }
      form.dataset.submitted = "1";
      form.querySelectorAll("button[type=submit]").forEach(function (button) {
        button.setAttribute("aria-disabled", "true");
      });
    });
  }

  // A form whose submission takes seconds (an inline import): say so, and keep the button
  // from being pressed again. Without JavaScript the browser's own loading indicator remains.
  function busyForm(form) {
    var button = form.querySelector("[data-busy-button]");
    var status = form.querySelector("[data-busy-status]");
    var label = button ? button.textContent : "";
    form.addEventListener("submit", function () {
      form.setAttribute("aria-busy", "true");
      if (button) {
        button.disabled = true;
        button.textContent = form.dataset.busy;
      }
      if (status) status.textContent = form.dataset.busy + " This takes a few seconds; please stay on this page.";
    });
    // Back to a page kept in the browser's cache: the form is usable again.
    window.addEventListener("pageshow", function (event) {
      if (!event.persisted) return;
      form.removeAttribute("aria-busy");
      delete form.dataset.submitted;
      if (button) {
        button.disabled = false;
        button.textContent = label;
      }
      if (status) status.textContent = "";
    });
  }

  // One question at a time: answer in place. The same form is sent with fetch (its CSRF
  // token and all) and the server, which alone decides right or wrong, answers with the
  // feedback as an HTML fragment once the answer is stored. The chosen option and the key are
  // marked, the feedback goes into the live region under the question and takes the focus,
  // and "Next question" stays in view. Anything else (no option chosen, a form error, a step
  // sent again, no network) sends the form the plain way, as without JavaScript.
  function answerInPlace(form) {
    var region = document.querySelector("[data-step-feedback]");
    if (!region || !window.fetch || !window.FormData) return;
    form.addEventListener("submit", function (event) {
      if (form.dataset.answering) { // on its way, or answered: once is enough
        event.preventDefault();
        event.stopImmediatePropagation();
        return;
      }
      if (!form.querySelector("input[name=choice]:checked")) return; // the server says why
      event.preventDefault();
      event.stopImmediatePropagation();
      form.dataset.answering = "1";
      form.setAttribute("aria-busy", "true");
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { "X-Quizapp-In-Place": "1" }
      }).then(function (response) {
        if (!response.ok || response.headers.get("X-Quizapp-In-Place") !== "feedback") {
          throw new Error("not in place");
        }
        return response.text();
      }).then(function (html) {
        showFeedback(form, region, html);
      }).catch(function () {
        form.submit();
      });
    });
  }

  function showFeedback(form, region, html) {
    region.innerHTML = html; // rendered (and escaped) by the server: quiz/_feedback.html
    var section = region.querySelector("[data-chosen]");
    form.removeAttribute("aria-busy");
    form.querySelectorAll("input[name=choice]").forEach(function (input) {
      var item = input.closest("li");
      input.disabled = true;
      if (!item || !section) return;
      item.classList.add("answered");
      var label = item.querySelector("label");
      var note = null;
      if (input.value === section.dataset.key) {
        item.classList.add("is-key");
        note = "Correct answer";
      }
      if (input.value === section.dataset.chosen) {
        item.classList.add("is-chosen");
        if (input.value !== section.dataset.key) {
          item.classList.add("is-wrong");
          note = "Your answer";
        } else {
          note = "Your answer, correct";
        }
      }
      if (note && label) {
        var mark = document.createElement("span");
        mark.className = "step-note";
        mark.textContent = note;
        label.appendChild(mark);
      }
    });
    var check = form.querySelector("[data-check-button]");
    if (check) check.hidden = true;
    var meter = document.querySelector(".step-progress progress");
    var count = document.getElementById("step-count");
    if (meter && section && section.dataset.answered) {
      meter.value = Number(section.dataset.answered);
      if (count) count.textContent = count.textContent.replace(/^Question (\d+) of (\d+)$/, "Question $1 of $2 answered");
    }
    var heading = region.querySelector("#feedback-heading");
    if (heading) heading.focus({ preventScroll: true });
    // The options, now marked, from their top, unless that leaves the feedback's start below
    // the middle of the screen; "Next question" sticks to the bottom of the screen meanwhile.
    var options = form.querySelector("ul.options") || region;
    var optionsTop = options.getBoundingClientRect().top + window.scrollY - 16;
    var regionTop = region.getBoundingClientRect().top + window.scrollY;
    window.scrollTo(0, Math.max(0, Math.min(optionsTop, regionTop - window.innerHeight / 2)));
  }

  // An error summary: move focus to it so keyboard and screen-reader users land on it.
  function focusErrors() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      summary.setAttribute("tabindex", "-1");
      summary.focus();
    }
  }

  // "Share" through the system's share sheet (the Web Share API), where the browser has one.
  function shareButton(button) {
    var field = document.getElementById(button.dataset.share);
    if (!field || typeof navigator.share !== "function") return false;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.share({
        title: button.dataset.shareTitle,
        text: button.dataset.shareText,
        url: field.value
      }).catch(function () { /* closed without sharing: nothing to do */ });
    });
    return true;
  }

  // "Copy the link" next to a read-only field (the share link): shown only with JavaScript,
  // and only where there is no share sheet.
  function copyButton(button) {
    var field = document.getElementById(button.dataset.copy);
    if (!field) return;
    var share = document.querySelector("button[data-share='" + button.dataset.copy + "']");
    if (share && shareButton(share)) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      function done() {
        button.textContent = "Link copied";
      }
      field.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () {
          field.select();
        });
      } else {
        done();
      }
    });
  }

  // Dates: the server writes them in UTC ("30 Nov 2026, 03:08 UTC"); shown in the reader's
  // own time zone, written the same way. The exact time stays in the datetime attribute.
  var localFormat = window.Intl && new Intl.DateTimeFormat("en-GB", {
    day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit"
  });
  function localTime(element) {
    var moment = new Date(element.getAttribute("datetime"));
    if (!localFormat || isNaN(moment.getTime())) return;
    element.title = element.textContent;
    element.textContent = localFormat.format(moment);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("time[data-local]").forEach(localTime);
    document.querySelectorAll("form.quiz-form").forEach(quizProgress);
    document.querySelectorAll("button[data-copy]").forEach(copyButton);
    document.querySelectorAll("form[data-in-place]").forEach(answerInPlace);
    document.querySelectorAll("form[method=post]").forEach(oneSubmit);
    document.querySelectorAll("form[data-busy]").forEach(busyForm);
    focusErrors();
  });
})();
