// dateline embed: tells the page that frames this one how tall its content
// is, so the frame can fit it (README, "Embeds"): after load, on resize and
// whenever the content changes height (a filter narrows the cards). The
// message holds only its kind and the height, so it is posted to any
// origin; the framing page checks where it came from. Not framed, the
// script does nothing, and framed by a page that does not listen, the
// embed scrolls inside a frame of fixed height.
(function () {
  "use strict";
  if (window.parent === window || !window.postMessage) return;
  var last = -1;
  function post() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "dateline:embed-height", height: height }, "*");
  }
  window.addEventListener("load", post);
  window.addEventListener("resize", post);
  // The filters hide cards; a ResizeObserver sees it, and where there is
  // none the form's own events do.
  ["input", "change", "reset"].forEach(function (name) {
    document.addEventListener(name, function () { setTimeout(post, 0); });
  });
  if (window.ResizeObserver) new ResizeObserver(post).observe(document.body);
  post();
})();
