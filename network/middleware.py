"""Project middleware."""

from django.middleware.gzip import GZipMiddleware

# What is worth compressing: pages, feeds, exports, calendars. Files members download (PDF,
# office documents, images) are compressed already; gzipping them again costs CPU and loses
# their Content-Length, so the browser could not show download progress.
COMPRESSIBLE = ("text/", "application/json", "application/atom+xml", "application/xml",
                "application/javascript", "application/ld+json")  # fmt: skip


class TextGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware (with its BREACH padding), for text responses only."""

    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(COMPRESSIBLE):
            return response
        return super().process_response(request, response)
