"""The open workspace as the UI sees it (document), its undo commands and the editor API."""
