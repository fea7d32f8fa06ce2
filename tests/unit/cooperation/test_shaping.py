"""The Cooperation page's transforms: initiative-sector links, channels, delegations."""

import pandas as pd

from components.cooperation import shaping as coop


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


def test_channels_take_their_start_dates_from_events_and_memberships(data):
    starts = coop.channel_starts(coop.channel_steps(data)).set_index("channel_id")
    assert starts.loc["asean_dialogue", "date"] == pd.Timestamp("1991-01-01")
    assert starts.loc["asean_dialogue", "precision"] == "year"
    assert starts.loc["arf", "date"].year == 1994
    assert starts.loc["sco", "date"] == pd.Timestamp("2001-06-15")
    # ASEAN's own East Asia Summit site gives the day: the 6th EAS in Bali (conflict eas-russia-us-accession)
    assert (starts.loc["eas", "date"], starts.loc["eas", "precision"]) == (
        pd.Timestamp("2011-11-19"), "day")
    assert starts.loc["eaeu", "date"] == pd.Timestamp("2015-01-01")


def test_delegations_are_the_eighteen_participants_and_the_observer(data):
    delegations = coop.eas_delegations(data)
    assert len(delegations) == 19
    assert set(delegations["attendance"]) == {"participant", "observer"}
    assert list(delegations["level_rank"]) == sorted(delegations["level_rank"])
