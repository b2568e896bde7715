"""Charts of a dyad's relations over time, as self-contained SVG or HTML (no plotting library).

Bars: cooperation up (verbal light, material dark green), conflict down (verbal light,
material dark red); the line is the period's Goldstein sum on its own axis, zero aligned.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import Any

from accord.analytics import dyad_series
from accord.errors import AccordError
from accord.store import Store

WIDTH, HEIGHT = 960, 440
LEFT, RIGHT, TOP, BOTTOM = 64, 72, 56, 64
COLOURS = {
    "material_cooperation": "#1b7837",
    "verbal_cooperation": "#7fbf7b",
    "verbal_conflict": "#f4a582",
    "material_conflict": "#b2182b",
    "goldstein": "#2c3e94",
}
LABELS = {
    "material_cooperation": "material cooperation",
    "verbal_cooperation": "verbal cooperation",
    "verbal_conflict": "verbal conflict",
    "material_conflict": "material conflict",
    "goldstein": "Goldstein sum (right axis)",
}


def _nice(value: float) -> float:
    """The smallest 1, 2 or 5 x 10^k at least ``value`` (axis limits)."""
    if value <= 0:
        return 1.0
    scale = 10 ** len(str(int(value))) / 10
    for step in (1, 2, 5, 10):
        if step * scale >= value:
            return step * scale
    return 10 * scale


def _fmt(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e6 else f"{value:.2e}"


def dyad_title(actor: str | None, recipient: str | None) -> str:
    if actor and recipient:
        return f"{actor.upper()} → {recipient.upper()}"
    if actor or recipient:
        return f"{(actor or recipient or '').upper()} (all partners)"
    return "all events"


def render_svg(series: list[dict[str, Any]], *, title: str, freq: str) -> str:
    """An SVG chart of a ``dyad_series`` result."""
    esc = html.escape
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    zero = TOP + plot_h / 2
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" font-family="sans-serif" font-size="12">',
        f"<title>{esc(title)}: events per {esc(freq)}</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
        f'<text x="{LEFT}" y="24" font-size="16" font-weight="bold">'
        f"{esc(title)}: events per {esc(freq)}</text>",
    ]
    if not series:
        parts.append(
            f'<text x="{WIDTH / 2}" y="{zero}" text-anchor="middle">no events</text></svg>'
        )
        return "\n".join(parts)
    count_max = _nice(max(max(r["cooperation"], r["conflict"]) for r in series))
    gold_max = _nice(max(abs(r["goldstein"]) for r in series))
    per_count = plot_h / 2 / count_max
    per_gold = plot_h / 2 / gold_max
    for fraction in (-1, -0.5, 0, 0.5, 1):
        y = zero - fraction * plot_h / 2
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{"#444" if fraction == 0 else "#ddd"}"/>'
        )
        parts.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{_fmt(abs(fraction) * count_max)}</text>"
        )
        parts.append(
            f'<text x="{LEFT + plot_w + 6}" y="{y + 4:.1f}" fill="{COLOURS["goldstein"]}">'
            f"{_fmt(fraction * gold_max)}</text>"
        )
    parts.append(
        f'<text transform="translate(16 {zero:.1f}) rotate(-90)" text-anchor="middle">'
        "events (cooperation ↑, conflict ↓)</text>"
    )
    band = plot_w / len(series)
    bar = max(1.0, band * 0.7)
    every = max(1, round(len(series) / 12))
    points = []
    for i, row in enumerate(series):
        x = LEFT + i * band + (band - bar) / 2
        tip = (
            f"{row['period']}: {row['events']} events, {row['cooperation']} cooperation, "
            f"{row['conflict']} conflict, Goldstein {row['goldstein']:g}"
        )
        y = zero
        for name in ("material_cooperation", "verbal_cooperation"):
            h = row["quad_class"][name] * per_count
            y -= h
            if h:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                    f'fill="{COLOURS[name]}"><title>{esc(tip)}</title></rect>'
                )
        y = zero
        for name in ("verbal_conflict", "material_conflict"):
            h = row["quad_class"][name] * per_count
            if h:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                    f'fill="{COLOURS[name]}"><title>{esc(tip)}</title></rect>'
                )
            y += h
        points.append(f"{x + bar / 2:.1f},{zero - row['goldstein'] * per_gold:.1f}")
        if i % every == 0:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{TOP + plot_h + 16}" text-anchor="middle">'
                f"{esc(row['period'])}</text>"
            )
    parts.append(
        f'<polyline points="{" ".join(points)}" fill="none" '
        f'stroke="{COLOURS["goldstein"]}" stroke-width="2"/>'
    )
    x = LEFT
    for name, label in LABELS.items():
        y = HEIGHT - 18
        parts.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{COLOURS[name]}"/>')
        parts.append(f'<text x="{x + 16}" y="{y}">{esc(label)}</text>')
        x += 24 + 7 * len(label)
    parts.append("</svg>")
    return "\n".join(parts)


def render_html(series: list[dict[str, Any]], *, title: str, freq: str) -> str:
    """A standalone HTML page: the SVG chart and the figures as a table."""
    esc = html.escape
    rows = "\n".join(
        "<tr>"
        + "".join(
            f"<td>{esc(str(v))}</td>"
            for v in (
                r["period"],
                r["events"],
                r["cooperation"],
                r["conflict"],
                r["balance"],
                r["goldstein"],
                r["plover_scale"],
            )
        )
        + "</tr>"
        for r in series
    )
    head = "".join(
        f"<th>{h}</th>"
        for h in ("period", "events", "cooperation", "conflict", "balance", "Goldstein", "PLOVER")
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(title)}</title>
<style>
body {{ font-family: sans-serif; margin: 2em; color: #222; }}
table {{ border-collapse: collapse; margin-top: 1.5em; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 0.25em 0.75em; text-align: right; }}
</style>
</head>
<body>
<h1>{esc(title)}</h1>
<p>Events per {esc(freq)} from the accord store.</p>
{render_svg(series, title=title, freq=freq)}
<table>
<thead><tr>{head}</tr></thead>
<tbody>
{rows}
</tbody>
</table>
</body>
</html>
"""


def plot_dyad(
    store: Store,
    *,
    actor: str | None,
    recipient: str | None,
    path: str | Path,
    freq: str = "month",
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Path:
    """Chart a dyad's cooperation and conflict per period into ``path`` (.svg or .html).

    ``actor`` or ``recipient`` may be None for one side's every partner (both: all events).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".svg", ".html", ".htm"):
        raise AccordError(
            f"cannot write {path}: charts are written as .svg or .html "
            "(PNG would need matplotlib, which accord does not use)"
        )
    series = dyad_series(store, actor=actor, recipient=recipient, freq=freq, start=start, end=end)
    title = dyad_title(actor, recipient)
    render = render_svg if suffix == ".svg" else render_html
    try:
        path.write_text(render(series, title=title, freq=freq), encoding="utf-8")
    except OSError as err:
        raise AccordError(f"cannot write {path}: {err.strerror}") from err
    return path
