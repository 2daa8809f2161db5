"""Build steps of the docs: plots (make docs) and the headless-browser check (make docs-check)."""
