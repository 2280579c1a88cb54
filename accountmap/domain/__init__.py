"""The domain: pydantic models and pure rules. No Qt, no SQL, no I/O."""
