"""The Cooperation charts: titles that state the finding, claims labelled and drawn as claims."""

import pandas as pd
import pytest

from components.cooperation import charts
from components.cooperation import shaping as coop
from components.registry import get_chart
from components.text.i18n import LANGS


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


@pytest.mark.parametrize("chart_id", ["initiatives-sectors", "channels", "delegation-levels"])
@pytest.mark.parametrize("lang", LANGS)
def test_every_cooperation_chart_builds_with_its_defaults_in_both_languages(data, chart_id, lang):
    spec = get_chart(chart_id)
    chart = spec.make(data, spec.defaults, lang)
    assert chart.figure.data and chart.title and chart.description and chart.source_ids
    assert not chart.table.empty
