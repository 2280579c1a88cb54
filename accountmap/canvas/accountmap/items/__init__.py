"""The items of the account map: stakeholder cards, decision-centre frames, relationship
edges. Items only draw what the scene tells them and report gestures to the scene; they
never write the model (see ARCHITECTURE.md, "One direction for data")."""

from accountmap.canvas.accountmap.items.card import CardItem, ConnectHandle
from accountmap.canvas.accountmap.items.centre import CentreItem
from accountmap.canvas.accountmap.items.edge import EdgeItem, EdgeLabel

__all__ = ["CardItem", "CentreItem", "ConnectHandle", "EdgeItem", "EdgeLabel"]
