"""The HTML page and its CSS for a printable annotatie (kept in Python so the package ships it).

Print layout: the classification/embargo header and footer are `position: fixed` elements, which
browsers repeat on every printed page; the page content sits in a table whose empty thead and
tfoot rows (also repeated per page) reserve room for them, so text never runs underneath. Page
numbers use an @page margin box where the browser supports it (Chromium); elsewhere they are
simply absent."""

from __future__ import annotations

from string import Template

CSS = """
:root { --ink: #1a1a1a; --muted: #555; --rule: #c8c8c8; --mark: #b00020; }
* { box-sizing: border-box; }
html { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
       font-size: 11pt; line-height: 1.4; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 48rem; padding: 1rem 1.25rem; }
h1 { font-size: 1.45rem; margin: .4rem 0 .6rem; line-height: 1.25; }
h2 { font-size: 1.15rem; margin: 1.4rem 0 .5rem; padding-bottom: .15rem;
     border-bottom: 1px solid var(--rule); break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1rem; margin: 1rem 0 .35rem; break-after: avoid; page-break-after: avoid; }
ul { margin: .2rem 0 .5rem; padding-left: 1.3rem; }
li { margin: .12rem 0; }
p { margin: .3rem 0; }
.label { font-size: .8rem; font-weight: 600; text-transform: uppercase; letter-spacing: .04em;
         color: var(--muted); margin: .5rem 0 .1rem; break-after: avoid; page-break-after: avoid; }
table.meta { border-collapse: collapse; margin: .3rem 0 .8rem; }
table.meta th { text-align: left; font-weight: 600; padding: .1rem 1rem .1rem 0; vertical-align: top;
                color: var(--muted); white-space: nowrap; }
table.meta td { padding: .1rem 0; }
.besluit { white-space: pre-line; }
.vraag { margin: .5rem 0 1rem; padding-left: .6rem; border-left: 3px solid var(--rule);
         break-inside: avoid-page; page-break-inside: avoid; }
.vraag .tekst { font-weight: 600; }
.vraag .variant { color: var(--muted); margin: .1rem 0; }
.notitie { font-style: italic; color: var(--muted); }
.concept { color: var(--mark); font-weight: 600; font-size: .85rem; }
.kop, .voet { font-size: .8rem; font-weight: 700; letter-spacing: .05em; color: var(--mark);
              text-align: center; padding: .25rem 0; }
.kop { border-bottom: 1px solid var(--mark); }
.voet { border-top: 1px solid var(--mark); }
.voet .bron { font-weight: 400; color: var(--muted); letter-spacing: 0; }
table.pagina { width: 100%; border-collapse: collapse; }
table.pagina > thead td, table.pagina > tfoot td, table.pagina > tbody > tr > td { padding: 0; }
.ruimte-kop, .ruimte-voet { height: 0; }

@page { size: A4; margin: 12mm 16mm 12mm 16mm;
        @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #555; } }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  /* Repeated on every printed page by the browser. */
  .kop { position: fixed; top: 0; left: 0; right: 0; background: #fff; }
  .voet { position: fixed; bottom: 0; left: 0; right: 0; background: #fff; }
  /* Empty table rows repeated per page: room for the fixed header and footer. */
  .ruimte-kop { height: 12mm; }
  .ruimte-voet { height: 12mm; }
  a { color: inherit; text-decoration: none; }
}
"""

PAGE = Template("""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="briefing">
<title>$title</title>
<style>$css</style>
</head>
<body>
<div class="kop" role="banner">$marking</div>
<table class="pagina" role="presentation">
<thead><tr><td><div class="ruimte-kop"></div></td></tr></thead>
<tfoot><tr><td><div class="ruimte-voet"></div></td></tr></tfoot>
<tbody><tr><td>
<main>
$body
</main>
</td></tr></tbody>
</table>
<div class="voet" role="contentinfo">$marking<br><span class="bron">$footer</span></div>
</body>
</html>
""")
