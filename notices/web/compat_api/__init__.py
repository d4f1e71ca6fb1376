"""The compatible JSON API under /notices/v1/: the publisher's paths, parameters and shapes."""
