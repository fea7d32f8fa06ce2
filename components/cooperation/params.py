"""The Cooperation page's URL parameters, each with its control: the initiative and the level."""

from __future__ import annotations

from components.charts import url_state
from components.cooperation.shaping import LEVELS
from components.data.package import DataPackage
from components.text.i18n import Lang, localized, t

# Kept in step with data/initiatives.csv by a unit test; the URL accepts exactly these.
INITIATIVE_IDS = ("pandemic-response", "tourism", "volunteer-movement", "asean-sco-eaeu",
                  "multi-vector-eas")
INITIATIVE_OPTIONS = ("", *INITIATIVE_IDS)  # "" = every initiative
LEVEL_OPTIONS = ("", *LEVELS)  # "" = no level highlighted


def _initiative_names(data: DataPackage, lang: Lang) -> dict[str, str]:
    names = {row["initiative_id"]: localized(row, "name", lang)
             for _, row in data["initiatives"].iterrows()}
    return {"": t("cooperation.initiative_all", lang), **names}


def _level_names(data: DataPackage, lang: Lang) -> dict[str, str]:
    return {level: (t(f"cooperation.delegations.level.{level}", lang) if level
                    else t("cooperation.level_all", lang)) for level in LEVEL_OPTIONS}


INITIATIVE = url_state.choice("initiative", INITIATIVE_OPTIONS, "",
                              label_key="cooperation.initiative_label",
                              option_names=_initiative_names, widget="radio")  # sentences: pills cut them off
LEVEL = url_state.choice("level", LEVEL_OPTIONS, "", label_key="cooperation.level_label",
                         option_names=_level_names, widget="segmented")
PARAMS = (INITIATIVE, LEVEL)
