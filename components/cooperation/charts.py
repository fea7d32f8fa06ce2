"""The Cooperation page's charts: data shaped, figure built, and the finding written as the title.

Each ``make_*`` takes the data package, the chart's parameter values and a language, and returns a
``Chart``; ``CHARTS`` registers them.
"""

from __future__ import annotations

import dataclasses
import html
import textwrap
from collections.abc import Mapping
from typing import Any

import pandas as pd

from components.charts.dot_table import DotStyle, dot_table_figure
from components.charts.fields import LIST_SEPARATOR
from components.charts.spec import Chart, ChartSpec
from components.charts.theme import RUSSIA_COLOUR
from components.cooperation import shaping as coop
from components.cooperation.figures import (
    make_channels_figure,
    make_delegation_figure,
    make_initiative_sector_figure,
)
from components.cooperation.params import INITIATIVE, LEVEL
from components.data.checks import split_list
from components.data.conflicts import caveat, disagreement, marked
from components.data.package import DataPackage
from components.data.summit import SUMMIT_DAY
from components.text.i18n import (
    Lang,
    format_date,
    format_number,
    format_short_date,
    join_names,
    localized,
    t,
    t_count,
)

KINDS = ("proposal", "position", "commitment")
WRAP_CHARS = 42  # an initiative's lines stay inside a phone's 311 px chart at 13-14 px


def _escape(text: object) -> str:
    """Data text for plotly hover and labels, which read a few HTML tags."""
    return html.escape(str(text), quote=False)


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(_escape(text), width)) or _escape(text)


def status_label(data: DataPackage, initiative_id: str, status: str, lang: Lang) -> str:
    """The reported status; "(Russian ministry's claim)" when no statement behind it is confirmed."""
    label = t(f"cooperation.status.{status}", lang)
    if status != "proposed" and coop.status_is_a_claim(data, initiative_id):
        return t("cooperation.status_claim", lang, status=label)
    return label


def _names(frame: pd.DataFrame, lang: Lang) -> list[str]:
    return [localized(row, "name", lang) for _, row in frame.iterrows()]


# --- initiatives-sectors ---------------------------------------------------------------------------

def make_initiatives_sectors(data: DataPackage, values: Mapping[str, Any], lang: Lang) -> Chart:
    """Which of Russia's initiatives fits which of the nine priority sectors, which fit none, and
    each one's kind and status as the article reports them."""
    focus = values.get(INITIATIVE.key, INITIATIVE.default)
    links = coop.initiative_sector_links(data)
    fit = coop.sector_fit(links)
    initiatives = data["initiatives"].set_index("initiative_id")
    sectors = data["sectors"].sort_values("order")
    sector_names = {row["sector_id"]: localized(row, "name", lang) for _, row in sectors.iterrows()}
    statuses = {initiative_id: status_label(data, initiative_id, row["status"], lang)
                for initiative_id, row in initiatives.iterrows()}
    basis_text = {basis: t(f"cooperation.sectors.basis.{basis}", lang)
                  for basis in ("stated", "editorial", "outside")}
    rows = []
    for initiative_id, row in initiatives.iterrows():
        own = links[links["initiative_id"] == initiative_id]
        inside = own[own["basis"] != coop.OUTSIDE]
        basis = "stated" if (inside["basis"] == "stated").any() else (
            "editorial" if len(inside) else coop.OUTSIDE)
        fits = (t("cooperation.sectors.fits", lang,
                  sectors=join_names([sector_names[s] for s in inside["sector_id"]], lang),
                  basis=t(f"cooperation.sectors.basis_short.{basis}", lang))
                if len(inside) else t("cooperation.sectors.outside", lang))
        kind = t(f"cooperation.kind.{row['kind']}", lang)
        # "Proposal · The EAS's Western wing still trying to block it": a status only where the
        # article reports one beyond the proposal itself.
        status = "" if row["status"] == "proposed" else f" · {statuses[initiative_id]}"
        rows.append({
            "initiative_id": initiative_id,
            "name": f"<b>{_wrap(localized(row, 'name', lang), WRAP_CHARS)}</b><br>"
                    f"<i>{_wrap(kind + status, WRAP_CHARS)}</i>",
            "fit": _wrap(fits, WRAP_CHARS - 4), "basis": basis,
            "hover": t("cooperation.sectors.hover", lang,
                       initiative=_wrap(localized(row, "name", lang), 45), fit=_wrap(fits, 45),
                       status=_escape(statuses[initiative_id])),
        })
    rows = pd.DataFrame(rows)
    figure = make_initiative_sector_figure(
        rows, basis_names={basis: _wrap(text, 30) for basis, text in basis_text.items()
                           if basis in set(rows["basis"])}, focus=focus)
    title_key = "title_none_stated" if fit.stated_links == 0 else "title"
    title = t_count(f"cooperation.sectors.{title_key}", lang, fit.inside, total=fit.initiatives,
                    outside=fit.outside)
    names = {i: localized(row, "name", lang) for i, row in initiatives.iterrows()}
    description = t("cooperation.sectors.description", lang, total=fit.initiatives,
                    sectors=len(sectors),
                    inside="; ".join(names[i] for i in rows.loc[rows["basis"] != coop.OUTSIDE,
                                                                 "initiative_id"]),
                    outside="; ".join(names[i] for i in rows.loc[rows["basis"] == coop.OUTSIDE,
                                                                  "initiative_id"]))
    notes = []
    if fit.stated_links == 0:
        notes.append(t("cooperation.sectors.note_editorial", lang))
    for initiative_id, row in initiatives.iterrows():
        if row["status"] != "proposed" and coop.status_is_a_claim(data, initiative_id):
            key = ("cooperation.sectors.note_claim_asean" if row["status"] ==
                   "resisted_by_western_eas" else "cooperation.sectors.note_claim")
            notes.append(t(key, lang, initiative=localized(row, "name", lang)))
    table_links = links.assign(
        initiative=links["initiative_id"].map(names),
        kind=links["initiative_id"].map(lambda i: t(f"cooperation.kind.{initiatives.loc[i, 'kind']}",
                                                    lang)),
        status_text=links["initiative_id"].map(statuses),
        column=[sector_names.get(sector, t("cooperation.sectors.outside", lang))
                for sector in links["sector_id"]],
        basis_text=links["basis"].map(basis_text))
    table = pd.DataFrame({
        t("cooperation.col.initiative", lang): table_links["initiative"],
        t("cooperation.col.kind", lang): table_links["kind"],
        t("cooperation.col.status", lang): table_links["status_text"],
        t("cooperation.col.sector", lang): table_links["column"],
        t("cooperation.col.basis", lang): table_links["basis_text"],
    })
    data_rows = pd.DataFrame({
        "initiative_id": links["initiative_id"],
        "initiative": table_links["initiative"],
        "kind": links["initiative_id"].map(initiatives["kind"]),
        "status": links["initiative_id"].map(initiatives["status"]),
        "status_as_reported": table_links["status_text"],
        "sector_id": [sector if sector in sector_names else "" for sector in links["sector_id"]],
        "sector": [sector_names.get(sector, "") for sector in links["sector_id"]],
        "basis": links["basis"],
        "source_ids": [LIST_SEPARATOR.join(dict.fromkeys(
            split_list(initiatives.loc[initiative_id, "source_ids"]) + split_list(ids)))
            for initiative_id, ids in zip(links["initiative_id"], links["source_ids"],
                                          strict=True)],
    })
    kinds = initiatives["kind"].value_counts()
    source_ids = tuple([*sectors["source_ids"], *initiatives["source_ids"], *links["source_ids"]])
    return Chart(figure=figure, title=title,
                 subtitle=t("cooperation.sectors.subtitle", lang,
                            date=format_date(SUMMIT_DAY, lang),
                            kinds=join_names([t_count(f"cooperation.kind_count.{kind}", lang,
                                                      int(kinds.get(kind, 0)))
                                              for kind in KINDS if kinds.get(kind, 0)], lang)),
                 table=table, source_ids=source_ids, description=description, notes=tuple(notes),
                 rows=data_rows, method=t("cooperation.sectors.method", lang))


# --- channels --------------------------------------------------------------------------------------

CHANNEL_LEGEND = ("member", "guest", "dialogue_partner", "claimed", "confirmed_appearance")


def make_channels(data: DataPackage, values: Mapping[str, Any], lang: Lang) -> Chart:
    """When each of Russia's channels into the region began, and the unconfirmed 2017 claim."""
    steps = coop.channel_steps(data)
    lanes = {channel: t(f"cooperation.channels.lane.{channel}", lang) for channel in coop.CHANNELS}
    steps = steps.assign(
        label=[marked(format_short_date(day, lang, precision), conflict) for day, precision, conflict
               in zip(steps["date"], steps["precision"], steps["conflict_id"], strict=True)],
        date_text=[format_date(day, lang, precision)
                   for day, precision in zip(steps["date"], steps["precision"], strict=True)],
        step_text=[t(f"cooperation.channels.step.{step}", lang) for step in steps["step"]],
        lane=steps["channel_id"].map(lanes),
        event=[localized(row, "title", lang) for _, row in steps.iterrows()],
    )
    steps["hover"] = [
        "<br>".join(part for part in (
            f"<b>{_escape(row['lane'])}</b>",
            f"{_escape(row['step_text'])}: {_escape(row['date_text'])}",
            _wrap(row["event"], 45) if row["event"] else "",
            _escape(t(f"verification.{row['verification']}", lang)),
        ) if part)
        for _, row in steps.iterrows()]
    figure = make_channels_figure(
        steps, lanes={channel: _wrap(lane, 16) for channel, lane in lanes.items()},
        legend_names={step: _wrap(t(f"cooperation.channels.legend.{step}", lang), 28)
                      for step in CHANNEL_LEGEND},
        summit_day=SUMMIT_DAY,
        summit_label=t("cooperation.channels.summit", lang,
                       date=format_short_date(SUMMIT_DAY, lang)),
        until=SUMMIT_DAY,
    )
    starts = coop.channel_starts(steps)
    forums = starts[starts["channel_id"] != coop.LINK_CHANNEL].sort_values("date")
    title = t("cooperation.channels.title", lang, count=len(forums),
              first=forums.iloc[0]["date"].year, first_name=forums.iloc[0]["lane"],
              last=forums.iloc[-1]["date"].year, last_name=forums.iloc[-1]["lane"])
    description = t("cooperation.channels.description", lang, items=join_names(
        [f"{row['lane']} ({row['date_text']})" for _, row in forums.iterrows()], lang))
    claim = steps[steps["step"] == "claimed"].iloc[0]
    confirmed = steps[steps["step"] == "confirmed_appearance"].iloc[0]
    notes = [t("cooperation.channels.note_claim", lang, year=claim["date"].year,
               date=confirmed["date_text"])]
    notes += [f"{row['lane']}, {row['step_text']}: {disagreement(data, row['conflict_id'], lang)}"
              for _, row in steps[steps["conflict_id"] != ""].iterrows()]
    notes.append(t("cooperation.channels.note_precision", lang))
    table = pd.DataFrame({
        t("cooperation.col.channel", lang): steps["lane"],
        t("cooperation.col.step", lang): steps["step_text"],
        t("cooperation.col.date", lang): steps["date_text"],
        t("cooperation.col.verification", lang): [t(f"verification.{v}", lang)
                                                 for v in steps["verification"]],
    })
    return Chart(figure=figure, title=title,
                 subtitle=t("cooperation.channels.subtitle", lang,
                            first=steps["date"].min().year, date=format_date(SUMMIT_DAY, lang)),
                 table=table, source_ids=tuple(steps["source_ids"]), description=description,
                 notes=tuple(notes),
                 rows=pd.DataFrame({
                     "channel_id": steps["channel_id"], "channel": steps["lane"],
                     "step": steps["step"], "date": steps["date"],
                     "date_precision": steps["precision"],
                     "verification": steps["verification"],
                     "caveat": [disagreement(data, c, lang) for c in steps["conflict_id"]],
                     "source_ids": steps["source_ids"]}),
                 method=t("cooperation.channels.method", lang))


# --- delegation-levels -----------------------------------------------------------------------------

def make_delegation_levels(data: DataPackage, values: Mapping[str, Any], lang: Lang) -> Chart:
    """The level at which each participant and the observer came to the 18th East Asia Summit."""
    highlight = values.get(LEVEL.key, LEVEL.default)
    delegations = coop.eas_delegations(data)
    counts = coop.level_counts(delegations)
    level_text = {level: t(f"cooperation.delegations.level.{level}", lang) for level in coop.LEVELS}
    unknown = t("cooperation.delegations.not_named", lang)
    delegations = delegations.assign(
        country=_names(delegations, lang),
        level_text=delegations["level"].map(level_text),
        position=[localized(row, "position", lang) for _, row in delegations.iterrows()],
        verification_text=[t(f"verification.{v}", lang) for v in delegations["verification"]],
    )
    delegations["label"] = [
        _escape(name) + (f" ({_escape(t('cooperation.delegations.observer', lang))})"
                         if attendance == "observer" else "")
        for name, attendance in zip(delegations["country"], delegations["attendance"],
                                    strict=True)]
    # Who led each delegation is the news: beside its mark, not only on hover (which a phone
    # does not have).
    unnamed = t("cooperation.delegations.not_named_short", lang)  # beside a mark, at 375 px
    delegations["leader"] = [_escape(marked(who, conflict) if who else unnamed)
                             for who, conflict in zip(delegations["representative"],
                                                      delegations["conflict_id"], strict=True)]
    delegations["hover"] = [
        "<br>".join(part for part in (
            f"<b>{_escape(row['country'])}</b>"
            + (f" ({_escape(t('cooperation.delegations.observer', lang))})"
               if row["attendance"] == "observer" else ""),
            _escape(marked(", ".join(p for p in (row["representative"], row["position"]) if p),
                           row["conflict_id"]) or unknown),
            _escape(row["level_text"]),
            _escape(row["verification_text"]),
        ) if part)
        for _, row in delegations.iterrows()]
    kinds = ["verified", "unconfirmed", "conflict"]
    legend = {kind: _wrap(t(f"cooperation.delegations.legend.{kind}", lang), 28) for kind in kinds
              if (delegations["verification"] == kind).any()}
    if (delegations["attendance"] == "observer").any():
        legend["observer"] = _wrap(t("cooperation.delegations.legend.observer", lang), 28)
    figure = make_delegation_figure(
        delegations, levels={level: _escape(text) for level, text in level_text.items()},
        legend_names=legend, highlight=highlight, russia=coop.RUSSIA)

    russia = delegations[delegations["iso3"] == coop.RUSSIA].iloc[0]
    title = t_count("cooperation.delegations.title", lang, counts.heads_confirmed,
                    level=t(f"cooperation.delegations.level_phrase.{counts.russia_level}", lang),
                    name=russia["representative"], total=counts.delegations)
    participants = int((delegations["attendance"] == "participant").sum())
    observers = int((delegations["attendance"] == "observer").sum())
    per_level = [f"{level_text[level]}: {format_number(n, lang)}"
                 for level, n in delegations["level"].value_counts().reindex(
                     coop.LEVELS, fill_value=0).items() if n]
    description = t("cooperation.delegations.description", lang, total=counts.delegations,
                    levels="; ".join(per_level),
                    russia=f"{russia['representative']}, {russia['position']}")
    notes = []
    unconfirmed = list(delegations.loc[(delegations["verification"] == "unconfirmed")
                                       & (delegations["level"] != "unknown"), "country"])
    if unconfirmed:
        notes.append(t("cooperation.delegations.note_unconfirmed", lang,
                       names=join_names(unconfirmed, lang)))
    for _, row in delegations[delegations["conflict_id"] != ""].iterrows():
        notes.append(f"{row['country']}: {disagreement(data, row['conflict_id'], lang)}")
    unnamed = list(delegations.loc[delegations["level"] == "unknown", "country"])
    if unnamed:
        notes.append(t("cooperation.delegations.note_unknown", lang, names=join_names(unnamed, lang)))
    table = pd.DataFrame({
        t("cooperation.col.country", lang): delegations["country"],
        t("cooperation.col.representative", lang): [
            marked(name, conflict) if name else unknown
            for name, conflict in zip(delegations["representative"], delegations["conflict_id"],
                                      strict=True)],
        t("cooperation.col.position", lang): delegations["position"],
        t("cooperation.col.level", lang): delegations["level_text"],
        t("cooperation.col.verification", lang): delegations["verification_text"],
    })
    source_ids = tuple(dict.fromkeys(split_list("~".join(delegations["source_ids"]))))
    return Chart(figure=figure, title=title,
                 subtitle=t("cooperation.delegations.subtitle", lang,
                            date=format_date(SUMMIT_DAY, lang), participants=participants,
                            observers=observers),
                 table=table, source_ids=source_ids, description=description, notes=tuple(notes),
                 rows=pd.DataFrame({
                     "iso3": delegations["iso3"], "country": delegations["country"],
                     "attendance": delegations["attendance"],
                     "representative": delegations["representative"],
                     "position": delegations["position"], "level": delegations["level"],
                     "verification": delegations["verification"],
                     "caveat": [caveat(row, data, lang) for _, row in delegations.iterrows()],
                     "source_ids": delegations["source_ids"]}),
                 method=t("cooperation.delegations.method", lang))


# --- since-jakarta ----------------------------------------------------------------------------------

SINCE_STYLE = DotStyle(RUSSIA_COLOUR, "circle", "", "RUS")  # every row is a Russian initiative
SINCE_FILLS = {"taken_up": "", "echoed_by_others": "-open-dot", "repeated_by_russia": "-open",
               "no_trace": "-open"}


def make_since_jakarta(data: DataPackage, values: Mapping[str, Any], lang: Lang) -> Chart:
    """What became of each initiative Russia brought to Jakarta, by the day its sources were
    searched to: one row each, grouped by outcome, the latest finding under its name."""
    rows = coop.since_jakarta(data)
    counts = coop.outcome_counts(rows)
    as_of = rows["as_of"].max()
    kinds = [t(f"cooperation.kind.{kind}", lang) for kind in rows["kind"]]
    texts = pd.DataFrame({
        "key": rows["initiative_id"], "group": rows["outcome"], "style": "russia",
        "label": [_escape(localized(row, "name", lang)) for _, row in rows.iterrows()],
        "detail": [_escape(kind) for kind in kinds],
        "hover": [_wrap(localized(row, "summary", lang), 50) for _, row in rows.iterrows()],
    })
    labels = {outcome: f"{t(f'cooperation.since.outcome.{outcome}', lang)} ({counts[outcome]})"
              for outcome in coop.OUTCOMES}
    figure = dot_table_figure(
        texts, groups=coop.OUTCOMES, group_labels=labels,
        styles={"russia": dataclasses.replace(SINCE_STYLE,
                                              name=t("cooperation.since.legend", lang))},
        fills=SINCE_FILLS)
    total = len(rows)
    title_key = "taken_up_none" if counts["taken_up"] == 0 else "taken_up_some"
    title = t_count(f"cooperation.since.title.{title_key}", lang, total,
                    taken_up=counts["taken_up"], date=format_date(as_of, lang))
    table = pd.DataFrame({
        t("cooperation.col.initiative", lang): [localized(row, "name", lang)
                                                for _, row in rows.iterrows()],
        t("cooperation.since.col.outcome", lang): [t(f"cooperation.since.outcome.{o}", lang)
                                                   for o in rows["outcome"]],
        t("cooperation.since.col.summary", lang): [localized(row, "summary", lang)
                                                   for _, row in rows.iterrows()],
        t("cooperation.since.col.as_of", lang): [format_date(day, lang) for day in rows["as_of"]],
    })
    data_rows = pd.DataFrame({
        "initiative_id": rows["initiative_id"],
        "initiative": [localized(row, "name", lang) for _, row in rows.iterrows()],
        "outcome": rows["outcome"],
        "checked_to": rows["as_of"],
        "description": [localized(row, "summary", lang) for _, row in rows.iterrows()],
        "source_ids": rows["source_ids"],
    })
    in_words = "; ".join(
        f"{labels[o]}: {join_names(list(texts.loc[rows['outcome'] == o, 'label']), lang)}"
        for o in coop.OUTCOMES if counts[o])
    return Chart(
        figure=figure, title=title,
        subtitle=t("cooperation.since.subtitle", lang, total=total, date=format_date(as_of, lang)),
        table=table, source_ids=tuple(rows["source_ids"]),
        description=t("cooperation.since.description", lang, items=in_words),
        notes=(t("cooperation.since.note", lang),), rows=data_rows,
        method=t("cooperation.since.method", lang),
    )


CHARTS = (
    ChartSpec("initiatives-sectors", "cooperation", (INITIATIVE,), make_initiatives_sectors),
    ChartSpec("since-jakarta", "cooperation", (), make_since_jakarta),
    ChartSpec("channels", "cooperation", (), make_channels),
    ChartSpec("delegation-levels", "cooperation", (LEVEL,), make_delegation_levels),
)
