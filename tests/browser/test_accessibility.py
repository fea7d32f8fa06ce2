"""WCAG 2.1 AA in a real browser: axe-core injected into every page, both languages, and embeds.

Fails on any serious or critical violation, listing the rule, the help text and the elements.
"""

from pathlib import Path

import pytest

from components.i18n import LANGS
from components.registry import CHARTS
from components.shell import PAGES, link_path

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}


def axe_violations(page) -> list[dict]:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make test` (it installs axe-core with npm ci)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
    }""")
    return [v for v in result if v["impact"] in BLOCKING]


def report(violations: list[dict]) -> str:
    return "\n".join(f"{v['impact']}: {v['id']} - {v['help']}: {v['nodes']}" for v in violations)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_info", PAGES, ids=[p.url_path for p in PAGES])
def test_every_page_has_no_serious_accessibility_violation(page, app_url, open_page,
                                                           page_info, lang):
    """axe-core finds no serious or critical WCAG 2.1 A/AA violation on the page."""
    open_page(page, app_url, link_path(page_info), lang=lang)
    violations = axe_violations(page)
    assert not violations, report(violations)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("spec", CHARTS, ids=[spec.chart_id for spec in CHARTS])
def test_every_embed_has_no_serious_accessibility_violation(page, app_url, open_page, spec, lang):
    """axe-core finds no serious or critical violation in a chart's embed."""
    open_page(page, app_url, "", heading=False, embed="true", chart=spec.chart_id, lang=lang)
    page.wait_for_selector(".js-plotly-plot")
    violations = axe_violations(page)
    assert not violations, report(violations)
