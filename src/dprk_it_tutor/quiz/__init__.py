"""Quiz grading and attempts: pure Python, no UI and no SQL."""
