"""The top: the pages that gather every app (home, search, sitemaps, the moderation
dashboard) and the URL tree. It reads the apps only through their declarations
(``network.content``)."""
