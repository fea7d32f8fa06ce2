"""The summit the dashboard is about, as the other modules refer to it.

The 43rd ASEAN Summit and its related summits ran 5-7 September 2023 in Jakarta; the 18th East Asia
Summit, where Foreign Minister Sergey Lavrov represented Russia, met on the last day. Dates that
charts mark and ids of rows in the data package are named once, here.
"""

from __future__ import annotations

from datetime import date

SUMMIT_DAY = date(2023, 9, 7)  # the 18th East Asia Summit
SUMMIT_WEEK: tuple[date, date] = (date(2023, 9, 4), date(2023, 9, 8))
EAS_SUMMIT_ID = "eas-18"  # its row in summits.csv and delegations.csv
RUSSIA = "RUS"
HOST = "IDN"
