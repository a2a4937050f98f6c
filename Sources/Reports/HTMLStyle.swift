/// The report's only stylesheet, inlined: system fonts, no external resources, print rules.
enum HTMLStyle {
    static let css = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body { margin: 0; background: #eef0f3; color: #1d2330;
      font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; }
    main { max-width: 1120px; margin: 0 auto; padding: 24px 32px 48px; background: #ffffff; }
    h1 { font-size: 26px; margin: 0 0 10px; }
    h2 { font-size: 20px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #e3e6eb; }
    h3 { font-size: 16px; margin: 20px 0 6px; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 18px; margin: 8px 0; }
    dl.facts dt { font-weight: 600; color: #4a5263; }
    dl.facts dd { margin: 0; }
    code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
    pre { background: #f3f5f8; border: 1px solid #dfe3e9; border-radius: 4px; padding: 8px 10px; margin: 6px 0;
      white-space: pre-wrap; overflow-wrap: anywhere; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; }
    th, td { border: 1px solid #dde1e7; padding: 4px 7px; text-align: left; vertical-align: top; }
    th { background: #eef1f5; }
    tbody tr:nth-child(even) { background: #fafbfc; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    .nowrap { white-space: nowrap; }
    td.action { min-width: 300px; }
    table.narrow { width: auto; min-width: 50%; }
    td code { overflow-wrap: anywhere; }
    .badge { display: inline-block; padding: 1px 10px; border-radius: 10px; color: #ffffff; font-weight: 700; letter-spacing: 0.03em; }
    .status-completed { background: #2e7d32; } .status-partial { background: #a35f00; }
    .status-failed { background: #c62828; } .status-interrupted { background: #4552a0; } .status-running { background: #546e7a; }
    .finding { background: #fff8e1; border-left: 4px solid #f2b705; padding: 8px 12px; margin: 12px 0; }
    .group { border: 1px solid #e3e6eb; border-radius: 6px; padding: 4px 14px 10px; margin: 12px 0; }
    .muted { color: #5a6272; }
    figure { margin: 14px 0; }
    figcaption { font-size: 13px; color: #4a5263; margin-top: 4px; }
    .charts { display: flex; flex-wrap: wrap; gap: 18px 28px; }
    svg { max-width: 100%; height: auto; }
    svg text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; fill: #1d2330; }
    svg text.axis { fill: #4a5263; font-size: 10px; }
    svg text.chart-title { font-size: 13px; font-weight: 600; }
    ol.actions > li { margin-bottom: 12px; }
    @page { size: A4; margin: 14mm; }
    @media print {
      body { background: #ffffff; font-size: 10.5pt; }
      main { max-width: none; padding: 0; }
      h2 { break-after: avoid; }
      figure, pre, tr, .group, dl.facts { break-inside: avoid; }
      .table-wrap { overflow: visible; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}
