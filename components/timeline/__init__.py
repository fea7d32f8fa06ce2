"""The Timeline page's topic: the summit week day by day and the history since 1967.

- ``events``: the events filtered, counted and put into words (pure pandas)
- ``figures``: pure figure builders; ``charts``: each chart's ``make`` and ``CHARTS``
- ``params``: the page's URL parameters with their controls (``PARAMS``)
- ``views``: the page's list of events and their sources
"""

from components.timeline.charts import CHARTS
from components.timeline.params import PARAMS

__all__ = ["CHARTS", "PARAMS"]
