"""The pages (tabs) of an account view, in order: (module, class).

A page class takes `(context: AccountContext, parent)` and has a class method
`title() -> str` (translated). It may implement any of the edit/view actions the main
window routes to the current page: select_all, delete_selection, copy_selection,
cut_selection, paste, zoom_in, zoom_out, zoom_fit, set_grid_visible(bool),
set_legend_visible(bool), focus_entity(kind, id).
"""

PAGES: list[tuple[str, str]] = [
    ("accountmap.canvas.accountmap.page", "AccountMapPage"),
    ("accountmap.canvas.roadmap.page", "RoadmapPage"),
    ("accountmap.panels.journey_page", "JourneyPage"),
    ("accountmap.panels.meetings", "MeetingsPage"),
    ("accountmap.panels.account_details", "AccountDetailsPage"),
]
