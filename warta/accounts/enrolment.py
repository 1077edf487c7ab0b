"""What the enrolment page shows an authenticator app: a QR code and the secret as text.

The QR code is inline SVG markup (no script, no style, nothing fetched), so the page
needs nothing a strict Content-Security-Policy forbids.
"""

from base64 import b32encode

import qrcode
from django.utils.safestring import SafeString, mark_safe
from qrcode.image.svg import SvgPathImage

from .models import SecondFactorDevice


def qr_svg(device: SecondFactorDevice) -> SafeString:
    """The device's ``otpauth://`` address as an SVG QR code, ready to inline."""
    image = qrcode.make(device.config_url, image_factory=SvgPathImage, border=2)
    # Markup we made from our own address: nothing in it comes from a visitor.
    return mark_safe(image.to_string(encoding="unicode"))  # noqa: S308


def secret_text(device: SecondFactorDevice) -> str:
    """The secret in base32 as apps ask for it when typed, in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
