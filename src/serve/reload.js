// dateline serve: reloads the page once a rebuild is live, and shows the
// errors of a failed rebuild over the page. Served only by `dateline serve`;
// `dateline build` never writes it.
(function () {
  "use strict";
  if (!window.EventSource) return;
  var source = new EventSource("/__dateline/events");
  var overlay = null;

  source.addEventListener("reload", function () {
    window.location.reload();
  });
  source.addEventListener("errors", function (event) {
    var report;
    try {
      report = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    show(report.errors || []);
  });

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function show(errors) {
    if (overlay) overlay.remove();
    var shown = errors.filter(function (e) { return e.severity === "error"; });
    overlay = el("div");
    overlay.id = "dateline-errors";
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-labelledby", "dateline-errors-title");
    overlay.setAttribute("aria-describedby", "dateline-errors-list");
    overlay.style.cssText =
      "position:fixed;inset:0 0 auto 0;max-height:80vh;overflow:auto;z-index:2147483647;" +
      "margin:0;padding:1rem 1.25rem;background:#fff;color:#1a1a1a;" +
      "border-bottom:6px solid #b00020;box-shadow:0 4px 24px rgba(0,0,0,.35);" +
      "font:15px/1.45 system-ui,sans-serif;text-align:left";
    var title = el("h2", "The site does not build: " + shown.length +
      (shown.length === 1 ? " error" : " errors"));
    title.id = "dateline-errors-title";
    title.style.cssText = "margin:0 0 .5rem;font-size:1.1rem;color:#b00020";
    var note = el("p", "This page is the last good build. Fix the notes below and save: the page reloads by itself.");
    note.style.margin = "0 0 .75rem";
    var list = el("ol");
    list.id = "dateline-errors-list";
    list.style.cssText = "margin:0;padding-left:1.5rem;font:14px/1.45 ui-monospace,monospace";
    shown.forEach(function (e) {
      var where = e.path + (e.line ? ":" + e.line + ":" + e.column : "");
      var item = el("li");
      item.style.marginBottom = ".5rem";
      item.appendChild(el("strong", where));
      item.appendChild(document.createTextNode(": " + e.message));
      if (e.hint) {
        var hint = el("div", "hint: " + e.hint);
        hint.style.color = "#444";
        item.appendChild(hint);
      }
      list.appendChild(item);
    });
    var close = el("button", "Dismiss");
    close.type = "button";
    close.style.cssText = "float:right;margin:0 0 .5rem 1rem;font:inherit;padding:.25rem .75rem";
    close.addEventListener("click", function () {
      overlay.remove();
      overlay = null;
    });
    overlay.append(close, title, note, list);
    document.body.appendChild(overlay);
    close.focus();
  }
})();
