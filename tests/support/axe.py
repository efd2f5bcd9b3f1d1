"""axe-core (node_modules/axe-core, pinned in package-lock.json) run on a page: WCAG 2.0 to 2.2, A and AA."""
from paths import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def assert_axe_clean(page):
    """axe-core, run on the page as it is now, finds no violation of AXE_TAGS."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    assert not result["violations"], axe_report(result["violations"])


def axe_report(violations):
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:3]:
            lines.append(f"  {' '.join(map(str, node['target']))}")
            lines.append("    " + (node.get("failureSummary") or "").replace("\n", "\n    "))
    return "\n".join(lines)
