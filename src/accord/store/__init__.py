"""The event store: one DuckDB file holding articles, event mentions, failures and runs."""

from accord.store.database import AddResult, EventFilter, Store, dyad_clause
from accord.store.export import FORMATS, ImportResult, export_events, import_events
from accord.store.schema import SCHEMA_VERSION, mention_row

__all__ = [
    "FORMATS",
    "SCHEMA_VERSION",
    "AddResult",
    "EventFilter",
    "ImportResult",
    "Store",
    "dyad_clause",
    "export_events",
    "import_events",
    "mention_row",
]
