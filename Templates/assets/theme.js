/* Applies the reader's chosen colour theme before the page is drawn (loaded in <head>, not deferred). */
try {
  var folioTheme = localStorage.getItem("folio-theme");
  if (folioTheme === "light" || folioTheme === "dark") document.documentElement.setAttribute("data-theme", folioTheme);
} catch (e) { /* storage unavailable: the system setting applies */ }
