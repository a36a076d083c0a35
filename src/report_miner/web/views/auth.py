"""Signing in and out."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import login_required, login_user, logout_user
from sqlalchemy import func, select

from .. import Reviewer, db, safe_next

bp = Blueprint("auth", __name__)


@bp.route("/login", methods=["GET", "POST"])
def login():
    from ...store import User
    from ...store.users import authenticate

    no_users = db().scalar(select(func.count()).select_from(User)) == 0
    error = None
    if request.method == "POST":
        username = request.form.get("username", "")
        password = request.form.get("password", "")
        user = authenticate(db(), username, password) if username and password else None
        if user is not None:
            db().commit()  # authenticate may rehash the password
            login_user(Reviewer(user))
            return redirect(safe_next(request.args.get("next")) or url_for("documents.index"))
        error = "Неверное имя или пароль."
    return render_template("login.html", error=error, no_users=no_users), 401 if error else 200


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    flash("Вы вышли.")
    return redirect(url_for("documents.index"))
