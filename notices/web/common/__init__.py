"""What every web feature shares: errors, headers, rate limits, templating, URLs, arguments,
and the door to the data (reading.py)."""
