"""What both canvases share: the view (zoom, pan, grid) and the scene base (moves)."""
