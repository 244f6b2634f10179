/* Loaded before the page is drawn: applies the remembered elderly-friendly
   settings (large text, high contrast) so the page never flashes without them. */
(function () {
  try {
    var d = document.documentElement;
    if (localStorage.getItem("huiqi-large-text") === "1") d.classList.add("large-text");
    if (localStorage.getItem("huiqi-high-contrast") === "1") d.classList.add("high-contrast");
  } catch (e) { /* storage unavailable: defaults */ }
})();
