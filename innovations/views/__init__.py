"""Innovation views, split by feature: showcase (reading), editing, interactions, open data."""
