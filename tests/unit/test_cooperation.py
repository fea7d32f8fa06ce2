"""The Cooperation page's transforms and figures: initiative-sector links, channels, delegations."""

import pandas as pd
import pytest

from components.charts.url_state import parse_query
from components.cooperation import charts, params
from components.cooperation import shaping as coop
from components.cooperation.figures import (
    delegation_symbol,
    make_delegation_figure,
    make_initiative_sector_figure,
)
from components.registry import get_chart
from components.text.i18n import LANGS


def test_the_url_accepts_exactly_the_initiatives_in_the_data(data):
    assert set(params.INITIATIVE_IDS) == set(data["initiatives"]["initiative_id"])


def test_tourism_and_the_volunteer_movement_fall_outside_the_nine_sectors(data):
    links = coop.initiative_sector_links(data)
    outside = set(links.loc[links["sector_id"] == coop.OUTSIDE, "initiative_id"])
    assert {"tourism", "volunteer-movement"} <= outside
    assert "pandemic-response" not in outside


def test_an_initiative_with_sector_links_gets_no_outside_mark(data):
    links = coop.initiative_sector_links(data)
    pandemic = links[links["initiative_id"] == "pandemic-response"]
    assert set(pandemic["sector_id"]) == {"health", "emergency-response"}
    assert set(pandemic["basis"]) == {"editorial"}


def test_sector_fit_counts_initiatives_inside_and_outside(data):
    fit = coop.sector_fit(coop.initiative_sector_links(data))
    assert (fit.initiatives, fit.inside, fit.outside, fit.stated_links) == (5, 2, 3, 0)


def test_sector_fit_counts_a_stated_link():
    links = pd.DataFrame({"initiative_id": ["a", "b"], "sector_id": ["health", coop.OUTSIDE],
                          "basis": ["stated", coop.OUTSIDE]})
    assert coop.sector_fit(links) == coop.SectorFit(2, 1, 1, 1)


def initiative_rows(**columns):
    base = {"initiative_id": ["a", "b", "c"], "name": ["A", "B", "C"],
            "fit": ["One", "Two", "None"], "basis": ["stated", "editorial", "outside"],
            "hover": ["h1", "h2", "h3"]}
    return pd.DataFrame({**base, **columns})


def test_each_initiative_shows_its_fit_with_the_mark_of_how_it_fits():
    figure = make_initiative_sector_figure(
        initiative_rows(), basis_names={"stated": "S", "editorial": "E", "outside": "O"})
    symbols = {trace.name.strip(): trace.marker.symbol for trace in figure.data}
    assert symbols == {"S": "circle", "E": "diamond-open", "O": "x-thin-open"}
    texts = [annotation.text for annotation in figure.layout.annotations]
    assert texts == ["A", "One", "B", "Two", "C", "None"]  # each name, then what it fits


def test_focusing_an_initiative_fades_the_others():
    rows = initiative_rows(basis=["editorial", "editorial", "editorial"])
    figure = make_initiative_sector_figure(rows, basis_names={"editorial": "E"}, focus="b")
    opacity = list(figure.data[0].marker.opacity)
    assert opacity[1] == 1.0 and opacity[0] < 0.5 and opacity[2] < 0.5


@pytest.mark.parametrize("lang", LANGS)
def test_the_sectors_title_states_how_many_initiatives_fall_outside(data, lang):
    chart = charts.make_initiatives_sectors(data, {}, lang)
    assert "2" in chart.title and "5" in chart.title and "3" in chart.title
    assert len(chart.table) == 6
    assert "bisnis-2023-09-07" in chart.source_ids


def test_the_volunteer_movement_status_is_labelled_as_the_ministrys_claim(data):
    assert coop.status_is_a_claim(data, "volunteer-movement")
    label = charts.status_label(data, "volunteer-movement", "resisted_by_western_eas", "en")
    assert "claim" in label
    chart = charts.make_initiatives_sectors(data, {}, "en")
    assert any("Volunteer movement" in note and "claim" in note for note in chart.notes)


def test_channels_take_their_start_dates_from_events_and_memberships(data):
    starts = coop.channel_starts(coop.channel_steps(data)).set_index("channel_id")
    assert starts.loc["asean_dialogue", "date"] == pd.Timestamp("1991-01-01")
    assert starts.loc["asean_dialogue", "precision"] == "year"
    assert starts.loc["arf", "date"].year == 1994
    assert starts.loc["sco", "date"] == pd.Timestamp("2001-06-15")
    # ASEAN's own East Asia Summit site gives the day: the 6th EAS in Bali (conflict C3)
    assert (starts.loc["eas", "date"], starts.loc["eas", "precision"]) == (
        pd.Timestamp("2011-11-19"), "day")
    assert starts.loc["eaeu", "date"] == pd.Timestamp("2015-01-01")


def test_the_full_dialogue_partnership_keeps_its_month_precision(data):
    steps = coop.channel_steps(data)
    partner = steps[steps["step"] == "dialogue_partner"].iloc[0]
    assert (partner["date"], partner["precision"]) == (pd.Timestamp("1996-07-01"), "month")
    chart = charts.make_channels(data, {}, "id")
    assert "Juli 1996" in chart.table.to_string() and "1 Juli 1996" not in chart.table.to_string()


def test_the_2017_invitations_are_a_claim_not_a_channel_start(data):
    steps = coop.channel_steps(data)
    claim = steps[steps["step"] == "claimed"].iloc[0]
    assert claim["date"].year == 2017
    assert claim["verification"] != "confirmed"
    starts = coop.channel_starts(steps)
    assert starts.loc[starts["channel_id"] == coop.LINK_CHANNEL, "date"].iloc[0].year == 2022
    chart = charts.make_channels(data, {}, "en")
    assert chart.title.startswith("Russia reaches the region through 5 forums")
    assert any("2017" in note and "No independent source" in note for note in chart.notes)


def test_the_claim_is_drawn_hollow_and_grey(data):
    figure = charts.make_channels(data, {}, "en").figure
    claim_marks = [trace for trace in figure.data if trace.mode == "markers+text"
                   and "diamond-open" in list(trace.marker.symbol)]
    assert len(claim_marks) == 1


def test_delegations_are_the_eighteen_participants_and_the_observer(data):
    delegations = coop.eas_delegations(data)
    assert len(delegations) == 19
    assert set(delegations["attendance"]) == {"participant", "observer"}
    assert list(delegations["level_rank"]) == sorted(delegations["level_rank"])


def test_the_delegations_title_counts_only_the_heads_the_summits_sources_confirm(data):
    """14 delegations are said to be led by a head of state or government, but for 9 of them only
    a gala-dinner report names the leader: the title claims the 5 confirmed, and not that Russia
    alone sent a minister (New Zealand's delegation leader is unknown)."""
    counts = coop.level_counts(coop.eas_delegations(data))
    assert counts == coop.LevelCounts(delegations=19, heads=14, heads_confirmed=5,
                                      russia_level="minister", same_level_as_russia=0)
    chart = charts.make_delegation_levels(data, {}, "en")
    assert chart.title == ("Russia sent a minister, Sergey Lavrov; sources on the summit confirm "
                           "a head of state or government for 5 of the 19 delegations")
    assert not chart.title.startswith("Only")


@pytest.mark.parametrize(("attendance", "verification", "symbol"), [
    ("participant", "verified", "circle"),
    ("participant", "unconfirmed", "circle-open"),
    ("participant", "conflict", "circle-x-open"),
    ("observer", "verified", "diamond"),
])
def test_a_delegation_mark_shows_role_by_shape_and_verification_by_fill(
        attendance, verification, symbol):
    assert delegation_symbol(attendance, verification) == symbol


def test_russias_delegation_is_drawn_in_russias_colour_and_a_level_can_be_highlighted():
    from components.charts.theme import RUSSIA_COLOUR
    delegations = pd.DataFrame({
        "iso3": ["RUS", "JPN"], "level": ["minister", "head_of_state_or_government"],
        "attendance": ["participant", "participant"], "verification": ["verified", "unconfirmed"],
        "label": ["Russia", "Japan"], "hover": ["", ""]})
    figure = make_delegation_figure(
        delegations, levels={"head_of_state_or_government": "Head", "minister": "Minister"},
        legend_names={"verified": "V"}, highlight="minister")
    marks = figure.data[0]
    assert list(marks.marker.color) == [RUSSIA_COLOUR, "#34495E"]
    assert list(marks.marker.opacity)[0] == 1.0 and list(marks.marker.opacity)[1] < 0.5


@pytest.mark.parametrize("chart_id", ["initiatives-sectors", "channels", "delegation-levels"])
@pytest.mark.parametrize("lang", LANGS)
def test_every_cooperation_chart_builds_with_its_defaults_in_both_languages(data, chart_id, lang):
    spec = get_chart(chart_id)
    chart = spec.make(data, spec.defaults, lang)
    assert chart.figure.data and chart.title and chart.description and chart.source_ids
    assert not chart.table.empty


def test_a_bad_initiative_or_level_in_the_url_falls_back_to_the_default():
    values, notices = parse_query(params.PARAMS, {"initiative": "moon-base", "level": "king"})
    assert values == {"initiative": "", "level": ""}
    assert [notice.key for notice in notices] == ["initiative", "level"]
