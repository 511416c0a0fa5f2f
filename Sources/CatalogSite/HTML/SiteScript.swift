/// The report's only script: the routing map's filter. It reads the page's JSON data, counts
/// the matching apps per line and per residency row, and hides what none of them uses. The
/// page shows every route without it.
enum SiteScript {
    static let routingFilter = """
        (function () {
          var data = JSON.parse(document.getElementById("route-data").textContent);
          var form = document.getElementById("filters");
          var lines = document.querySelectorAll("line[data-e]");
          var counts = document.querySelectorAll("[data-c]");
          var maps = document.querySelectorAll("figure[data-geo]");
          var output = document.getElementById("match-count");
          form.hidden = false;
          function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
          function apply() {
            var name = form.elements.app.value.trim().toLowerCase();
            var team = form.elements.team.value, model = form.elements.model.value, geo = form.elements.geo.value;
            var edgeApps = data.edges.map(function () { return 0; });
            var rowApps = new Array(counts.length).fill(0);
            var matched = 0;
            data.apps.forEach(function (app) {
              if (name && app[0].indexOf(name) < 0) return;
              if (team && data.teams[app[1]] !== team) return;
              if (model && data.models[app[2]] !== model) return;
              if (geo && app[3].indexOf(Number(geo)) < 0) return;
              matched += 1;
              app[4].forEach(function (e) { if (!geo || data.edges[e] === Number(geo)) edgeApps[e] += 1; });
              app[5].forEach(function (r) { rowApps[r] += 1; });
            });
            lines.forEach(function (line) {
              var n = edgeApps[Number(line.getAttribute("data-e"))];
              line.style.display = n ? "" : "none";
              line.setAttribute("stroke-width", Math.min(8, 1.5 + Math.log2(Math.max(1, n))).toFixed(1));
              var title = line.querySelector("title");
              title.textContent = title.textContent.replace(/: [0-9,]+ apps?$/, ": " + plural(n, "app"));
            });
            counts.forEach(function (cell) {
              var n = rowApps[Number(cell.getAttribute("data-c"))];
              cell.textContent = n.toLocaleString("en-US");
              cell.closest("tr").hidden = n === 0;
            });
            maps.forEach(function (map) { map.hidden = geo !== "" && map.getAttribute("data-geo") !== geo; });
            output.textContent = plural(matched, "app") + " of " + data.apps.length;
          }
          form.addEventListener("input", apply);
          form.addEventListener("change", apply);
          form.addEventListener("submit", function (event) { event.preventDefault(); });
          apply();
        })();
        """
}
