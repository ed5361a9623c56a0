// Polls the import job and moves the progress bar; without JavaScript the page refreshes itself.
(function () {
  "use strict";
  var box = document.getElementById("import-progress");
  var bar = document.getElementById("import-bar");
  if (!box || !bar) { return; }
  // The script takes over from the page's refresh (which only browsers without scripts see).
  var stage = document.getElementById("import-stage");
  var percent = document.getElementById("import-percent");
  function poll() {
    fetch(box.dataset.statusUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (job) {
        var value = Math.round(job.progress * 100);
        bar.value = value;
        bar.textContent = value + "%";
        stage.textContent = job.stage;
        percent.textContent = value + "% done";
        if (job.status === "done" && job.review_url) {
          window.location.assign(job.review_url);
        } else if (job.status === "failed") {
          window.location.reload();
        } else {
          window.setTimeout(poll, 700);
        }
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  window.setTimeout(poll, 500);
})();
