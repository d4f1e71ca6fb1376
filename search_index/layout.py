"""Names of the files in an index home (see home.py for what each one means)."""

CURRENT, PREVIOUS, LOCK = "CURRENT", "PREVIOUS", "LOCK"
HEAD, COMPLETE = "HEAD", "COMPLETE.json"
