"""The native JSON API under /api/v1/: scored search, notices, and the OpenAPI document."""
