"""Fictitious demo extracts in the published notice layout, to try out and benchmark the service."""

from notices.demo.writer import MARKER_FILE, DemoSummary, write_demo_extract

__all__ = ["MARKER_FILE", "DemoSummary", "write_demo_extract"]
