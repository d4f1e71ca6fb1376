"""Being found: robots.txt and the sitemap of active notices (withdrawn ones drop out at once)."""
