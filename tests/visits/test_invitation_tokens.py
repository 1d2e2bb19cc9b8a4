"""The reply link's secret: at least 128 bits (derived with the site's key), kept only as a
digest, opening its one invitation while replies are open; an unknown, revoked, expired or
guessed token opens nothing, all alike."""

import secrets
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import EngagementFactory, GuestFactory
from visits.models import Invitation, Reception
from visits.models.api_tokens import digest
from visits.queries.invitations import invitation_for_token
from visits.services.invitations import invite, issue_reply_token, revoke_reply_token


@pytest.fixture
def invitation(db):
    engagement = EngagementFactory()
    Reception.objects.create(engagement=engagement, reply_by=timezone.now() + timedelta(days=7))
    return invite(engagement, [GuestFactory()], by=None)[0]


def test_a_token_opens_its_invitation_and_only_its_digest_is_kept(invitation):
    token = issue_reply_token(invitation)
    assert len(token) >= 22  # 22 characters of base64 hold 128 bits; these hold 192
    assert invitation_for_token(token) == invitation
    stored = Invitation.objects.filter(pk=invitation.pk).values().get()
    assert stored["token_hash"] == digest(token)
    assert not any(token in str(value) for value in stored.values())


def test_a_new_token_revokes_the_one_sent_before(invitation):
    first = issue_reply_token(invitation)
    second = issue_reply_token(invitation)
    assert (invitation_for_token(first), invitation_for_token(second)) == (None, invitation)
    revoke_reply_token(invitation)
    assert invitation_for_token(second) is None


def test_unknown_expired_and_guessed_tokens_open_nothing(invitation):
    token = issue_reply_token(invitation)
    after_deadline = invitation.engagement.reception.reply_by + timedelta(seconds=1)
    assert invitation_for_token(token, now=after_deadline) is None
    for guess in ("", "x" * 500, secrets.token_urlsafe(24), token[:-1], token.upper()):
        assert invitation_for_token(guess) is None


def test_without_a_deadline_replies_close_when_the_engagement_starts(db):
    engagement = EngagementFactory()
    invitation = invite(engagement, [GuestFactory()], by=None)[0]
    token = issue_reply_token(invitation)
    assert invitation_for_token(token, now=engagement.starts_at) == invitation
    assert invitation_for_token(token, now=engagement.starts_at + timedelta(seconds=1)) is None
