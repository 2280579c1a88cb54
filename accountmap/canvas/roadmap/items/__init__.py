"""The graphics items of the roadmap: nodes (start, checkpoint, crossroads diamond, won,
lost), branch edges with their outcome labels, and the handle that starts a connection.

Items only draw what the scene tells them (a RoadmapNode / RoadmapEdge and a few state
flags computed from `position_on_road`); they never write the model.
"""

from accountmap.canvas.roadmap.items.drawing import (
    EDGE_COLOUR,
    FADED_OPACITY,
    KIND_COLOURS,
    OVERDUE_COLOUR,
    PATH_COLOUR,
    SELECT_COLOUR,
    STATUS_COLOURS,
    ensure_fonts,
    font,
    kind_text,
    metrics,
    node_size,
    outcome_text,
    outcome_typed,
    status_text,
    tr,
    wrap_text,
)
from accountmap.canvas.roadmap.items.edge import EdgeItem
from accountmap.canvas.roadmap.items.node import ConnectHandle, NodeItem

__all__ = [
    "ConnectHandle",
    "EDGE_COLOUR",
    "EdgeItem",
    "FADED_OPACITY",
    "KIND_COLOURS",
    "NodeItem",
    "OVERDUE_COLOUR",
    "PATH_COLOUR",
    "SELECT_COLOUR",
    "STATUS_COLOURS",
    "ensure_fonts",
    "font",
    "kind_text",
    "metrics",
    "node_size",
    "outcome_text",
    "outcome_typed",
    "status_text",
    "tr",
    "wrap_text",
]
