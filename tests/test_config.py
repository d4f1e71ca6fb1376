"""Configuration layers and validation."""

import pytest

from notices import create_app
from notices.config import DEFAULT_SECRET_KEY, ConfigError, check_secret_for_serving


def test_defaults_put_everything_in_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("NOTICES_DATABASE_URL", raising=False)
    app = create_app({"TESTING": True})
    assert app.config["DATABASE_URL"].startswith("sqlite:///")
    assert app.config["DATABASE_URL"].endswith("notices.db")
    assert app.config["INDEX_DIR"].startswith(app.instance_path)
    assert app.config["SITE_NAME"] == "Public Notices Search"


def test_environment_overrides_defaults(monkeypatch, tmp_path):
    monkeypatch.setenv("NOTICES_SITE_NAME", "Example Notices")
    monkeypatch.setenv("NOTICES_MASS_WITHDRAWAL_SHARE", "0.5")
    monkeypatch.setenv("NOTICES_INDEX_DIR", str(tmp_path / "ix"))
    app = create_app()
    assert app.config["SITE_NAME"] == "Example Notices"
    assert app.config["MASS_WITHDRAWAL_SHARE"] == 0.5
    assert app.config["INDEX_DIR"] == str(tmp_path / "ix")


@pytest.mark.parametrize(
    ("key", "value"), [("MASS_WITHDRAWAL_SHARE", 2), ("PICTURE_MAX_PIXELS", -1), ("SITE_NAME", " ")]
)
def test_invalid_values_stop_the_start(key, value):
    with pytest.raises(ConfigError, match=key):
        create_app({key: value})


def test_default_secret_is_refused_outside_debug():
    config = {"SECRET_KEY": DEFAULT_SECRET_KEY}
    with pytest.raises(ConfigError, match="NOTICES_SECRET_KEY"):
        check_secret_for_serving(config, debug=False)
    check_secret_for_serving(config, debug=True)
    check_secret_for_serving({"SECRET_KEY": "x" * 40}, debug=False)


def test_every_key_has_a_validation_rule():
    from notices.config import DEFAULTS, RULES

    assert set(RULES) == set(DEFAULTS)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("RATE_LIMITS", "lots per fortnight"),
        ("RATE_LIMITS_ENABLED", "yes"),
        ("FETCH_TIMEOUT_SECONDS", 0),
        ("FETCH_RETRIES", -1),
        ("FETCH_RATE_PER_SECOND", "fast"),
        ("TRUSTED_PROXIES", True),
        ("DEMO_MODE", "maybe"),
    ],
)
def test_fetch_and_rate_limit_settings_are_validated(key, value):
    with pytest.raises(ConfigError, match=key):
        create_app({key: value})


def test_a_missing_translation_catalogue_stops_the_start(tmp_path):
    # A copy of the catalogues without the Arabic one: the site must not serve English text
    # in a right-to-left layout and call itself ready.
    import shutil

    from notices.web.i18n.locale import TRANSLATIONS_DIR

    copy = tmp_path / "translations"
    shutil.copytree(TRANSLATIONS_DIR, copy)
    (copy / "ar" / "LC_MESSAGES" / "messages.mo").unlink()
    with pytest.raises(ConfigError, match="ar"):
        create_app({"BABEL_TRANSLATION_DIRECTORIES": str(copy)})
    (copy / "ar" / "LC_MESSAGES" / "messages.mo").write_bytes(b"")
    create_app({"BABEL_TRANSLATION_DIRECTORIES": str(copy)})
