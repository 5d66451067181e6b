// Sort and filter the index tables. Without this script the tables are complete and readable.
(function () {
  "use strict";
  document.querySelectorAll("[data-term-table]").forEach(function (wrapper) {
    var table = wrapper.querySelector("table");
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var filter = document.createElement("input");
    filter.type = "search";
    filter.placeholder = "Filter by name or alias…";
    filter.className = "term-table__filter";
    filter.setAttribute("aria-label", "Filter the list");
    var count = document.createElement("p");
    count.className = "term-table__count";
    count.setAttribute("aria-live", "polite");
    wrapper.insertBefore(filter, table);
    // A type or category menu when the rows have more than one (companies: company, government body…).
    var groups = [];
    rows.forEach(function (row) {
      var g = row.getAttribute("data-group");
      if (g && groups.indexOf(g) === -1) groups.push(g);
    });
    var select = null;
    if (groups.length > 1) {
      select = document.createElement("select");
      select.className = "term-table__type";
      select.setAttribute("aria-label", "Show one type");
      select.add(new Option("All types", ""));
      groups.sort().forEach(function (g) { select.add(new Option(g, g)); });
      wrapper.insertBefore(select, table);
    }
    wrapper.insertBefore(count, table);
    function applyFilter() {
      var q = filter.value.trim().toLowerCase();
      var type = select ? select.value : "";
      var shown = 0;
      rows.forEach(function (row) {
        var hit = (!q || (row.getAttribute("data-name") || "").toLowerCase().indexOf(q) !== -1)
          && (!type || row.getAttribute("data-group") === type);
        row.hidden = !hit;
        if (hit) shown++;
      });
      count.textContent = q || type ? shown + " of " + rows.length + " shown" : "";
    }
    filter.addEventListener("input", applyFilter);
    if (select) select.addEventListener("change", applyFilter);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      var kind = th.getAttribute("data-sort");
      if (!kind) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        if (kind === "number" && th.getAttribute("aria-sort") === "none") ascending = false;
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var x = a.cells[column].textContent.trim(), y = b.cells[column].textContent.trim();
          var order = kind === "number" ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { tbody.appendChild(row); });
      });
    });
  });
})();
