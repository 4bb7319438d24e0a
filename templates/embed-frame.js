// dateline embed-frame: the script a page that frames dateline embeds
// loads (README, "Embeds"). It fits each frame marked `data-dateline` to the
// height its embed posts ({type: "dateline:embed-height", height}), taking a
// message only from the window inside that very frame, so no other page
// can resize it. Without this script, a frame keeps its own height and the
// embed scrolls inside it.
(function () {
  "use strict";
  if (window.__datelineFrames) return;
  window.__datelineFrames = true;
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "dateline:embed-height" || !(data.height > 0)) return;
    var frames = document.querySelectorAll("iframe[data-dateline]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(data.height) + "px";
      }
    }
  });
})();
