"""Who may enter the desk: login protection, the second factor, and desk sessions.

- ``lockout``: brute-force protection of the desk login (django-axes): failures lock
  the account tried and the client's address for a while, recorded for Admins.
- ``second_factor``: who must prove a TOTP code (django-otp), and the gate that holds
  a signed-in editor on the code or enrolment page until they have.
- ``sessions``: desk sessions end after an idle time and after an absolute lifetime.
- ``views``: the code, enrolment and account pages under /redaksi/akun/.
"""
