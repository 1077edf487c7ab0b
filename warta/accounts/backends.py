from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import User

from .second_factor import with_second_factor_facts


class DeskUserBackend(ModelBackend):
    """Django's ModelBackend, except that the signed-in user of each request is loaded
    together with what the second-factor gate asks of them (does the user have a
    confirmed device, does their role require one), in the same query."""

    def get_user(self, user_id):
        try:
            user = with_second_factor_facts(User._default_manager.all()).get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
