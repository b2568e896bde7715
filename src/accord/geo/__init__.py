"""Place and time of events: an offline gazetteer, toponym resolution and event location.

>>> from accord.geo import resolve_toponym
>>> resolve_toponym("Hyderabad", context_countries=["PAK"])[0].country
'PAK'
"""

from accord.geo.gazetteer import Candidate, Gazetteer, resolve_toponym
from accord.geo.locate import NO_PLACE_REASON, list_places, locate_event

__all__ = [
    "NO_PLACE_REASON",
    "Candidate",
    "Gazetteer",
    "list_places",
    "locate_event",
    "resolve_toponym",
]
