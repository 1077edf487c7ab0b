// Counts a view with a beacon, so views count even when the page came from a cache.
(function () {
  var story = document.querySelector("[data-article-id]");
  if (!story || !navigator.sendBeacon) return;
  var id = story.getAttribute("data-article-id");
  function send() {
    navigator.sendBeacon("/b", id);
  }
  // A page opened in a background tab counts once the reader actually looks at it.
  if (document.visibilityState === "visible") {
    send();
  } else {
    document.addEventListener("visibilitychange", function once() {
      if (document.visibilityState !== "visible") return;
      document.removeEventListener("visibilitychange", once);
      send();
    });
  }
})();
