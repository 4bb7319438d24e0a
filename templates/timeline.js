// dateline timeline filters: narrow the events by taxonomy term, outlet and
// text. The page is complete without this script; it only adds the form.
// The state lives in the URL query (?tags=…&outlet=…&q=…) so a filtered view
// can be shared, and the number of events shown is announced politely.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var status = document.getElementById("filter-status");
  if (!form || !status || !window.URLSearchParams) return;

  var items = Array.prototype.slice.call(document.querySelectorAll("ol.events > li"));
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var search = form.querySelector("input[name=q]");
  var sections = document.querySelectorAll("section.year, section.month");
  var texts = items.map(function (li) {
    var title = li.querySelector(".event-title");
    var summary = li.querySelector(".summary");
    return ((title ? title.textContent : "") + " " + (summary ? summary.textContent : "")).toLowerCase();
  });

  function matches(li, index, words) {
    for (var i = 0; i < selects.length; i++) {
      var wanted = selects[i].value;
      if (!wanted) continue;
      var have = (li.getAttribute("data-" + selects[i].getAttribute("data-attr")) || "").split(" ");
      if (have.indexOf(wanted) < 0) return false;
    }
    for (var w = 0; w < words.length; w++) {
      if (texts[index].indexOf(words[w]) < 0) return false;
    }
    return true;
  }

  function apply(writeUrl) {
    var query = search ? search.value.trim() : "";
    var words = query ? query.toLowerCase().split(/\s+/) : [];
    var shown = 0;
    items.forEach(function (li, index) {
      var visible = matches(li, index, words);
      li.hidden = !visible;
      if (visible) shown += 1;
    });
    Array.prototype.forEach.call(sections, function (section) {
      section.hidden = !section.querySelector("ol.events > li:not([hidden])");
    });
    var noun = items.length === 1 ? " event" : " events";
    status.textContent = shown === items.length
      ? (shown === 1 ? "Showing 1 event" : "Showing all " + shown + noun)
      : "Showing " + shown + " of " + items.length + noun;
    if (writeUrl) {
      var params = new URLSearchParams();
      selects.forEach(function (select) {
        if (select.value) params.set(select.name, select.value);
      });
      if (query) params.set("q", query);
      var qs = params.toString();
      history.replaceState(null, "", (qs ? "?" + qs : location.pathname) + location.hash);
    }
  }

  function readUrl() {
    var params = new URLSearchParams(location.search);
    selects.forEach(function (select) {
      var value = params.get(select.name) || "";
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      select.value = known ? value : "";
    });
    if (search) search.value = params.get("q") || "";
  }

  form.hidden = false;
  form.addEventListener("input", function () { apply(true); });
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  readUrl();
  apply(false);
})();
