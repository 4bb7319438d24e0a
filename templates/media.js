// dateline media: a video or recording from another site plays in the page
// only when the reader asks for it. The page names the player's address in
// `data-player` and shows a link to the original; this script shows a
// button beside it and, on a click, creates the player (an iframe for
// YouTube and Vimeo, <audio> or <video> for a file). Until then the page
// has asked no other site for anything: not even a thumbnail.
(function () {
  "use strict";
  var figures = document.querySelectorAll("figure.media[data-player]");
  Array.prototype.forEach.call(figures, function (figure) {
    var address = figure.getAttribute("data-player") || "";
    var box = figure.querySelector(".media-play-box");
    var button = figure.querySelector("button.media-play");
    if (!/^https?:\/\//.test(address) || !box || !button) return;
    box.hidden = false;
    button.addEventListener("click", function () {
      var title = figure.querySelector(".media-title");
      var player;
      if (figure.classList.contains("media-audio")) {
        player = document.createElement("audio");
      } else if (figure.classList.contains("media-video")) {
        player = document.createElement("video");
      } else {
        player = document.createElement("iframe");
        player.setAttribute("allow", "autoplay; encrypted-media; fullscreen; picture-in-picture");
        player.setAttribute("allowfullscreen", "");
        player.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
        player.title = title ? title.textContent : "Player";
      }
      if (player.tagName !== "IFRAME") {
        player.controls = true;
        player.autoplay = true;
      }
      player.className = "media-player";
      player.src = address;
      figure.insertBefore(player, figure.firstChild);
      box.hidden = true;
      player.focus();
    });
  });
})();
