"""Auto-layout: pure functions from the domain model to coordinates (no Qt, no I/O)."""

from accountmap.layout.orgchart import MapLayout, layout_account_map
from accountmap.layout.roadmap_layout import count_crossings, layout_roadmap, node_size

__all__ = ["MapLayout", "count_crossings", "layout_account_map", "layout_roadmap", "node_size"]
