"""The one way to a resource's file or link: checked, counted, served as an attachment."""

import logging
from urllib.parse import urlsplit

from django.http import FileResponse, Http404, HttpResponseRedirect
from django.views.decorators.http import require_safe

from resources import services
from resources.access import resource_for_viewer

logger = logging.getLogger(__name__)


def _safe_link(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


@require_safe
def download(request, slug):
    """Serve the file (``attachment``, ``nosniff``, the sanitised original name) or redirect to
    the stored link, after the access check; each GET counts once.

    Nothing about the request chooses where a redirect goes: only the stored address does.
    """
    resource = resource_for_viewer(slug, request.user)
    counted = request.method == "GET"
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
            handle = resource.file.open("rb")
        except (FileNotFoundError, OSError):
            logger.warning("Resource %s: stored file %s is missing", resource.pk, resource.file)
            raise Http404 from None
        if counted:
            services.download_record(resource=resource)
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=resource.original_filename or f"{resource.slug}",
            content_type=resource.content_type or "application/octet-stream",
        )
    response["X-Content-Type-Options"] = "nosniff"
    # Never kept by a shared cache: members-only files must not be served to others from one,
    # and every download must reach the counter.
    response["Cache-Control"] = "private, no-store"
    if not resource.is_public:
        response["X-Robots-Tag"] = "noindex"
    return response
