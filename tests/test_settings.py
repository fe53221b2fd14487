"""Settings: defaults, overrides and their precedence, and failing closed on anything unknown or broken."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path

import pytest
from pydantic import ValidationError

from relay.errors import ConfigError
from relay.keys import ensure_master_key
from relay.settings import DEFAULTS_FILE, Settings, load_settings


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # RELAY_HOME's default is relative to the working directory


def _error(env: dict[str, str], toml_path: Path | None = None, **kwargs: Path) -> str:
    with pytest.raises(ConfigError) as err:
        load_settings(env, toml_path, **kwargs)
    assert err.value.code == "config_invalid"
    return str(err.value)


def test_defaults_are_embedded_under_relay_home(tmp_path: Path) -> None:
    s = load_settings({})
    home = tmp_path / "relay-data"
    assert s.home == home
    assert s.embedded
    assert s.database.sqlite_path == home / "relay.db"
    assert s.broker.kind == "stub"
    assert s.storage.backend == "file" and s.storage.file_root == home / "objects"
    assert s.keys.master_key_file == home / "keys" / "master.key"


def test_numbers_come_from_the_shipped_file() -> None:
    shipped = tomllib.loads(DEFAULTS_FILE.read_text())
    s = load_settings({})
    assert s.pipeline.max_attempts == shipped["pipeline"]["max_attempts"]
    assert s.pipeline.time_limits_seconds.extract == shipped["pipeline"]["time_limits_seconds"]["extract"]
    assert s.retention.delivered_days == shipped["retention"]["delivered_days"]
    assert s.intake.max_file_bytes == shipped["intake"]["max_file_mib"] << 20
    assert s.storage.multipart_part_bytes == shipped["storage"]["multipart_part_mib"] << 20


def test_intake_defaults_match_the_relay_command() -> None:
    from relay.intake import Limits

    intake, limits = load_settings({}).intake, Limits()
    assert intake.max_file_bytes == limits.max_bytes
    assert (intake.max_pixels, intake.max_pages, intake.max_side) == (
        limits.max_pixels,
        limits.max_pages,
        limits.max_side,
    )
    assert (intake.pdf_dpi, intake.max_total_pixels) == (limits.pdf_dpi, limits.max_total_pixels)


def test_settings_are_frozen() -> None:
    s = load_settings({})
    with pytest.raises(ValidationError):
        s.home = Path("/elsewhere")
    with pytest.raises(ValidationError):
        s.pipeline.max_attempts = 99


def test_the_process_environment_is_not_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RELAY_HOME", "/somewhere/else")
    monkeypatch.setenv("RELAY_NOT_A_SETTING", "1")
    assert load_settings({}).home == tmp_path / "relay-data"


def test_relay_home_moves_everything(tmp_path: Path) -> None:
    s = load_settings({"RELAY_HOME": "data/relay"})
    assert s.home == tmp_path / "data" / "relay"
    assert s.database.sqlite_path == tmp_path / "data" / "relay" / "relay.db"
    assert s.storage.file_root == tmp_path / "data" / "relay" / "objects"
    assert s.keys.master_key_file == tmp_path / "data" / "relay" / "keys" / "master.key"


def test_distributed_settings_from_the_environment() -> None:
    s = load_settings(
        {
            "RELAY_DATABASE_URL": "postgresql://relay:s3cret@db.internal:5432/relay",
            "RELAY_BROKER_URL": "redis://queue.internal:6379/0",
            "RELAY_STORAGE_URL": "s3://relay-objects/prod/v1/",
            "RELAY_S3_ENDPOINT_URL": "https://minio.internal:9000",
            "RELAY_S3_REGION": "eu-central-1",
            "RELAY_MASTER_KEY_FILE": "/etc/relay/master.key",
        }
    )
    assert not s.embedded
    assert s.database.sqlite_path is None
    assert s.broker.kind == "redis"
    assert (s.storage.backend, s.storage.s3_bucket, s.storage.s3_prefix) == ("s3", "relay-objects", "prod/v1")
    assert s.storage.s3_endpoint_url == "https://minio.internal:9000"
    assert s.keys.master_key_file == Path("/etc/relay/master.key")
    assert "s3cret" not in repr(s) and "s3cret" not in str(s)
    assert load_settings({"RELAY_BROKER_URL": "amqps://mq.internal/"}).broker.kind == "amqp"


def test_any_setting_by_section_and_key() -> None:
    s = load_settings(
        {
            "RELAY_PIPELINE__MAX_ATTEMPTS": "3",
            "RELAY_PIPELINE__TIME_LIMITS_SECONDS__EXTRACT": "900",
            "RELAY_STORAGE__READ_TIMEOUT_SECONDS": "2.5",
        }
    )
    assert s.pipeline.max_attempts == 3
    assert s.pipeline.time_limits_seconds.extract == 900
    assert s.storage.read_timeout_seconds == 2.5


def test_user_file_and_precedence(tmp_path: Path) -> None:
    user = tmp_path / "relay.toml"
    user.write_text("[pipeline]\nmax_attempts = 7\nstuck_after_seconds = 60\n[retention]\nfailed_days = 1\n")
    s = load_settings({"RELAY_CONFIG": str(user), "RELAY_PIPELINE__MAX_ATTEMPTS": "2"})
    assert s.pipeline.max_attempts == 2  # environment beats the user file
    assert s.pipeline.stuck_after_seconds == 60  # user file beats the defaults
    assert s.retention.failed_days == 1
    assert s.retention.delivered_days == 14  # untouched defaults stay
    other = tmp_path / "other.toml"
    other.write_text("[retention]\nfailed_days = 9\n")
    assert (
        load_settings({"RELAY_CONFIG": str(user)}, other).retention.failed_days == 9
    )  # an explicit path wins


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({"RELAY_HOMEDIR": "/x"}, ["RELAY_HOMEDIR"]),
        ({"RELAY_STORAGE": "s3://b/p"}, ["RELAY_STORAGE"]),
        ({"RELAY_PIPELINE__MAX_ATTEMTPS": "3"}, ["pipeline.max_attemtps", "RELAY_PIPELINE__MAX_ATTEMTPS"]),
        ({"RELAY_NOPE__X": "1"}, ["nope", "RELAY_NOPE__X"]),
        ({"RELAY_STORAGE__URL": "s3://bucket/p"}, ["RELAY_STORAGE__URL", "RELAY_STORAGE_URL"]),
        ({"RELAY_PIPELINE__TIME_LIMITS_SECONDS": "5"}, ["pipeline.time_limits_seconds"]),
        ({"RELAY_PIPELINE____X": "5"}, ["RELAY_PIPELINE____X"]),
    ],
)
def test_unknown_variables_are_errors(env: dict[str, str], names: list[str]) -> None:
    message = _error(env)
    for name in names:
        assert name in message


def test_the_cache_folder_variable_is_known_but_no_setting(tmp_path: Path) -> None:
    # RELAY_CACHE_DIR is read by relay.cachefiles, which the detector uses without settings.
    home = str(tmp_path / "home")
    with_cache = load_settings({"RELAY_HOME": home, "RELAY_CACHE_DIR": str(tmp_path / "cache")})
    assert with_cache == load_settings({"RELAY_HOME": home})
    assert "RELAY_CACHE_DIR" in _error({"RELAY_CACHE_DIRS": "/x"})  # the message names the right one


def test_unknown_keys_in_a_user_file_are_errors(tmp_path: Path) -> None:
    user = tmp_path / "mine.toml"
    user.write_text("[storage]\nurll = 's3://bucket/x'\n[stages]\nx = 1\n")
    message = _error({"RELAY_CONFIG": str(user)})
    assert "storage.urll" in message and "stages" in message and str(user) in message
    assert "s3://bucket" not in message


@pytest.mark.parametrize(
    ("variable", "value", "setting"),
    [
        ("RELAY_DATABASE_URL", "mysql://u:hunter2@h/db", "database.url"),
        ("RELAY_DATABASE_URL", "sqlite://", "database.url"),
        ("RELAY_DATABASE_URL", "sqlite:///relative.db", "database.url"),
        ("RELAY_DATABASE_URL", "postgresql://u:hunter2@h:99999/db", "database.url"),
        ("RELAY_DATABASE_URL", "postgresql://u:hunter2@h/", "database.url"),
        ("RELAY_BROKER_URL", "kafka://h", "broker.url"),
        ("RELAY_BROKER_URL", "redis://", "broker.url"),
        ("RELAY_BROKER_URL", "stub://with/options", "broker.url"),
        ("RELAY_STORAGE_URL", "s3://UPPER/x", "storage.url"),
        ("RELAY_STORAGE_URL", "s3://ab/x", "storage.url"),
        ("RELAY_STORAGE_URL", "s3://bucket/../up", "storage.url"),
        ("RELAY_STORAGE_URL", "s3://bucket/Documents", "storage.url"),
        ("RELAY_STORAGE_URL", "file://relative/path", "storage.url"),
        ("RELAY_STORAGE_URL", "/no/scheme", "storage.url"),
        ("RELAY_STORAGE_URL", "gs://bucket", "storage.url"),
        ("RELAY_PIPELINE__MAX_ATTEMPTS", "0", "pipeline.max_attempts"),
        ("RELAY_PIPELINE__MAX_ATTEMPTS", "many", "pipeline.max_attempts"),
        ("RELAY_STORAGE__MULTIPART_PART_MIB", "1", "storage.multipart_part_mib"),
        ("RELAY_STORAGE__CONNECT_TIMEOUT_SECONDS", "-1", "storage.connect_timeout_seconds"),
    ],
)
def test_bad_values_name_the_setting_not_the_value(variable: str, value: str, setting: str) -> None:
    message = _error({variable: value})
    assert setting in message and variable in message
    assert "hunter2" not in message


def test_s3_options_need_an_s3_url() -> None:
    assert "s3_endpoint_url" in _error({"RELAY_S3_ENDPOINT_URL": "http://127.0.0.1:9000"})
    message = _error({"RELAY_STORAGE_URL": "s3://bucket/x", "RELAY_S3_ENDPOINT_URL": "ftp://h"})
    assert "storage.s3_endpoint_url" in message


@pytest.mark.parametrize(
    ("variable", "value"), [("RELAY_HOME", "~/relay"), ("RELAY_HOME", "  "), ("RELAY_CONFIG", "")]
)
def test_home_and_empty_values(variable: str, value: str) -> None:
    assert variable in _error({variable: value}) or "home" in _error({variable: value})


def test_missing_user_file(tmp_path: Path) -> None:
    assert "does not exist" in _error({"RELAY_CONFIG": str(tmp_path / "nope.toml")})


def test_defaults_file_missing_broken_or_incomplete(tmp_path: Path) -> None:
    assert "does not exist" in _error({}, defaults_path=tmp_path / "relay.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("[pipeline\nmax_attempts = 5\n")
    assert "not valid TOML" in _error({}, defaults_path=broken)
    incomplete = tmp_path / "incomplete.toml"
    incomplete.write_text(DEFAULTS_FILE.read_text().replace("max_attempts = 5\n", ""))
    assert "pipeline.max_attempts" in _error({}, defaults_path=incomplete)
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    assert "binary.toml" in _error({}, defaults_path=binary)


def test_table_against_value_conflicts(tmp_path: Path) -> None:
    user = tmp_path / "user.toml"
    user.write_text('pipeline = "fast"\n')
    assert "pipeline" in _error({"RELAY_CONFIG": str(user)})


def test_master_key_lands_under_home_with_private_permissions() -> None:
    s = load_settings({})
    ensure_master_key(s.keys.master_key_file)
    mode = stat.S_IMODE(s.keys.master_key_file.stat().st_mode)
    assert mode == 0o600
    assert s.keys.master_key_file.is_relative_to(s.home)


def test_settings_model_is_the_public_type() -> None:
    assert isinstance(load_settings({}), Settings)


@pytest.mark.parametrize("value", ["0", "901", "3600"])
def test_presigned_urls_never_outlive_fifteen_minutes(value: str) -> None:
    with pytest.raises(ConfigError):
        load_settings({"RELAY_WEB__PRESIGN_SECONDS": value})


def test_the_web_section_reaches_the_partner_api() -> None:
    from relay.web.config import WebConfig

    web = load_settings({"RELAY_WEB__PRESIGN_SECONDS": "900", "RELAY_WEB__LIST_LIMIT": "7"}).web
    config = WebConfig(
        presign_seconds=web.presign_seconds,
        failed_auth_limit=web.failed_auth_limit,
        failed_auth_window_seconds=web.failed_auth_window_seconds,
        list_limit=web.list_limit,
    )
    assert (config.presign_seconds, config.list_limit) == (900, 7)
