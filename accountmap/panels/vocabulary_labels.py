"""The account map's vocabulary as the interface names it: buying roles, influence,
attitude (with its greyscale symbol), relationship kinds, and what is missing when a
role is not filled. Shared by the map's canvas, legend and side panel; translated in the
"AccountMapStyle" context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from accountmap.domain.vocabulary import Attitude, BuyingRole, Influence, RelationshipKind


def tr(text: str) -> str:
    return QCoreApplication.translate("AccountMapStyle", text)


ATTITUDE_SYMBOLS = {
    Attitude.CHAMPION: "++",
    Attitude.SUPPORTER: "+",
    Attitude.NEUTRAL: "0",
    Attitude.SCEPTIC: "−",
    Attitude.OPPONENT: "−−",
}


def attitude_name(value: Attitude) -> str:
    return {
        Attitude.CHAMPION: tr("Champion"), Attitude.SUPPORTER: tr("Supporter"),
        Attitude.NEUTRAL: tr("Neutral"), Attitude.SCEPTIC: tr("Sceptic"),
        Attitude.OPPONENT: tr("Opponent"),
    }[Attitude(value)]


def influence_name(value: Influence) -> str:
    return {Influence.HIGH: tr("High"), Influence.MEDIUM: tr("Medium"),
            Influence.LOW: tr("Low")}[Influence(value)]


def role_name(value: BuyingRole) -> str:
    return {
        BuyingRole.DECISION_MAKER: tr("Decision maker"),
        BuyingRole.ECONOMIC_BUYER: tr("Economic buyer"),
        BuyingRole.TECHNICAL_BUYER: tr("Technical buyer"),
        BuyingRole.USER_BUYER: tr("User buyer"),
        BuyingRole.INFLUENCER: tr("Influencer"),
        BuyingRole.GATEKEEPER: tr("Gatekeeper"),
        BuyingRole.CHAMPION: tr("Champion / coach"),
        BuyingRole.BLOCKER: tr("Blocker"),
    }[BuyingRole(value)]


def relationship_name(value: RelationshipKind) -> str:
    return {
        RelationshipKind.REPORTS_TO: tr("Reports to"),
        RelationshipKind.INFLUENCES: tr("Influences"),
        RelationshipKind.ALLY: tr("Ally"),
        RelationshipKind.CONFLICT: tr("Conflict"),
    }[RelationshipKind(value)]


def no_role_text(value: BuyingRole) -> str:
    return {
        BuyingRole.DECISION_MAKER: tr("No decision maker identified"),
        BuyingRole.ECONOMIC_BUYER: tr("No economic buyer identified"),
        BuyingRole.TECHNICAL_BUYER: tr("No technical buyer identified"),
        BuyingRole.USER_BUYER: tr("No user buyer identified"),
        BuyingRole.CHAMPION: tr("No champion / coach identified"),
    }.get(BuyingRole(value), role_name(value))
