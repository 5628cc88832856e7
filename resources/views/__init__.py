"""Resource views, split by feature: library (reading), downloads, contributing, collections."""
