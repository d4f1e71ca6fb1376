"""Public HTML pages: search, notice detail, about; routes plus their view models."""
