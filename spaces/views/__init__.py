"""Space views, split by feature: browsing spaces, discussions, membership, what a space
shares and plans."""
