"""Every reach into Streamlit's internals, in one place, each gated on the version it was made for.

Streamlit's public API does not cover everything the app needs to be fast and correct: a fix to
its front-end bundles as they are served, a socket option on the socket it binds, a private flag
of its page manager, the structure of its ``index.html`` and build manifest, the DOM its front end
draws, and the way ``st.plotly_chart`` turns a figure into its message. Each such reach is a
``Shim`` in one module of this package, saying why it exists and when to remove it.

A shim applies only on the Streamlit release it was made for (``made_for``). On any other
release it is left out (the app works as Streamlit ships, a little slower or plainer), the log
says which shim to redo, and ``tests/unit/streamlit_compat/test_shims.py`` fails naming it. To
upgrade Streamlit: run the unit tests, redo or delete each shim they name, and set its
``made_for`` to the new release.

``DASHBOARD_SHIMS_OFF`` (shim names, comma-separated, or "all") leaves shims out on purpose:
``make shim-bench`` measures what each one still gains in paired runs, with and without it.

Only ``components.ui`` and ``components.web`` import this package.
"""

from __future__ import annotations

import importlib
import logging
import os
import pkgutil
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version

log = logging.getLogger(__name__)
OFF_VARIABLE = "DASHBOARD_SHIMS_OFF"


def installed_streamlit() -> str:
    """The installed Streamlit's release, read from its metadata (no import of Streamlit)."""
    return version("streamlit")


@dataclass(frozen=True)
class Shim:
    """One reach into Streamlit's internals."""

    name: str
    made_for: str  # the Streamlit release it was written against and measured on
    why: str  # what it fixes or gains, as measured
    remove_when: str  # the condition under which it can go

    @property
    def active(self) -> bool:
        """Whether it applies to the Streamlit installed; logged once when it does not."""
        off = {name.strip() for name in os.environ.get(OFF_VARIABLE, "").split(",")}
        return not ({self.name, "all"} & off) and _active(self, installed_streamlit())


@cache
def _active(shim: Shim, installed: str) -> bool:
    if installed == shim.made_for:
        return True
    log.warning("Streamlit %s is installed; the shim %r was made for %s and is left out: redo or "
                "remove it (components/streamlit_compat/)", installed, shim.name, shim.made_for)
    return False


def all_shims() -> list[Shim]:
    """Every shim of this package: each module's ``SHIMS``."""
    found: list[Shim] = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        found += getattr(module, "SHIMS", ())
    return found
