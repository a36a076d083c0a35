"""Reviewers: accounts with argon2-hashed passwords (argon2-cffi's PasswordHasher).

``authenticate`` costs one argon2 verification whether or not the user exists (an unknown name
is checked against a dummy hash), so its timing does not tell which usernames exist.
"""
from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import User

MAX_USERNAME = 64
MIN_PASSWORD = 8

_hasher = PasswordHasher()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher.hash("a password no account has")


def clean_username(username: str) -> str:
    """The username trimmed; ValueError unless it is 1-64 characters without control characters."""
    name = (username or "").strip()
    if not name:
        raise ValueError("the username is empty")
    if len(name) > MAX_USERNAME:
        raise ValueError(f"the username is longer than {MAX_USERNAME} characters")
    if any(not ch.isprintable() for ch in name):
        raise ValueError("the username contains control characters")
    return name


def check_password(password: str) -> None:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise ValueError(f"the password must be at least {MIN_PASSWORD} characters long")


def add_user(session: Session, username: str, password: str) -> User:
    """A new reviewer (flushed, not committed); ValueError for a taken or malformed name or a short password."""
    name = clean_username(username)
    check_password(password)
    if session.scalar(select(User.id).where(User.username == name)) is not None:
        raise ValueError(f"the user {name!r} exists already")
    user = User(username=name, password_hash=_hasher.hash(password), created_at=datetime.now(timezone.utc))
    session.add(user)
    session.flush()
    return user


def set_password(session: Session, user: User, password: str) -> None:
    check_password(password)
    user.password_hash = _hasher.hash(password)
    session.flush()


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The user whose name and password these are, else None (unknown users cost the same time)."""
    try:
        name = clean_username(username)
    except ValueError:
        name = None
    user = session.scalar(select(User).where(User.username == name)) if name else None
    try:
        _hasher.verify(user.password_hash if user else _dummy_hash(), password or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if user is None:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
        session.flush()
    return user
