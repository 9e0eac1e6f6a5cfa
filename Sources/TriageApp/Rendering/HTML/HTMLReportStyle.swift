/// The report's only stylesheet, inline: a report mailed or archived as one file must look the
/// same with no network, so no font, script or image is fetched.
enum HTMLReportStyle {
    static let css = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body { margin: 0; padding: 1rem; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      color: #1a1a1a; background: #fff; -webkit-text-size-adjust: 100%; }
    main { max-width: 60rem; margin: 0 auto; }
    h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
    h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .2rem; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; overflow-wrap: anywhere; }
    ul.contents { padding-left: 1.2rem; }
    .scroll { overflow-x: auto; max-width: 100%; margin: 0 0 1rem; -webkit-overflow-scrolling: touch; }
    table { border-collapse: collapse; font-size: .85rem; }
    caption { text-align: left; font-weight: 600; padding: .3rem 0; }
    th, td { border: 1px solid #bbb; padding: .25rem .5rem; text-align: left; white-space: nowrap; vertical-align: top; }
    td.text, th.text { white-space: normal; min-width: 14rem; }
    th { background: #f0f0f0; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    figure.chart { margin: 0 0 1.5rem; }
    figure.chart svg { display: block; width: 100%; height: auto; max-width: 44rem; }
    figcaption { font-size: .8rem; color: #444; margin-top: .2rem; }
    svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
    svg text { fill: #1a1a1a; }
    p.note { font-style: italic; }
    @media print {
      body { padding: 0; font-size: 10pt; color: #000; background: none; }
      main { max-width: none; }
      nav { display: none; }
      th { background: none; }
      .scroll { overflow: visible; }
      td, th { white-space: normal; }
      h2 { break-after: avoid; page-break-after: avoid; }
      figure.chart, tr, dl.facts { break-inside: avoid; page-break-inside: avoid; }
      figure.chart svg { max-width: 100%; }
    }
    @page { margin: 15mm; }
    """
}
