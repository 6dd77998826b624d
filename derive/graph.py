"""Which results use which: text for the terminal, and ``graph.dot`` / ``graph.svg`` files.

Edges run from a result to the results its proof uses (``Result.uses``). The SVG is
drawn here, without Graphviz: a result sits in the column of its longest chain of
dependencies, so every arrow points left, to something proved earlier.
"""

from __future__ import annotations

from html import escape

from derive.errors import DefinitionError

NODE_HEIGHT, ROW_GAP, COLUMN_GAP, CHAR_WIDTH, MARGIN = 24, 10, 70, 7.2, 20


def edges(results) -> list[tuple[str, str]]:
    """(user, used) pairs, sorted; an unknown name in ``uses`` is a definition error."""
    known = {r.name for r in results}
    pairs = []
    for result in results:
        for used in result.uses:
            if used not in known:
                raise DefinitionError(f"{result.name} uses {used!r}, which is not in the catalog")
            pairs.append((result.name, used))
    return sorted(pairs)


def depths(results) -> dict[str, int]:
    """Length of the longest chain of ``uses`` below each result; a cycle is a definition error."""
    uses = {r.name: sorted(r.uses) for r in results}
    depth: dict[str, int] = {}

    def visit(name, path):
        if name in path:
            raise DefinitionError("results use each other in a cycle: " + " -> ".join([*path, name]))
        if name not in depth:
            depth[name] = 1 + max((visit(u, (*path, name)) for u in uses[name]), default=-1)
        return depth[name]

    for name in sorted(uses):
        visit(name, ())
    return depth


def text(results) -> str:
    users: dict[str, list[str]] = {r.name: [] for r in results}
    for user, used in edges(results):
        users[used].append(user)
    width = max(len(r.name) for r in results)
    lines = []
    for result in sorted(results, key=lambda r: r.name):
        uses = ", ".join(sorted(result.uses)) or "-"
        used_by = ", ".join(users[result.name]) or "-"
        lines.append(f"{result.name:<{width}}  uses: {uses}; used by: {used_by}")
    linked = sum(1 for r in results if r.uses or users[r.name])
    lines.append(f"{len(results)} results, {len(edges(results))} uses, {linked} results linked to another")
    return "\n".join(lines)


def dot(results) -> str:
    lines = ["digraph derive {", "  rankdir=RL;", '  node [shape=box, fontname="Helvetica", fontsize=10];']
    for area in sorted({r.area for r in results}):
        names = sorted(r.name for r in results if r.area == area)
        lines.append(f'  subgraph "cluster_{area}" {{ label="{area}"; ' + " ".join(f'"{n}";' for n in names) + " }")
    lines += [f'  "{user}" -> "{used}";' for user, used in edges(results)]
    lines.append("}")
    return "\n".join(lines) + "\n"


def svg(results) -> str:
    depth = depths(results)
    columns: dict[int, list] = {}
    for result in sorted(results, key=lambda r: (r.area, r.name)):
        columns.setdefault(depth[result.name], []).append(result.name)
    widths = {c: max(len(n) for n in names) * CHAR_WIDTH + 16 for c, names in columns.items()}
    x, place = MARGIN, {}
    for column in sorted(columns):
        for row, name in enumerate(columns[column]):
            place[name] = (x, MARGIN + row * (NODE_HEIGHT + ROW_GAP), widths[column])
        x += widths[column] + COLUMN_GAP
    width = x - COLUMN_GAP + MARGIN
    height = MARGIN * 2 + max(len(names) for names in columns.values()) * (NODE_HEIGHT + ROW_GAP)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="Helvetica, Arial, sans-serif" font-size="12">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>',
    ]
    for user, used in edges(results):
        ux, uy, _ = place[user]
        vx, vy, vw = place[used]
        out.append(
            f'<line x1="{ux:.1f}" y1="{uy + NODE_HEIGHT / 2:.1f}" x2="{vx + vw:.1f}" y2="{vy + NODE_HEIGHT / 2:.1f}" '
            'stroke="#555" stroke-width="1" marker-end="url(#arrow)"/>'
        )
    for result in sorted(results, key=lambda r: r.name):
        nx, ny, nw = place[result.name]
        out.append(
            f"<g><title>{escape(result.title)} ({escape(result.area)})</title>"
            f'<rect x="{nx:.1f}" y="{ny:.1f}" width="{nw:.1f}" height="{NODE_HEIGHT}" rx="4" fill="#f4f6fb" stroke="#334"/>'
            f'<text x="{nx + 8:.1f}" y="{ny + 16:.1f}">{escape(result.name)}</text></g>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"
