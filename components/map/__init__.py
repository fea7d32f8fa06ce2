"""The Map page's topic: who belonged to ASEAN, the East Asia Summit, the SCO and the EAEU, when.

- ``memberships``: roles in force on a date (the rule every map and count follows)
- ``shaping``: the package shaped for each chart (pure pandas)
- ``figures``: pure figure builders (DataFrame in, ``go.Figure`` out)
- ``charts``: each chart's ``make`` (data, values, language -> ``Chart``) and ``CHARTS``
- ``params``: the page's URL parameters with their controls (``PARAMS``)
- ``profile``: a country's profile; ``selection``: a click on the map chooses a country
- ``geometry``, ``geocoding``: the shipped shapes and capital coordinates, and their commands
"""

from components.map.charts import CHARTS
from components.map.params import PARAMS

__all__ = ["CHARTS", "PARAMS"]
