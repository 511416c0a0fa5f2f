/// The report's only script: the routing map's filter. It reads the page's JSON data, counts
/// the matching apps per line and per residency row, names them, and hides what none of them
/// uses. The page shows every route without it.
enum SiteScript {
    static let routingFilter = """
        (function () {
          var data = JSON.parse(document.getElementById("route-data").textContent);
          var form = document.getElementById("filters");
          var lines = document.querySelectorAll("path[data-e]");
          var counts = document.querySelectorAll("[data-c]");
          var names = document.querySelectorAll("[data-n]");
          var captions = document.querySelectorAll("[data-g]");
          var maps = document.querySelectorAll("figure[data-geo]");
          var output = document.getElementById("match-count");
          var none = document.getElementById("no-match");
          // Each row's link to its Region's page, for "and N more".
          var more = Array.from(names, function (cell) { return cell.querySelector("a[href^='regions/']"); });
          form.hidden = false;
          function plural(n, word) { return n.toLocaleString("en-US") + " " + word + (n === 1 ? "" : "s"); }
          function apply() {
            var name = form.elements.app.value.trim().toLowerCase();
            var team = form.elements.team.value, model = form.elements.model.value, geo = form.elements.geo.value;
            var inGeo = geo === "" ? null : new Set(data.geoRows[Number(geo)]);
            var edgeApps = data.edges.map(function () { return 0; });
            var rowApps = new Array(counts.length).fill(0);
            var rowNames = Array.from(counts, function () { return []; });
            var geoApps = {};
            var matched = 0;
            data.apps.forEach(function (app) {
              if (name && app[0].indexOf(name) < 0) return;
              if (team && data.teams[app[1]] !== team) return;
              if (model && data.models[app[2]] !== model) return;
              // A geography: the apps whose requests may be served in one of its Regions.
              var rows = inGeo ? app[4].filter(function (r) { return inGeo.has(r); }) : app[4];
              if (inGeo && rows.length === 0) return;
              matched += 1;
              var seen = {};
              app[3].forEach(function (e) {
                if (geo !== "" && data.edges[e] !== Number(geo)) return;
                edgeApps[e] += 1;
                seen[data.edges[e]] = true;
              });
              Object.keys(seen).forEach(function (g) { geoApps[g] = (geoApps[g] || 0) + 1; });
              rows.forEach(function (r) { rowApps[r] += 1; if (rowNames[r].length < data.shown) rowNames[r].push(app[0]); });
            });
            lines.forEach(function (line) {
              var n = edgeApps[Number(line.getAttribute("data-e"))];
              line.style.display = n ? "" : "none";
              line.setAttribute("stroke-width", Math.min(8, 1.5 + Math.log2(Math.max(1, n))).toFixed(1));
              var title = line.querySelector("title");
              title.textContent = title.textContent.replace(/: [0-9,]+ apps?$/, ": " + plural(n, "app"));
            });
            counts.forEach(function (cell) {
              var r = Number(cell.getAttribute("data-c"));
              cell.textContent = rowApps[r].toLocaleString("en-US");
              cell.closest("tr").hidden = rowApps[r] === 0;
            });
            names.forEach(function (cell) {
              var r = Number(cell.getAttribute("data-n"));
              var link = more[r];
              cell.textContent = "";
              rowNames[r].forEach(function (app, i) {
                if (i > 0) cell.appendChild(document.createTextNode(", "));
                var a = document.createElement("a");
                a.href = "app/" + app + ".html";
                a.textContent = app;
                cell.appendChild(a);
              });
              if (rowApps[r] > rowNames[r].length && link) {
                link.textContent = "and " + (rowApps[r] - rowNames[r].length).toLocaleString("en-US") + " more";
                cell.appendChild(document.createTextNode(" "));
                cell.appendChild(link);
              }
            });
            captions.forEach(function (caption) {
              var n = geoApps[caption.getAttribute("data-g")] || 0;
              caption.textContent = n === 1 ? "1 app routes through it" : n.toLocaleString("en-US") + " apps route through it";
            });
            var filtering = name || team || model || geo !== "";
            maps.forEach(function (map) {
              map.hidden = filtering && !geoApps[map.getAttribute("data-geo")];
            });
            none.hidden = matched > 0;
            output.textContent = plural(matched, "app") + " of " + data.apps.length.toLocaleString("en-US");
          }
          form.addEventListener("input", apply);
          form.addEventListener("change", apply);
          form.addEventListener("submit", function (event) { event.preventDefault(); });
          apply();
        })();
        """
}
