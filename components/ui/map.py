"""The Map page's own pieces: a click on the map chooses a country (the country control follows
the map's selection), and that country's profile."""

from __future__ import annotations

from typing import Any

import streamlit as st

from components.charts.spec import plotly_key
from components.data.citations import source_line
from components.data.package import DataPackage
from components.map.params import AS_OF, BLOC, COUNTRY, ROLES_SHOWN, WORLD
from components.map.profile import country_profile
from components.map.shaping import clicked_country
from components.text.i18n import Lang, t
from components.text.safe_text import md_escape
from components.ui import controls
from components.ui.loading import per_view

MAP_EVENT_KEY = plotly_key("membership-map")  # the key frame.show_chart gives the map
LAST_CLICK_KEY = "map-last-click"


def follow_map_click() -> None:
    """Set the country control to the country a new click on the map chose.

    Called before the country control is drawn. Only a new click counts: the map keeps its last
    selection across reruns, and that old selection must not undo a later choice in the list.
    """
    clicked = clicked_country(st.session_state.get(MAP_EVENT_KEY), set(COUNTRY.options) - {""})
    if clicked != st.session_state.get(LAST_CLICK_KEY):
        st.session_state[LAST_CLICK_KEY] = clicked
        if clicked:
            st.session_state[COUNTRY.key] = clicked


def show_profile(data: DataPackage, iso3: str, lang: Lang) -> None:
    """The profile in a bordered box; data text is shown as plain text, never as HTML."""
    profile = per_view("map.profile", data, lang, lambda: country_profile(data, iso3, lang),
                       {"country": iso3})
    with st.container(border=True, key="country-profile"):
        st.subheader(t("map.profile.heading", lang, name=profile.name))
        if profile.other_name:
            st.caption(t("map.profile.other_name", lang, name=profile.other_name))
        facts = [t("map.profile.capital", lang, capital=md_escape(profile.capital))]
        facts.append(t("map.profile.distance", lang, distance=md_escape(profile.distance))
                     if profile.distance else t("map.profile.host", lang))
        facts.append(t("map.profile.delegation", lang, delegation=md_escape(profile.delegation))
                     if profile.delegation else t("map.profile.no_delegation", lang))
        for fact in facts:
            st.markdown(f"- {fact}")
        st.markdown(f"**{t('map.profile.memberships', lang)}**")
        if profile.memberships.empty:
            st.write(t("map.profile.none", lang))
        else:
            st.dataframe(profile.memberships, hide_index=True, width="stretch")
        st.markdown(f"**{t('map.profile.events', lang)}**")
        if profile.events.empty:
            st.write(t("map.profile.no_events", lang))
        else:
            st.dataframe(profile.events, hide_index=True, width="stretch")
        for text in profile.caveats:
            st.caption(md_escape(text))
        st.caption(source_line(data["sources"], profile.source_ids, lang, credits=profile.credits))


def map_controls(data: DataPackage, lang: Lang) -> dict[str, Any]:
    """The map's controls, drawn right under it: the country picker first, then the bloc and the
    date, then the roles and the whole world. Returns what each holds."""
    held: dict[str, Any] = {}
    country_column, bloc_column, date_column = st.columns([1.3, 1.2, 1])
    with country_column:
        held[COUNTRY.key] = controls.control(COUNTRY, data, lang)
    with bloc_column:
        held[BLOC.key] = controls.control(BLOC, data, lang)
    with date_column:
        held[AS_OF.key] = controls.control(AS_OF, data, lang)
    roles_column, world_column = st.columns([3, 1])
    with roles_column:
        held[ROLES_SHOWN.key] = controls.control(ROLES_SHOWN, data, lang)
    with world_column:
        held[WORLD.key] = controls.control(WORLD, data, lang)
    return held
