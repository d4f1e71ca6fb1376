"""Open data: Atom feeds of searches and recent additions, CSV/JSON exports, the bulk dataset."""
