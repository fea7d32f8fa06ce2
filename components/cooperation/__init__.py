"""The Cooperation page's topic: what Russia proposed, through which channels, and who came.

- ``shaping``: initiatives against sectors, Russia's channels, delegations (pure pandas)
- ``figures``: pure figure builders; ``charts``: each chart's ``make`` and ``CHARTS``
- ``params``: the page's URL parameters with their controls (``PARAMS``)
- ``views``: the statements behind the initiatives, the channels and the Valdai report
"""

from components.cooperation.charts import CHARTS
from components.cooperation.params import PARAMS

__all__ = ["CHARTS", "PARAMS"]
