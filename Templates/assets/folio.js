/* Folio reading aids: side panels, scrollspy, heading links, note previews, colour theme,
   ←/→ for previous/next, scrollable tables. Plain DOM, no framework; every aid is optional and
   the page reads the same without it. */
(function () {
  "use strict";
  var doc = document, root = doc.documentElement;
  var wide = window.matchMedia ? window.matchMedia("(min-width: 64rem)") : { matches: true };

  // ---- Link targets clear the sticky header, whatever height it wrapped to ---------------
  var header = doc.querySelector(".site-header");
  function headerOffset() {
    if (!header) return;
    var sticky = window.getComputedStyle(header).position === "sticky";
    if (sticky) root.style.setProperty("--header-offset", Math.ceil(header.getBoundingClientRect().height) + 16 + "px");
    else root.style.removeProperty("--header-offset");
  }
  if (header && "ResizeObserver" in window) new ResizeObserver(headerOffset).observe(header);
  else window.addEventListener("resize", headerOffset);

  // ---- Side panels: open beside the text on wide screens, folded above it on phones ------
  // `data-open-min` is the narrowest screen on which the panel stands open (a CSS length).
  doc.querySelectorAll("details[data-open-min]").forEach(function (d) {
    var query = window.matchMedia ? window.matchMedia("(min-width: " + d.getAttribute("data-open-min") + ")") : { matches: true };
    var touched = false;
    var sync = function () {
      if (query.matches) d.setAttribute("open", "");
      else if (!touched) d.removeAttribute("open");
    };
    d.querySelector("summary").addEventListener("click", function () { touched = true; });
    sync();
    if (query.addEventListener) query.addEventListener("change", sync);
  });
  // The current article is in view in the document list.
  var current = doc.querySelector(".doc-nav [aria-current=page]");
  var scroller = current && current.closest("nav");
  if (scroller && scroller.scrollHeight > scroller.clientHeight) scroller.scrollTop = current.offsetTop - scroller.offsetTop - scroller.clientHeight / 3;

  // ---- Scrollspy: the section being read is marked in "On this page" ---------------------
  var tocLinks = Array.prototype.slice.call(doc.querySelectorAll(".article__toc a[href^='#']"));
  if (tocLinks.length && "IntersectionObserver" in window) {
    var targets = tocLinks.map(function (a) { return doc.getElementById(decodeURIComponent(a.getAttribute("href").slice(1))); });
    var mark = function () {
      var active = -1;
      for (var i = 0; i < targets.length; i++) {
        if (!targets[i]) continue;
        if (targets[i].getBoundingClientRect().top < window.innerHeight * 0.35) active = i;
      }
      tocLinks.forEach(function (a, i) {
        if (i === active) a.setAttribute("aria-current", "location"); else a.removeAttribute("aria-current");
      });
    };
    var observer = new IntersectionObserver(mark, { rootMargin: "0px 0px -50% 0px" });
    targets.forEach(function (t) { if (t) observer.observe(t); });
    window.addEventListener("scroll", function () { window.requestAnimationFrame(mark); }, { passive: true });
    mark();
  }

  // ---- Copy-link anchors on headings -----------------------------------------------------
  doc.querySelectorAll(".prose h2[id], .prose h3[id], .prose h4[id]").forEach(function (h) {
    var a = doc.createElement("a");
    a.className = "heading-anchor";
    a.href = "#" + h.id;
    a.setAttribute("aria-label", "Link to “" + h.textContent.trim() + "”");
    a.textContent = "#";
    a.addEventListener("click", function () {
      var url = location.href.split("#")[0] + "#" + h.id;
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url).catch(function () {});
      a.setAttribute("data-copied", "");
      setTimeout(function () { a.removeAttribute("data-copied"); }, 1500);
    });
    h.appendChild(a);
  });

  // ---- Previews of footnotes and same-page references on hover and focus -----------------
  var popup = null, hideTimer = null;
  function hidePreview() {
    if (popup) { popup.remove(); popup = null; }
  }
  function previewContent(target) {
    var clone = target.cloneNode(true);
    clone.removeAttribute("id");
    clone.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
    clone.querySelectorAll(".footnote-backref, [data-footnote-backref], .heading-anchor").forEach(function (n) { n.remove(); });
    return clone;
  }
  function showPreview(link) {
    var id = decodeURIComponent(link.getAttribute("href").slice(1));
    var target = id && doc.getElementById(id);
    if (!target || target.closest(".article__side")) return;
    if (/^H[1-6]$/.test(target.tagName)) return;
    clearTimeout(hideTimer);
    hidePreview();
    popup = doc.createElement("div");
    popup.className = "preview";
    popup.setAttribute("role", "tooltip");
    popup.id = "folio-preview";
    var body = previewContent(target);
    if (body.tagName === "LI") {
      var wrap = doc.createElement("div");
      while (body.firstChild) wrap.appendChild(body.firstChild);
      body = wrap;
    }
    popup.appendChild(body);
    doc.body.appendChild(popup);
    link.setAttribute("aria-describedby", "folio-preview");
    var r = link.getBoundingClientRect();
    var width = Math.min(28 * 16, window.innerWidth - 24);
    popup.style.width = width + "px";
    var left = Math.max(12, Math.min(r.left + window.scrollX - width / 2, window.scrollX + window.innerWidth - width - 12));
    popup.style.left = left + "px";
    var below = r.bottom + window.scrollY + 8;
    popup.style.top = below + "px";
    if (r.bottom + popup.offsetHeight + 16 > window.innerHeight && r.top > popup.offsetHeight + 16) {
      popup.style.top = (r.top + window.scrollY - popup.offsetHeight - 8) + "px";
    }
    popup.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    popup.addEventListener("mouseleave", scheduleHide);
  }
  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hidePreview, 250);
  }
  doc.querySelectorAll(".prose a[href^='#']").forEach(function (a) {
    // Citations (`#ref-…`) have their own preview in cite.js.
    if (a.classList.contains("heading-anchor") || a.closest(".footnotes") || a.getAttribute("href").indexOf("#ref-") === 0) return;
    a.addEventListener("mouseenter", function () { showPreview(a); });
    a.addEventListener("focus", function () { showPreview(a); });
    a.addEventListener("mouseleave", scheduleHide);
    a.addEventListener("blur", scheduleHide);
  });
  doc.addEventListener("keydown", function (e) { if (e.key === "Escape") hidePreview(); });

  // ---- Colour theme: system → light → dark ------------------------------------------------
  var toggle = doc.querySelector(".theme-toggle");
  if (toggle) {
    var order = ["system", "light", "dark"];
    var label = function () {
      var t = root.getAttribute("data-theme") || "system";
      toggle.setAttribute("aria-label", "Colour theme: " + t + " (change)");
      toggle.setAttribute("title", "Colour theme: " + t);
      toggle.setAttribute("data-theme-choice", t);
    };
    toggle.hidden = false;
    label();
    toggle.addEventListener("click", function () {
      var t = root.getAttribute("data-theme") || "system";
      var next = order[(order.indexOf(t) + 1) % order.length];
      if (next === "system") root.removeAttribute("data-theme"); else root.setAttribute("data-theme", next);
      try { if (next === "system") localStorage.removeItem("folio-theme"); else localStorage.setItem("folio-theme", next); } catch (e) {}
      label();
    });
  }

  // ---- ←/→ for the previous and next article ---------------------------------------------
  doc.addEventListener("keydown", function (e) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var rel = e.key === "ArrowLeft" ? "prev" : e.key === "ArrowRight" ? "next" : null;
    if (!rel) return;
    var link = doc.querySelector(".pager a[rel=" + rel + "]");
    if (link) { e.preventDefault(); location.href = link.href; }
  });

  // ---- Tables wider than the text: say so, and let the keyboard scroll them ---------------
  function markScrollable() {
    doc.querySelectorAll(".prose table").forEach(function (table) {
      var scrolls = table.scrollWidth > table.clientWidth + 1;
      table.classList.toggle("is-scrollable", scrolls);
      if (scrolls) {
        table.setAttribute("tabindex", "0");
        if (!table.hasAttribute("aria-label")) {
          var caption = table.querySelector("caption");
          table.setAttribute("aria-label", (caption ? caption.textContent.trim() + " " : "") + "(scrolls sideways)");
        }
      } else {
        table.removeAttribute("tabindex");
      }
    });
  }
  markScrollable();
  window.addEventListener("resize", markScrollable);
  headerOffset();
})();
