"""The Overview page's topic: the summit's headline numbers and the statements behind them.

- ``shaping``: key figures and the rows they come from (pure pandas)
"""

CHARTS: tuple = ()
PARAMS: tuple = ()
