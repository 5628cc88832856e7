"""Uploaded images are judged before they are decoded: a small file that would decode into a
huge picture is refused with a clear message, a phone photo is accepted and reduced."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from network.images import MAX_PIXELS, process_image


def _upload(width, height, image_format):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(buffer, image_format)
    name = f"picture.{image_format.lower()}"
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{image_format}")


def test_a_tiny_file_that_decodes_into_a_huge_picture_is_refused():
    upload = _upload(6300, 6300, "PNG")
    assert upload.size < 200_000  # a few dozen kilobytes on the wire
    assert MAX_PIXELS < 6300 * 6300
    with pytest.raises(ValidationError) as refused:
        process_image(upload, max_bytes=5_000_000, max_side=512)
    assert "too large in pixels" in str(refused.value)


def test_a_phone_photo_is_accepted_and_reduced():
    upload = _upload(4600, 3450, "JPEG")
    assert MAX_PIXELS >= 4600 * 3450
    result = process_image(upload, max_bytes=10_000_000, max_side=512)
    with Image.open(io.BytesIO(result.read())) as image:
        assert image.format == "JPEG"
        assert max(image.size) == 512
