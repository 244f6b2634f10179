/// The one script the preview adds to served pages (never to `huiqi build`
/// output). It is a separate file, not inline, so pages keep working under a
/// strict Content-Security-Policy while previewed.
enum LiveReloadScript {
    static let path = "/__huiqi/live.js"
    static let eventsPath = "/__huiqi/events"
    static let diagnosticsPath = "/__huiqi/diagnostics"

    static let tag = "<script src=\"\(path)\" defer></script>"

    static let source = """
    (function () {
      "use strict";
      var overlay = null;
      function hide() { if (overlay) { overlay.remove(); overlay = null; } }
      function show(list) {
        hide();
        var errors = list.filter(function (d) { return d.severity === "error"; });
        if (!errors.length) return;
        overlay = document.createElement("div");
        overlay.setAttribute("role", "alertdialog");
        overlay.setAttribute("aria-label", "内容错误");
        overlay.id = "huiqi-overlay";
        overlay.style.cssText = "position:fixed;inset:0;z-index:99999;background:rgba(20,20,20,.92);color:#fff;overflow:auto;padding:24px;font:16px/1.6 monospace";
        var h = document.createElement("h2");
        h.textContent = "内容有 " + errors.length + " 个错误，仍显示上一次成功的版本 (content errors; showing the last good build)";
        overlay.appendChild(h);
        errors.forEach(function (d) {
          var p = document.createElement("pre");
          p.style.whiteSpace = "pre-wrap";
          p.textContent = d.file + ":" + d.line + ":" + d.column + " [" + d.code + "] " + d.message +
            (d.expected ? "\\n    应为: " + d.expected : "") + (d.example ? "\\n    示例: " + d.example : "");
          overlay.appendChild(p);
        });
        document.body.appendChild(overlay);
      }
      function refreshDiagnostics() {
        fetch("\(diagnosticsPath)").then(function (r) { return r.json(); }).then(show).catch(function () {});
      }
      var source = new EventSource("\(eventsPath)");
      // The event lists the pages that changed ("*": all of them); others stay as they are.
      function here() {
        var p = decodeURIComponent(location.pathname).replace(/^\\/+/, "");
        return p === "" || p.slice(-1) === "/" ? p + "index.html" : p;
      }
      source.addEventListener("reload", function (e) {
        if (e.data === "*" || e.data.split(" ").indexOf(here()) >= 0) location.reload();
      });
      source.addEventListener("errors", refreshDiagnostics);
      refreshDiagnostics();
    })();
    """
}
