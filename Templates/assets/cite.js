// Shows the reference entry a citation links to, on hover and on keyboard focus.
// Citations are links to `#ref-…` anchors written by `folio import`; the entry's text comes
// from the page when it is there, else from the link's title. No framework, no dependencies.
(function () {
  "use strict";
  var popup = null;
  function entryText(link) {
    var hash = link.getAttribute("href").split("#")[1];
    var sameFile = link.getAttribute("href").charAt(0) === "#";
    var target = sameFile && hash ? document.getElementById(hash) : null;
    var item = target ? (target.closest("li, p") || target.parentElement) : null;
    var text = item ? item.textContent : link.getAttribute("data-entry") || link.getAttribute("title");
    return text ? text.trim() : null;
  }
  function hide() {
    if (popup) { popup.remove(); popup = null; }
  }
  function show(event) {
    var link = event.target.closest && event.target.closest('a[href*="#ref-"]');
    if (!link) return;
    var text = entryText(link);
    if (!text) return;
    // The native tooltip would repeat the entry: keep the title for no-script readers only.
    if (link.hasAttribute("title")) {
      link.setAttribute("data-entry", link.getAttribute("title"));
      link.removeAttribute("title");
    }
    hide();
    popup = document.createElement("div");
    popup.className = "cite-popup";
    popup.setAttribute("role", "tooltip");
    popup.id = "cite-popup";
    popup.textContent = text;
    var s = popup.style;
    s.position = "absolute"; s.zIndex = "10"; s.maxWidth = "32rem"; s.padding = ".5rem .75rem";
    s.background = "Canvas"; s.color = "CanvasText"; s.border = "1px solid GrayText"; s.borderRadius = "4px";
    s.boxShadow = "0 2px 8px rgba(0,0,0,.2)"; s.fontSize = ".9em"; s.lineHeight = "1.4";
    document.body.appendChild(popup);
    var r = link.getBoundingClientRect();
    var left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - popup.offsetWidth - 8));
    s.left = left + "px";
    s.top = (window.scrollY + r.bottom + 6) + "px";
    link.setAttribute("aria-describedby", "cite-popup");
  }
  function leave(event) {
    var link = event.target.closest && event.target.closest('a[href*="#ref-"]');
    if (link) { link.removeAttribute("aria-describedby"); hide(); }
  }
  document.addEventListener("mouseover", show);
  document.addEventListener("focusin", show);
  document.addEventListener("mouseout", leave);
  document.addEventListener("focusout", leave);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
})();
