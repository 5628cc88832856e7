"""Stored files sent after an access check: resumable, and in production handed to the proxy.

``send_stored_file`` answers a checked download three ways, by ``settings``:

- S3 storage (``MEDIA_STORAGE=s3``): a redirect to a signed URL valid a few minutes, which
  names the file for the browser; the object store serves ranges and validators itself.
- ``DOWNLOADS_X_ACCEL_REDIRECT`` set (the compose stack): an empty answer whose
  ``X-Accel-Redirect`` header names the file under that internal prefix; the proxy sends it
  (ranges, ETag, slow clients) and no worker waits for a phone on a slow connection.
- Otherwise Django sends it, with ``Accept-Ranges``, ``ETag`` and ``Last-Modified``: a single
  ``Range`` gets a 206 with that slice, ``If-Range`` with an old validator the whole file
  again, a range past the end a 416; ``If-None-Match`` on the current ETag a 304.
"""

import hashlib
import re

from django.conf import settings
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.utils.http import content_disposition_header, http_date, parse_etags, quote_etag

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def etag_for(name: str, size: int) -> str:
    """A strong validator: stored files are never rewritten in place (a new upload gets a new
    random name), so the name and the size identify the bytes."""
    return quote_etag(hashlib.sha256(f"{name}:{size}".encode()).hexdigest()[:32])


def requested_range(request, size: int, etag: str) -> tuple[int, int] | str | None:
    """The (first, last) byte the request asks for, None for the whole file, or
    "unsatisfiable". Several ranges, or an ``If-Range`` that no longer matches, mean the
    whole file (RFC 9110 lets a server answer with the full representation)."""
    header = request.headers.get("Range", "")
    match = RANGE.match(header.replace(" ", ""))
    if not match or request.headers.get("If-Range", etag) != etag:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # the last N bytes
        length = int(last)
        if length == 0:
            return "unsatisfiable"
        return max(0, size - length), size - 1
    first = int(first)
    last = min(int(last), size - 1) if last else size - 1
    if first >= size or last < first:
        return "unsatisfiable"
    return first, last


def send_stored_file(request, field, *, filename: str, content_type: str, modified):
    """The answer to a checked download of the file in ``field`` (a FieldFile), named
    ``filename`` for the browser. Raises OSError when the stored file is missing."""
    if settings.MEDIA_STORAGE == "s3":
        url = field.storage.url(
            field.name,
            parameters={
                "ResponseContentDisposition": content_disposition_header(True, filename),
                "ResponseContentType": content_type,
            },
        )
        return HttpResponseRedirect(url)
    size = field.size
    etag = etag_for(field.name, size)
    headers = {
        "Accept-Ranges": "bytes",
        "ETag": etag,
        "Last-Modified": http_date(modified.timestamp()),
    }
    if settings.DOWNLOADS_X_ACCEL_REDIRECT:
        response = HttpResponse(content_type=content_type, headers=headers)
        response["Content-Disposition"] = content_disposition_header(True, filename)
        response["X-Accel-Redirect"] = settings.DOWNLOADS_X_ACCEL_REDIRECT + field.name
        return response
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        return HttpResponse(status=304, headers={"ETag": etag})
    wanted = requested_range(request, size, etag)
    if wanted == "unsatisfiable":
        return HttpResponse(status=416, headers={"Content-Range": f"bytes */{size}"})
    handle = field.open("rb")
    attachment = {"as_attachment": True, "filename": filename, "content_type": content_type}
    if wanted is None:
        response = FileResponse(handle, headers=headers, **attachment)
        response["Content-Length"] = str(size)
        return response
    first, last = wanted
    handle.seek(first)
    response = FileResponse(
        _slice(handle, last - first + 1), status=206, headers=headers, **attachment
    )
    response["Content-Range"] = f"bytes {first}-{last}/{size}"
    response["Content-Length"] = str(last - first + 1)
    return response


def _slice(handle, length: int, chunk: int = 64 * 1024):
    """``length`` bytes from the handle's position, in chunks; closes it when done."""
    try:
        while length > 0:
            data = handle.read(min(chunk, length))
            if not data:
                return
            length -= len(data)
            yield data
    finally:
        handle.close()
