"""Uploaded images: checked by content, bounded in size, resized, re-encoded without metadata."""

import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
# About 16 megapixels (a 4,600 × 3,450 photo from a phone): larger images are refused before
# they are decoded. Decoding one takes about 4 bytes a pixel (64 MB here); a 6,300 × 6,300
# PNG of 38 KB would otherwise take 190 MB.
MAX_PIXELS = 16_800_000


def process_image(upload, *, max_bytes: int, max_side: int) -> ContentFile:
    """Return a fresh JPEG of ``upload`` at most ``max_side`` px, or raise ValidationError.

    The file is judged by what it is, not by its name: Pillow must recognise a JPEG, PNG, WebP
    or GIF. Re-encoding drops EXIF and any payload appended to the image.
    """
    if upload.size > max_bytes:
        raise ValidationError(
            _("This image is %(size)s MB; the limit is %(limit)s MB.")
            % {"size": round(upload.size / 1_048_576, 1), "limit": max_bytes // 1_048_576}
        )
    if upload.size == 0:
        raise ValidationError(_("This file is empty."))
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            image_format = probe.format
            width, height = probe.size
            probe.verify()
        if image_format not in ALLOWED_FORMATS:
            raise ValidationError(_("Upload a JPEG, PNG, WebP or GIF image."))
        if width * height > MAX_PIXELS:
            raise ValidationError(_("This image is too large in pixels."))
        upload.seek(0)
        with Image.open(upload) as image:
            image.seek(0)
            # JPEG decodes straight at a reduced scale (1/2, 1/4, 1/8) when it is much larger
            # than the result: less memory and time, the same picture once resized.
            image.draft("RGB", (max_side, max_side))
            image = image.convert("RGB")
            image.thumbnail((max_side, max_side))
            out = io.BytesIO()
            image.save(out, format="JPEG", quality=85, optimize=True)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("This file is not an image we can read. Upload a JPEG, PNG, WebP or GIF image.")
        ) from None
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.jpg")
