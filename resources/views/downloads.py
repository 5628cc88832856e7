"""The one way to a resource's file or link: checked, counted, served as an attachment."""

import logging
import re
from urllib.parse import urlsplit

from django.http import Http404, HttpResponseRedirect
from django.views.decorators.http import require_safe

from network.files import send_stored_file
from resources import services
from resources.access import resource_for_viewer

logger = logging.getLogger(__name__)
# A Range that does not start at the first byte: the rest of a download already counted.
RESUMED = re.compile(r"^bytes=(\d*[1-9]\d*)?-")


def _safe_link(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


@require_safe
def download(request, slug):
    """Serve the file (``attachment``, ``nosniff``, the sanitised original name; resumable, or
    handed to the proxy or the object store: network.files) or redirect to the stored link,
    after the access check. Each download counts once: a GET from the first byte, not the
    later pieces of a resumed download, nor HEAD.

    Nothing about the request chooses where a redirect goes: only the stored address does.
    """
    resource = resource_for_viewer(slug, request.user)
    resumed = RESUMED.match(request.headers.get("Range", "").replace(" ", ""))
    counted = request.method == "GET" and not resumed
    if resource.external_url:
        if not _safe_link(resource.external_url):
            raise Http404
        if counted:
            services.download_record(resource=resource)
        response = HttpResponseRedirect(resource.external_url)
        response["Referrer-Policy"] = "no-referrer"
    else:
        if not resource.file:
            raise Http404
        try:
            response = send_stored_file(
                request,
                resource.file,
                filename=resource.original_filename or f"{resource.slug}",
                content_type=resource.content_type or "application/octet-stream",
                modified=resource.updated_at,
            )
        except (FileNotFoundError, OSError):
            logger.warning("Resource %s: stored file %s is missing", resource.pk, resource.file)
            raise Http404 from None
        if counted and response.status_code in (200, 206, 302):
            services.download_record(resource=resource)
    response["X-Content-Type-Options"] = "nosniff"
    # Never kept by a shared cache: members-only files must not be served to others from one,
    # and every download must reach the counter.
    response["Cache-Control"] = "private, no-store"
    if not resource.is_public:
        response["X-Robots-Tag"] = "noindex"
    return response
