import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from visits.models.text import validate_one_line

TOKEN_PREFIX = "pt_"  # noqa: S105 - a marker that makes leaked tokens easy to scan for


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class ApiToken(models.Model):
    """A personal API token, sent as `Authorization: Bearer …`. Only its SHA-256 is stored:
    the token itself is shown once, when it is made. (A fast hash is enough: the token is 256
    random bits, not a password someone chose.)"""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=100, validators=[validate_one_line])
    prefix = models.CharField(
        _("prefix"), max_length=12, editable=False, validators=[validate_one_line]
    )
    key_hash = models.CharField(
        max_length=64, unique=True, editable=False, validators=[validate_one_line]
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, user, name: str) -> tuple["ApiToken", str]:
        """A new token for `user`; returns it with the secret, which is not kept."""
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = cls(user=user, name=name, prefix=raw[:8], key_hash=digest(raw))
        token.clean_fields(exclude=["user"])  # the name is one line, as every name is
        token.save()
        return token, raw

    @classmethod
    def user_for(cls, raw: str):
        """The active user this secret belongs to, or None; notes when the token was used."""
        token = cls.objects.active().select_related("user").filter(key_hash=digest(raw)).first()
        if token is None:
            return None
        now = timezone.now()
        # One write a minute at most, however busy the integration.
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
            cls.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user

    def revoke(self) -> None:
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])


class IdempotentRequest(models.Model):
    """A POST sent with an `Idempotency-Key`: its first response, replayed to any retry."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200, validators=[validate_one_line])
    fingerprint = models.CharField(
        max_length=64,
        help_text="SHA-256 of method, path and body.",
        validators=[validate_one_line],
    )
    status_code = models.PositiveSmallIntegerField(null=True)  # None while the first one runs
    body = models.BinaryField(default=b"")
    content_type = models.CharField(max_length=100, blank=True, validators=[validate_one_line])
    created_at = models.DateTimeField(auto_now_add=True)
    # While the first request runs, its claim holds until then; a retry after a lapsed lease
    # runs the request, since the first one died without an answer (visits.api.claims).
    lease_until = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_once_per_user")
        ]

    def __str__(self):
        return f"{self.key} ({self.status_code or 'running'})"

    @staticmethod
    def lapsed(now) -> Q:
        """Claims whose lease ran out, or that have none (taken before leases: long dead)."""
        return Q(lease_until__isnull=True) | Q(lease_until__lt=now)

    def has_lapsed(self, now) -> bool:
        return self.lease_until is None or self.lease_until < now
