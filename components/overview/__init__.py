"""The Overview page's topic: the verdict on the article's claims, and the summit's key facts.

- ``shaping``: the claims and their verdicts, key facts of the summit (pure pandas)
- ``figures``: the claim tracker's pure builder; ``charts``: its ``make`` and ``CHARTS``
- ``params``: the claim a reader opened (``PARAMS``)
- ``views``: the claims' cards, each in the reader's language with the original a click away
"""

from components.overview.charts import CHARTS
from components.overview.params import PARAMS

__all__ = ["CHARTS", "PARAMS"]
