"""The reviewers' web app: paste and extract, documents, review and correct, organisations.

``create_app(db_url)`` builds a Flask app on the database at ``db_url`` (its schema upgraded on
start); ``report-miner serve`` runs it under waitress. Pages are rendered on the server; a small
script (static/review.js) adds highlighting on click, selection-to-form and keyboard shortcuts.
Data changes go through ``report_miner.store.review`` only, and only for signed-in users.
"""
from __future__ import annotations

import io
import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask, Request, g, jsonify, redirect, render_template, request, url_for
from flask_login import LoginManager, UserMixin, current_user
from flask_wtf.csrf import CSRFError, CSRFProtect
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from ..read import MAX_BYTES

SECRET_ENV = "REPORT_MINER_SECRET_KEY"
SECRET_FILE = "report-miner-secret-key"
MAX_UPLOAD = MAX_BYTES  # 20 MB, as the read step's own limit
# POST endpoints that change nothing: everyone may use them (the others need a signed-in user)
OPEN_POSTS = frozenset({"auth.login", "paste.extract"})

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

csrf = CSRFProtect()


class InMemoryRequest(Request):
    """Uploads stay in memory (they are bounded by MAX_CONTENT_LENGTH): werkzeug would spool a large
    one to a temporary file, and the app writes nothing to disk but the database."""

    def _get_file_stream(self, total_content_length, content_type, filename=None, content_length=None):
        return io.BytesIO()


class Reviewer(UserMixin):
    """The signed-in user for Flask-Login; ``row`` is the ``users`` row in the request's session."""

    def __init__(self, row) -> None:
        self.row = row
        self.id = row.id
        self.username = row.username


def create_app(db_url: str, *, secret_key: str | None = None, config: dict[str, Any] | None = None) -> Flask:
    """The app on the database at ``db_url`` (created or upgraded to the newest schema).

    ``secret_key`` signs the session cookies; without it REPORT_MINER_SECRET_KEY, else a key
    generated once and kept in a file (``_stored_secret``). ``config`` overrides Flask settings
    (tests: TESTING, WTF_CSRF_ENABLED, MAX_CONTENT_LENGTH, PAGE_SIZE). The engine is in
    ``app.extensions["report_miner.engine"]``.
    """
    from ..store import User, open_database

    app = Flask(__name__, instance_relative_config=False)
    app.request_class = InMemoryRequest
    app.config.update(
        MAX_CONTENT_LENGTH=MAX_UPLOAD + 1024 * 1024,  # the file plus the form around it
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        WTF_CSRF_TIME_LIMIT=None,  # a review session may stay open for hours; the token lives with the session
        PAGE_SIZE=50,
    )
    if config:
        app.config.update(config)
    app.config["DB_URL"] = db_url
    app.secret_key = secret_key or os.environ.get(SECRET_ENV) or _stored_secret(db_url, Path(app.instance_path))
    engine = open_database(db_url)
    if engine.dialect.name == "sqlite":  # SQLite's lower() knows only ASCII: searches in Russian need Unicode's
        event.listen(engine, "connect", _unicode_lower)
        if engine.url.database not in (None, "", ":memory:"):
            engine.dispose()  # connections made before the listener get it too (a memory database would go)
    app.extensions["report_miner.engine"] = engine

    csrf.init_app(app)
    login = LoginManager(app)
    login.login_view = "auth.login"
    login.login_message = "Войдите, чтобы вносить изменения."

    @login.user_loader
    def load_user(user_id: str):
        try:
            row = db().get(User, int(user_id))
        except ValueError:
            return None
        return Reviewer(row) if row is not None else None

    @login.unauthorized_handler
    def unauthorized():
        if _wants_json():
            return jsonify(error="sign in first"), 401
        return redirect(url_for("auth.login", next=_local_next()))

    @app.before_request
    def refuse_anonymous_changes():
        if (request.method not in ("GET", "HEAD", "OPTIONS") and request.endpoint not in OPEN_POSTS
                and not current_user.is_authenticated):
            return unauthorized()
        return None

    @app.after_request
    def security_headers(response):
        # only this app's own files run: a text that slipped through escaping still could not run a script
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    @app.teardown_appcontext
    def close_session(_exc):
        session = g.pop("db", None)
        if session is not None:
            session.close()

    from .views import auth, documents, organisations, paste

    app.register_blueprint(auth.bp)
    app.register_blueprint(paste.bp)
    app.register_blueprint(documents.bp)
    app.register_blueprint(organisations.bp)

    @app.get("/")
    def index():
        return redirect(url_for("documents.index"))

    @app.errorhandler(413)
    def too_large(_exc):
        limit = MAX_UPLOAD // (1024 * 1024)
        return render_template("error.html", title="Файл слишком большой",
                               message=f"Файл больше {limit} МБ: загрузите файл меньше."), 413

    @app.errorhandler(404)
    def not_found(_exc):
        return render_template("error.html", title="Не найдено", message="Такой страницы нет."), 404

    @app.errorhandler(CSRFError)
    def csrf_error(exc):
        if _wants_json():
            return jsonify(error=exc.description), 400
        return render_template("error.html", title="Форма устарела",
                               message="Обновите страницу и повторите действие (CSRF)."), 400

    from .view import ACTIONS, label, options, summary

    app.jinja_env.globals.update(options=options, label=label, summary=summary, actions=ACTIONS)
    app.jinja_env.trim_blocks = app.jinja_env.lstrip_blocks = True  # long pages: no template indentation

    @app.context_processor
    def globals_():
        return {"user": current_user}

    return app


def db() -> Session:
    """The request's database session (closed at the end of the request)."""
    from flask import current_app

    if "db" not in g:
        g.db = Session(current_app.extensions["report_miner.engine"], expire_on_commit=False)
    return g.db


def _unicode_lower(dbapi_connection, _record) -> None:
    dbapi_connection.create_function("lower", 1, lambda s: s.lower() if isinstance(s, str) else s,
                                     deterministic=True)


def _wants_json() -> bool:
    return (request.headers.get("X-Requested-With") == "fetch"
            or request.accept_mimetypes.best == "application/json" or request.is_json)


def _local_next() -> str | None:
    """Where to come back after signing in: this page (a GET), or the page a refused form was on."""
    target = request.full_path if request.method == "GET" else request.referrer
    return safe_next(target)


def safe_next(target: str | None) -> str | None:
    """``target`` reduced to a path on this site, or None (no open redirects)."""
    if not target:
        return None
    from urllib.parse import urlsplit

    parts = urlsplit(target)
    if parts.netloc and parts.netloc != request.host:
        return None
    path = parts.path or "/"
    if not path.startswith("/") or path.startswith("//") or "\\" in path:
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def _stored_secret(db_url: str, instance: Path) -> str:
    """The key signing session cookies: kept in a file beside a SQLite database, else in the instance folder.

    Generated on first start (mode 0600), so sessions survive restarts and no key lives in the code.
    """
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        folder = Path(url.database).resolve().parent
    else:
        folder = instance
    path = folder / SECRET_FILE
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    folder.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process was first
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as sink:
        sink.write(key + "\n")
    return key
