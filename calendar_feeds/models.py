"""Personal calendar subscriptions: a secret URL per feed, its token stored only as a digest."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from visits.models.text import validate_one_line


class FeedScope(models.TextChoices):
    MINE = "mine", _("My engagements: those I lead, host, am assigned to or follow")
    VISIBLE = "visible", _("Everything I may see")
    VENUE = "venue", _("One room")
    PUBLIC = "public", _("The public programme")


class Subscription(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_subscriptions",
        verbose_name=_("owner"),
    )
    name = models.CharField(_("name"), max_length=100, validators=[validate_one_line])
    scope = models.CharField(_("what it shows"), max_length=20, choices=FeedScope)
    venue = models.ForeignKey(
        "visits.Venue",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("room"),
    )
    # sha256 of the token: the token itself is shown once and never stored.
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, editable=False)
    # What its owner may see, or takes part in, last changed (rights, assignments, follows):
    # part of the feed's Last-Modified and of its cache key, since no engagement row moves.
    access_changed_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("calendar subscription")
        verbose_name_plural = _("calendar subscriptions")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scope=FeedScope.VENUE, venue__isnull=False)
                | (~models.Q(scope=FeedScope.VENUE) & models.Q(venue__isnull=True)),
                name="subscription_room_iff_room_scope",
                violation_error_message=_("A room feed needs its room, and only it has one."),
            )
        ]

    def __str__(self):
        return self.name
