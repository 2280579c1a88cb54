"""Sizes of the things drawn on the canvases, shared by layout, canvas and briefing."""

CARD_WIDTH = 230.0
CARD_HEIGHT = 110.0
CARD_GAP_X = 30.0
CARD_GAP_Y = 40.0
CENTRE_PADDING = 20.0
CENTRE_HEADER = 36.0

NODE_WIDTH = 190.0  # checkpoint, start, won, lost
NODE_HEIGHT = 76.0
DECISION_WIDTH = 150.0  # the diamond's bounding box
DECISION_HEIGHT = 100.0
LAYER_GAP = 90.0
ROW_GAP = 36.0

GRID = 10.0
