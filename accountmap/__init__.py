"""AccountMap: account maps and branching roadmaps of checkpoints for complex B2B sales."""

__version__ = "0.1.0"
