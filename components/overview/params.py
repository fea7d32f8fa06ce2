"""The Overview's URL parameter: the claim a reader opened (from the tracker or the list)."""

from __future__ import annotations

import csv

from components.charts import url_state
from components.data.package import DataPackage
from components.paths import DATA_DIR
from components.text.i18n import Lang, t


def _claim_refs() -> tuple[str, ...]:
    # Read with csv, not the package: parameters are defined at import, before any page loads data.
    with (DATA_DIR / "statements.csv").open(encoding="utf-8-sig", newline="") as handle:
        refs = [row["claim_ref"] for row in csv.DictReader(handle)]
    return tuple(sorted(refs, key=lambda ref: int(ref.removeprefix("C"))))


def _claim_names(data: DataPackage, lang: Lang) -> dict[str, str]:
    # A pill per claim, named as its square in the tracker and its card below (who made it is
    # on the card): fourteen short pills fit three rows on a phone.
    refs = sorted(data["statements"]["claim_ref"], key=lambda ref: int(ref.removeprefix("C")))
    return {"": t("overview.claim_none", lang), **{ref: ref for ref in refs}}


CLAIM_REFS = _claim_refs()
CLAIM = url_state.choice("claim", ("", *CLAIM_REFS), "", label_key="overview.claim_label",
                         option_names=_claim_names, widget="pill")
PARAMS = (CLAIM,)
