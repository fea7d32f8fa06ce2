"""The Overview's URL parameter: the claim a reader opened (from the tracker or the list)."""

from __future__ import annotations

from components.charts import url_state
from components.data.package import DataPackage
from components.data.source import column
from components.text.i18n import Lang, t


def claim_refs() -> tuple[str, ...]:
    """The claims' refs in the data, in order ("C2" before "C10")."""
    return tuple(sorted(column("statements.csv", "claim_ref"), key=_claim_order))


def _claim_order(ref: str) -> tuple[int, str]:
    number = ref.removeprefix("C")
    return (int(number), "") if number.isdigit() else (10**9, ref)


def _claim_names(data: DataPackage, lang: Lang) -> dict[str, str]:
    # A pill per claim, named as its square in the tracker and its card below (who made it is
    # on the card): fourteen short pills fit three rows on a phone.
    refs = sorted(data["statements"]["claim_ref"], key=_claim_order)
    return {"": t("overview.claim_none", lang), **{ref: ref for ref in refs}}


CLAIM = url_state.choice("claim", lambda: ("", *claim_refs()), "", label_key="overview.claim_label",
                         option_names=_claim_names, widget="pill")
PARAMS = (CLAIM,)
