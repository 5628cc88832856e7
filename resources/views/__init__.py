"""Resource views, split by feature: library (reading, collections),
downloads, contributing, curating (collections kept by their curators)."""
