import Foundation

/// The script `folio serve` injects into the HTML it serves (never into files on disk): it listens
/// to `/__folio/events`, reloads the page when a rebuild (or the re-rendering of an edited page)
/// changed its file, and shows the diagnostics of a failed build in an overlay.
public enum LiveReloadScript {
    /// Path of the server-sent events stream.
    public static let eventsPath = "/__folio/events"

    /// The `<script>` element for a page served after build number `generation`.
    public static func tag(generation: Int) -> String {
        "<script data-folio-live-reload>\n(function(){var generation=\(generation);\(body)})();\n</script>\n"
    }

    /// Inserts the script before `</body>`, or at the end when there is none.
    public static func inject(into html: String, generation: Int) -> String {
        let tag = tag(generation: generation)
        if let range = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) {
            var out = html
            out.insert(contentsOf: tag, at: range.lowerBound)
            return out
        }
        return html + tag
    }

    static let body = #"""
    var overlay=null;
    function hide(){if(overlay){overlay.remove();overlay=null;}}
    function show(report){
      hide();
      overlay=document.createElement("div");
      overlay.id="folio-error-overlay";
      overlay.setAttribute("role","alertdialog");
      overlay.setAttribute("aria-label","Build failed");
      overlay.style.cssText="position:fixed;inset:0;z-index:2147483647;background:rgba(20,22,26,.94);color:#f5f5f5;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem;overflow:auto";
      var title=document.createElement("h2");
      title.textContent="Build failed — still showing the last good site";
      title.style.cssText="font:700 18px system-ui,sans-serif;color:#ff8a80;margin:0 0 1rem";
      var pre=document.createElement("pre");
      pre.style.cssText="white-space:pre-wrap;margin:0";
      pre.textContent=report.text;
      var close=document.createElement("button");
      close.textContent="Dismiss";
      close.style.cssText="margin-top:1rem;font:600 14px system-ui,sans-serif";
      close.onclick=hide;
      overlay.appendChild(title);overlay.appendChild(pre);overlay.appendChild(close);
      document.body.appendChild(overlay);
    }
    if(!window.EventSource)return;
    var source=new EventSource("/__folio/events");
    source.addEventListener("hello",function(e){var s=JSON.parse(e.data);if(s.generation!==generation)location.reload();else if(s.failure)show(s.failure);});
    var here=decodeURIComponent(location.pathname).replace(/^\/+/,"");
    if(here===""||here.slice(-1)==="/")here+="index.html";
    source.addEventListener("reload",function(e){var s=JSON.parse(e.data);if(!s.paths||s.paths.indexOf(here)>=0)location.reload();else generation=s.generation;});
    source.addEventListener("failure",function(e){show(JSON.parse(e.data));});
    """#
}
