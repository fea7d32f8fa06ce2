"""A click on the map chooses a country: the country control follows the map's selection."""

from __future__ import annotations

import streamlit as st

from components.chart_spec import plotly_key
from components.map.params import COUNTRY
from components.map.shaping import clicked_country

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
