"""What a personal feed shows depends on its owner's rights and on what they take part in.
Neither moves an engagement row, so a change to either marks every subscription (these are
rare, admin-made changes): their cached ETags are then not used, and Last-Modified moves."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from calendar_feeds.models import Subscription
from visits.models import Engagement, Host, Visit


def access_changed(**kwargs) -> None:
    if kwargs.get("action", "post_").startswith("pre_"):
        return
    if kwargs.get("update_fields") == frozenset({"last_login"}):
        return  # signing in changes nothing a feed shows
    Subscription.objects.update(access_changed_at=timezone.now())


def connect() -> None:
    User = get_user_model()  # noqa: N806
    for relation in (
        User.groups.through,
        User.user_permissions.through,
        Group.permissions.through,
        Visit.followers.through,
        Engagement.assigned_staff.through,
    ):
        m2m_changed.connect(access_changed, sender=relation, dispatch_uid=f"feeds:{relation}")
    for model in (User, Group, Host):  # active, superuser; a host's user account
        post_save.connect(access_changed, sender=model, dispatch_uid=f"feeds:save:{model}")
        post_delete.connect(access_changed, sender=model, dispatch_uid=f"feeds:delete:{model}")
