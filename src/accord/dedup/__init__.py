"""Cross-article deduplication: the reports (mentions) of one real-world event become one event.

A mention joins an event when they share the PLOVER category and modality (planned and actual
reports alike), their actors are compatible (the same actor and recipient code sets, either
way round when the event is reciprocal or its category undirected), it is within
``window_days`` of one of the event's mentions with the event spanning at most
``max_span_days``, and their places agree where both are known at city precision (cities
``near_km`` apart are one place; a place known only from a dateline does not count). A mention
with actors but no recipient joins the one event it fits, if exactly one; else it clusters
with mentions like it.

Mentions are taken in date and id order, each joining the earliest-started event it fits, and
an event's id is a hash of its first mention's id: the result depends on the set of mentions,
never on the order they arrived in. New mentions (``cluster_id IS NULL``) resume each dyad
from their first date instead of re-clustering everything. The ``events`` table holds one row
per event, with its counts, sources and most precise place.
"""

from accord.dedup.cluster import UNDIRECTED, DedupResult, DedupSettings
from accord.dedup.evaluate import score_dedup
from accord.dedup.events import (
    cluster_mentions,
    pending_mentions,
    real_events,
    update_events,
)

__all__ = [
    "UNDIRECTED",
    "DedupResult",
    "DedupSettings",
    "cluster_mentions",
    "pending_mentions",
    "real_events",
    "score_dedup",
    "update_events",
]
