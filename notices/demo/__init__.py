"""Fictitious demo extracts in the published notice layout, to try out and benchmark the service."""

from pathlib import Path

from notices.demo.writer import MARKER_FILE, DemoSummary, write_demo_extract

# The fictitious contact directory `notices demo-load` loads beside demo notices.
DEMO_CONTACTS = Path(__file__).parent / "contacts.yaml"

__all__ = ["DEMO_CONTACTS", "MARKER_FILE", "DemoSummary", "write_demo_extract"]
