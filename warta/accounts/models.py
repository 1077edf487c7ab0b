from django_otp.plugins.otp_totp.models import TOTPDevice


class SecondFactorDevice(TOTPDevice):
    """A desk user's authenticator app (django-otp's TOTP device), as the desk names it.

    A proxy: the rows are django-otp's. Admins see and delete them in the desk (a
    deleted device is a reset: its owner enrols again at the next sign-in).
    """

    class Meta:
        proxy = True
        verbose_name = "perangkat verifikasi dua langkah"
        verbose_name_plural = "perangkat verifikasi dua langkah"
