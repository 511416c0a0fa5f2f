/// Every colour the report uses, and which it is read against: text keeps a contrast of at
/// least 4.5:1 with its background, bars, lines and dots 3:1 with the page (WCAG 2.1 AA).
enum SitePalette {
    static let paper = "#ffffff", ink = "#1b1f24", muted = "#4a5360", link = "#0a4fb3", band = "#f3f5f8", line = "#d0d7de"
    /// Text on the navigation bar (`ink`), and the current page's underline.
    static let navText = "#ffffff", navCurrent = "#8fb8ff"
    /// Badges: LEGACY and warnings, end of life and removals, ACTIVE and additions.
    static let warnBackground = "#fff3c4", warn = "#5c4300", badBackground = "#fde4e4", bad = "#8a1020"
    static let goodBackground = "#e3f2e6", good = "#14532d", added = "#11652a"
    /// Bars.
    static let estimate = "#8a5300", actual = "#1f5fbf", none = "#b3261e"
    /// Routing lines and Region dots.
    static let route = "#1f5fbf", region = "#1b1f24", deployed = "#11652a"

    /// (foreground, background, minimum ratio) for every pair the style sheet and charts put together.
    static let pairs: [(String, String, Double)] = [
        (ink, paper, 4.5), (muted, paper, 4.5), (link, paper, 4.5), (ink, band, 4.5), (muted, band, 4.5), (link, band, 4.5),
        (navText, ink, 4.5), (navCurrent, ink, 3), (warn, warnBackground, 4.5), (bad, badBackground, 4.5),
        (good, goodBackground, 4.5), (added, band, 4.5), (bad, band, 4.5), (warn, band, 4.5),
        (estimate, paper, 3), (actual, paper, 3), (none, paper, 3), (route, paper, 3), (region, paper, 3), (deployed, paper, 3),
    ]
}

/// The one style sheet, inlined in every page (no file to fetch, so a page works alone): one
/// column, tables scrolling inside their own box on a narrow screen.
enum SiteStyle {
    static let css = """
        :root{--ink:\(SitePalette.ink);--muted:\(SitePalette.muted);--line:\(SitePalette.line);--paper:\(SitePalette.paper);\
        --band:\(SitePalette.band);--link:\(SitePalette.link);--warn-bg:\(SitePalette.warnBackground);--warn:\(SitePalette.warn);\
        --bad-bg:\(SitePalette.badBackground);--bad:\(SitePalette.bad)}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);\
        background:var(--paper)}
        a{color:var(--link)}
        .skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:var(--paper);padding:4px}
        header{background:var(--ink);color:\(SitePalette.navText)}
        nav{max-width:1200px;margin:0 auto;padding:8px 16px;display:flex;flex-wrap:wrap;align-items:center;gap:4px 16px}
        nav .brand{font-weight:700}
        nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px}
        nav a{color:\(SitePalette.navText);text-decoration:none;padding:2px 0}
        nav a[aria-current=page]{border-bottom:3px solid \(SitePalette.navCurrent);font-weight:600}
        main{max-width:1200px;margin:0 auto;padding:8px 16px 32px}
        h1{font-size:1.6rem;margin:16px 0 8px;overflow-wrap:anywhere}
        h2{font-size:1.25rem;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
        h3{font-size:1.05rem;margin:18px 0 6px}
        p,li,dd{overflow-wrap:anywhere}
        dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:2px 16px;margin:8px 0}
        dt{font-weight:600}dd{margin:0}
        @media (max-width:480px){dl{grid-template-columns:minmax(0,1fr)}dd{margin:0 0 6px 12px}}
        footer{max-width:1200px;margin:0 auto;padding:16px;color:var(--muted);font-size:.875rem;border-top:1px solid var(--line)}
        code{font:.875rem/1.4 ui-monospace,"DejaVu Sans Mono",monospace;overflow-wrap:anywhere}
        .muted{color:var(--muted)}
        .scroll{overflow-x:auto;max-width:100%;margin:8px 0}
        table{border-collapse:collapse;font-size:.9rem;min-width:50%}
        caption{text-align:left;font-weight:600;padding:4px 0}
        th,td{border-bottom:1px solid var(--line);padding:4px 10px 4px 0;text-align:left;vertical-align:top}
        th{background:var(--band);padding-left:4px}
        td:first-child{padding-left:4px}
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        tfoot td{font-weight:600;border-top:2px solid var(--ink)}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:8px;margin:8px 0;padding:0;list-style:none}
        .cards li{background:var(--band);border-radius:6px;padding:8px 12px}
        .cards b{display:block;font-size:1.5rem;white-space:nowrap;overflow-wrap:normal}
        .badge{display:inline-block;border-radius:4px;padding:0 6px;font-size:.8rem;font-weight:600;white-space:nowrap}
        .legacy{background:var(--warn-bg);color:var(--warn)}
        .eol{background:var(--bad-bg);color:var(--bad)}
        .active{background:\(SitePalette.goodBackground);color:\(SitePalette.good)}
        .chart{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:16px;align-items:start;margin:8px 0 24px}
        @media (max-width:800px){.chart{grid-template-columns:minmax(0,1fr)}}
        svg{max-width:100%;height:auto;display:block}
        .chart-svg{overflow-x:auto}.chart-svg svg{min-width:560px}
        svg text{font-family:system-ui,"DejaVu Sans",sans-serif;fill:var(--ink)}
        .legend{display:flex;flex-wrap:wrap;gap:4px 16px;margin:4px 0;padding:0;list-style:none;font-size:.875rem}
        .key{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
        .diff{background:var(--band);padding:8px;border-radius:6px;overflow-x:auto;font:.85rem/1.45 ui-monospace,"DejaVu Sans Mono",monospace;\
        white-space:pre-wrap;overflow-wrap:anywhere}
        .add{color:\(SitePalette.added)}.del{color:var(--bad)}.chg{color:var(--warn)}
        .filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:end;margin:8px 0;padding:8px;background:var(--band);border-radius:6px}
        .filters label{display:flex;flex-direction:column;font-size:.875rem;min-width:0}
        .filters input,.filters select{font:inherit;max-width:100%}
        .map-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:16px}
        @media (max-width:420px){.map-grid{grid-template-columns:minmax(0,1fr)}}
        .map-grid figure{margin:0;border:1px solid var(--line);border-radius:6px;padding:8px}
        figcaption{font-weight:600}
        .pager{display:flex;flex-wrap:wrap;gap:4px 12px;margin:8px 0}
        [hidden]{display:none!important}
        """
}
