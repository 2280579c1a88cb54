"""Test data built in code (not shipped in the package): a large sample roadmap and
synthetic accounts of any size, for the tests, the screenshots and scripts/bench."""
