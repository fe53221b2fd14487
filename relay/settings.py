"""relay's settings: one frozen, validated object, built once at start-up and passed in.

Sources, later ones winning: the shipped defaults file ``config/relay.toml`` (required), an optional user
TOML file (``toml_path``, else the file named by ``RELAY_CONFIG``), then ``RELAY_*`` environment variables
from the mapping the caller passes (``os.environ`` at start-up; nothing here reads the environment itself).

Configuration fails closed: a missing or broken file, an unknown key, an unknown ``RELAY_*`` variable, a bad
URL or an out-of-range number raises :class:`~relay.errors.ConfigError` naming the setting and where it came
from, never its value (URLs may carry passwords).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from relay.cachefiles import CACHE_DIR_ENV
from relay.errors import ConfigError

DEFAULTS_FILE = Path(__file__).resolve().parent.parent / "config" / "relay.toml"
CONFIG_ENV = "RELAY_CONFIG"
# Short names for the settings people set most; everything else is RELAY_<SECTION>__<KEY>.
ENV_ALIASES: Mapping[str, tuple[str, ...]] = {
    "RELAY_HOME": ("home",),
    "RELAY_DATABASE_URL": ("database", "url"),
    "RELAY_BROKER_URL": ("broker", "url"),
    "RELAY_STORAGE_URL": ("storage", "url"),
    "RELAY_S3_ENDPOINT_URL": ("storage", "s3_endpoint_url"),
    "RELAY_S3_REGION": ("storage", "s3_region"),
    "RELAY_MASTER_KEY_FILE": ("keys", "master_key_file"),
}
_ENV_PREFIX = "RELAY_"
_BUCKET_RE = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")
_PREFIX_RE = re.compile(r"[a-z0-9_.-]+(?:/[a-z0-9_.-]+)*")
_REGION_RE = re.compile(r"[a-z0-9-]{1,40}")
_MIB = 1 << 20


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _split(url: str) -> Any:
    try:
        parts = urlsplit(url)
        _ = parts.port  # parses the port now, so a bad one fails here and not deep inside a client
    except ValueError:
        raise ValueError("is not a valid URL") from None
    return parts


class DatabaseSettings(_Section):
    """Where item state lives: SQLite (embedded) or PostgreSQL (distributed)."""

    # repr=False: a PostgreSQL URL may carry a password, and settings objects end up in tracebacks.
    url: str = Field(repr=False)

    @field_validator("url")
    @classmethod
    def _check_url(cls, url: str) -> str:
        parts = _split(url)
        if parts.scheme == "sqlite":
            path = url[len("sqlite:///") :] if url.startswith("sqlite:///") else ""
            if not path.startswith("/"):
                raise ValueError("must be sqlite:////absolute/path.db (in memory, items would be lost)")
        elif parts.scheme == "postgresql" or parts.scheme.startswith("postgresql+"):
            if not parts.path.strip("/"):
                raise ValueError("must name the database: postgresql://user@host/dbname")
        else:
            raise ValueError("must be a sqlite:// or postgresql:// URL")
        return url

    @property
    def sqlite_path(self) -> Path | None:
        """The SQLite file, or None for PostgreSQL."""
        return Path(self.url[len("sqlite:///") :]) if self.url.startswith("sqlite:") else None


class BrokerSettings(_Section):
    """The dramatiq broker: ``stub://`` runs workers in-process (embedded); Redis or RabbitMQ otherwise."""

    url: str = Field(repr=False)

    @field_validator("url")
    @classmethod
    def _check_url(cls, url: str) -> str:
        parts = _split(url)
        if parts.scheme == "stub":
            if url.rstrip("/") != "stub:":
                raise ValueError("must be exactly stub:// (the in-process broker takes no options)")
        elif parts.scheme in ("redis", "rediss", "amqp", "amqps"):
            if not parts.hostname:
                raise ValueError("must name a host: redis://host:6379/0 or amqp://user@host:5672/")
        else:
            raise ValueError("must be stub://, redis://, rediss://, amqp:// or amqps://")
        return url

    @property
    def kind(self) -> Literal["stub", "redis", "amqp"]:
        """Which broker: the in-process stub, Redis or RabbitMQ."""
        scheme = urlsplit(self.url).scheme
        return "stub" if scheme == "stub" else "redis" if scheme.startswith("redis") else "amqp"


class StorageSettings(_Section):
    """The object store: a local folder (``file://``) or an S3-compatible bucket (``s3://bucket/prefix``)."""

    url: str
    s3_endpoint_url: str | None = Field(default=None, repr=False)
    s3_region: str | None = None
    multipart_threshold_mib: int = Field(ge=5, le=5 * 1024)
    multipart_part_mib: int = Field(ge=5, le=512)  # S3's minimum part is 5 MiB; a part sits in memory
    connect_timeout_seconds: float = Field(gt=0, le=300)
    read_timeout_seconds: float = Field(gt=0, le=3600)
    max_attempts: int = Field(ge=1, le=20)

    @field_validator("url")
    @classmethod
    def _check_url(cls, url: str) -> str:
        parts = _split(url)
        if parts.scheme == "file":
            if parts.netloc not in ("", "localhost") or not unquote(parts.path).startswith("/"):
                raise ValueError("must be file:///absolute/path")
            if parts.query or parts.fragment:
                raise ValueError("must be file:///absolute/path, with no query or fragment")
        elif parts.scheme == "s3":
            if not _BUCKET_RE.fullmatch(parts.netloc) or ".." in parts.netloc:
                raise ValueError("must be s3://bucket/prefix with a valid bucket name (3-63 of a-z 0-9 . -)")
            prefix = parts.path.strip("/")
            if prefix and (not _PREFIX_RE.fullmatch(prefix) or ".." in prefix):
                raise ValueError("has a prefix outside a-z 0-9 / _ . - (or with ..)")
            if parts.query or parts.fragment:
                raise ValueError("must be s3://bucket/prefix, with no query or fragment")
        else:
            raise ValueError("must be a file:// or s3:// URL")
        return url

    @field_validator("s3_endpoint_url")
    @classmethod
    def _check_endpoint(cls, url: str | None) -> str | None:
        if url is not None:
            parts = _split(url)
            if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
                raise ValueError("must be http(s)://host[:port]")
        return url

    @field_validator("s3_region")
    @classmethod
    def _check_region(cls, region: str | None) -> str | None:
        if region is not None and not _REGION_RE.fullmatch(region):
            raise ValueError("must look like us-east-1")
        return region

    @model_validator(mode="after")
    def _s3_options_need_s3(self) -> StorageSettings:
        # An endpoint set beside a file:// URL usually means the s3:// URL was mistyped or forgotten.
        if self.backend == "file" and (self.s3_endpoint_url is not None or self.s3_region is not None):
            raise ValueError("s3_endpoint_url and s3_region apply only to an s3:// storage url")
        if self.multipart_part_mib > self.multipart_threshold_mib:
            raise ValueError("multipart_part_mib must not exceed multipart_threshold_mib")
        return self

    @property
    def backend(self) -> Literal["file", "s3"]:
        """``file`` or ``s3``."""
        return "s3" if self.url.startswith("s3:") else "file"

    @property
    def file_root(self) -> Path | None:
        """The folder of a ``file://`` store, else None."""
        return Path(unquote(urlsplit(self.url).path)) if self.backend == "file" else None

    @property
    def s3_bucket(self) -> str | None:
        """The bucket of an ``s3://`` store, else None."""
        return urlsplit(self.url).netloc if self.backend == "s3" else None

    @property
    def s3_prefix(self) -> str:
        """The key prefix inside the bucket, without slashes at either end ("" for none)."""
        return urlsplit(self.url).path.strip("/") if self.backend == "s3" else ""

    @property
    def multipart_threshold_bytes(self) -> int:
        """Objects larger than this are uploaded in parts."""
        return self.multipart_threshold_mib * _MIB

    @property
    def multipart_part_bytes(self) -> int:
        """The size of one uploaded part (and the most memory one upload holds)."""
        return self.multipart_part_mib * _MIB


class KeySettings(_Section):
    """Where the master key lives (32 bytes, mode 0600)."""

    master_key_file: Path


class StageTimeLimits(_Section):
    """Wall-clock seconds one run of each stage may take."""

    intake: int = Field(ge=1, le=86_400)
    sanitize: int = Field(ge=1, le=86_400)
    extract: int = Field(ge=1, le=86_400)
    detect: int = Field(ge=1, le=86_400)
    redact: int = Field(ge=1, le=86_400)
    seal: int = Field(ge=1, le=86_400)
    stage: int = Field(ge=1, le=86_400)
    purge: int = Field(ge=1, le=86_400)


class PipelineSettings(_Section):
    """Retries and time limits of the stage actors and the reconciler."""

    max_attempts: int = Field(ge=1, le=100)
    stuck_after_seconds: int = Field(ge=1)
    time_limits_seconds: StageTimeLimits


class RetentionSettings(_Section):
    """Days before an item's originals are purged and its keys destroyed, by final state."""

    delivered_days: int = Field(ge=0, le=3650)
    rejected_days: int = Field(ge=0, le=3650)
    failed_days: int = Field(ge=0, le=3650)


class IntakeSettings(_Section):
    """What intake accepts; the names follow :class:`relay.intake.Limits`."""

    max_file_mib: int = Field(ge=1, le=100 * 1024)
    max_pixels: int = Field(ge=1)
    max_pages: int = Field(ge=1)
    max_side: int = Field(ge=1)
    pdf_dpi: int = Field(ge=1, le=1200)
    max_total_pixels: int = Field(ge=1)
    max_video_mib: int = Field(ge=1, le=100 * 1024)
    max_video_seconds: int = Field(ge=1)

    @property
    def max_file_bytes(self) -> int:
        """The largest accepted document, in bytes."""
        return self.max_file_mib * _MIB

    @property
    def max_video_bytes(self) -> int:
        """The largest accepted video, in bytes."""
        return self.max_video_mib * _MIB


class WebSettings(_Section):
    """The HTTP app (``relay serve``); the names follow :class:`relay.web.config.WebConfig`."""

    presign_seconds: int = Field(ge=1, le=900)  # a presigned URL must stop working within 15 minutes
    failed_auth_limit: int = Field(ge=1, le=10_000)
    failed_auth_window_seconds: float = Field(gt=0, le=86_400)
    list_limit: int = Field(ge=1, le=10_000)


class Settings(_Section):
    """Everything relay is configured with. Build it with :func:`load_settings`."""

    home: Path
    database: DatabaseSettings
    broker: BrokerSettings
    storage: StorageSettings
    keys: KeySettings
    pipeline: PipelineSettings
    retention: RetentionSettings
    intake: IntakeSettings
    web: WebSettings

    @model_validator(mode="before")
    @classmethod
    def _derive_from_home(cls, data: Any) -> Any:
        """Make ``home`` absolute and put the database, objects and master key under it unless set."""
        if not isinstance(data, dict) or not isinstance(data.get("home"), str):
            return data  # field validation reports the missing or mistyped home
        raw = data["home"]
        if not raw.strip() or raw.startswith("~"):
            raise ValueError("home must be a path; ~ is not expanded, so write it out in full")
        home = Path(os.path.abspath(raw))
        data = {**data, "home": home}
        for section, key, value in (
            ("database", "url", f"sqlite:///{home / 'relay.db'}"),
            ("storage", "url", (home / "objects").as_uri()),
            ("keys", "master_key_file", str(home / "keys" / "master.key")),
        ):
            if isinstance(data.get(section, {}), dict):
                data[section] = {key: value, **data.get(section, {})}
        return data

    @field_validator("keys")
    @classmethod
    def _absolute_key_path(cls, keys: KeySettings) -> KeySettings:
        path = Path(os.path.abspath(keys.master_key_file))
        return keys if path == keys.master_key_file else keys.model_copy(update={"master_key_file": path})

    @property
    def embedded(self) -> bool:
        """True when relay runs on one machine with no servers: SQLite, local objects, in-process workers."""
        return (
            self.database.sqlite_path is not None
            and self.broker.kind == "stub"
            and self.storage.backend == "file"
        )


def load_settings(
    env: Mapping[str, str], toml_path: Path | None = None, *, defaults_path: Path = DEFAULTS_FILE
) -> Settings:
    """Build the settings from the defaults file, the user TOML file and ``env``.

    ``toml_path`` (a ``--config`` flag, say) takes the place of ``RELAY_CONFIG``. Raises ConfigError.
    """
    merged: dict[str, Any] = {}
    sources: dict[tuple[str, ...], str] = {}
    _merge(merged, _read_toml(defaults_path, "the defaults file"), sources, str(defaults_path), ())
    user_file = toml_path if toml_path is not None else _user_file(env)
    if user_file is not None:
        _merge(merged, _read_toml(user_file, "the settings file"), sources, str(user_file), ())
    for name, path, value in _env_settings(env):
        _merge(merged, _nest(path, value), sources, name, ())
    try:
        return Settings.model_validate(merged)
    except ValidationError as exc:
        raise ConfigError(_describe(exc, sources)) from None


def _user_file(env: Mapping[str, str]) -> Path | None:
    raw = env.get(CONFIG_ENV)
    if raw is None:
        return None
    if not raw.strip():
        raise ConfigError(f"{CONFIG_ENV} is set but empty; name a settings file or unset it")
    return Path(raw)


def _read_toml(path: Path, what: str) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{what} {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{what} {path} cannot be read ({type(exc).__name__})") from None
    except tomllib.TOMLDecodeError as exc:
        # The decoder's message gives line and column but not the offending text.
        raise ConfigError(f"{what} {path} is not valid TOML: {exc}") from None


def _env_settings(env: Mapping[str, str]) -> list[tuple[str, tuple[str, ...], str]]:
    """The RELAY_* variables as (variable, settings path, value); unknown ones are errors."""
    found: list[tuple[str, tuple[str, ...], str]] = []
    aliased = set(ENV_ALIASES.values())
    for name in sorted(env):
        if not name.startswith(_ENV_PREFIX) or name in (CONFIG_ENV, CACHE_DIR_ENV):
            continue
        if name in ENV_ALIASES:
            path = ENV_ALIASES[name]
        elif "__" in name:
            path = tuple(part.lower() for part in name[len(_ENV_PREFIX) :].split("__"))
            if not all(path):
                raise ConfigError(f"{name} is not a relay setting (empty part between __)")
            if path in aliased:
                alias = next(k for k, v in ENV_ALIASES.items() if v == path)
                raise ConfigError(f"{name} is spelled {alias}; use that name")
        else:
            raise ConfigError(
                f"{name} is not a relay setting; the known variables are {', '.join(sorted(ENV_ALIASES))}, "
                f"{CONFIG_ENV}, {CACHE_DIR_ENV} and RELAY_<SECTION>__<KEY>"
            )
        if not env[name].strip():
            raise ConfigError(f"{name} is set but empty; give it a value or unset it")
        found.append((name, path, env[name]))
    return found


def _nest(path: tuple[str, ...], value: str) -> dict[str, Any]:
    out: dict[str, Any] = {path[-1]: value}
    for part in reversed(path[:-1]):
        out = {part: out}
    return out


def _merge(
    into: dict[str, Any],
    new: Mapping[str, Any],
    sources: dict[tuple[str, ...], str],
    source: str,
    prefix: tuple[str, ...],
) -> None:
    """Deep-merge ``new`` into ``into``, remembering which source set each key (for error messages)."""
    for key, value in new.items():
        path = (*prefix, key)
        old = into.get(key)
        if isinstance(value, dict):
            if old is not None and not isinstance(old, dict):
                raise ConfigError(f"{'.'.join(path)} (from {source}) is a table here but a value elsewhere")
            into.setdefault(key, {})
            _merge(into[key], value, sources, source, path)
        else:
            if isinstance(old, dict):
                raise ConfigError(f"{'.'.join(path)} (from {source}) is a value here but a table elsewhere")
            into[key] = value
            sources[path] = source


def _origin(path: tuple[str, ...], sources: Mapping[tuple[str, ...], str]) -> str | None:
    """Where the value at ``path`` came from: its own source, or the one source of everything under it."""
    if path in sources:
        return sources[path]
    under = {src for key, src in sources.items() if key[: len(path)] == path}
    return under.pop() if len(under) == 1 else None


def _describe(exc: ValidationError, sources: Mapping[tuple[str, ...], str]) -> str:
    """One line per problem: which setting, from where, and what is wrong; never the value given."""
    lines = []
    for err in exc.errors(include_url=False, include_input=False, include_context=False):
        path = tuple(str(part) for part in err["loc"])
        origin = _origin(path, sources)
        where = ".".join(path)
        if origin is not None:
            where += f" (from {origin})"
        if err["type"] == "extra_forbidden":
            msg = "is not a known setting (a typo?)"
        elif err["type"] == "missing":
            msg = "is required but not set"
        else:
            msg = err["msg"].removeprefix("Value error, ")
        lines.append(f"{where}: {msg}" if where else msg)
    return "invalid settings: " + "; ".join(lines)
