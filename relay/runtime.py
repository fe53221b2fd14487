"""The running parts relay needs, built once from the settings: database, object store, keys.

Everything with side effects hangs off one :class:`Runtime`, made at start-up (by the ``relay`` command, a
worker process or a test fixture) and passed to whatever needs it; nothing here reads the environment.
In embedded mode the master key is created on first start; in distributed mode it must already exist
(a missing key there means a misconfigured machine, and inventing a new one would orphan every item).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from relay.db.keyring import DbKeyRing
from relay.db.schema import migrate
from relay.db.session import make_engine, make_sessionmaker
from relay.keys import MasterKey, ensure_master_key, load_master_key
from relay.settings import Settings
from relay.store import ObjectStore, SealedStore, open_object_store


@dataclass(frozen=True)
class Runtime:
    """Settings plus the adapters built from them. Close it when done (it owns the engine)."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]  # read-write; every transaction is short
    readonly: sessionmaker[Session]  # listings and scans; never write through these
    master: MasterKey
    objects: ObjectStore  # ciphertext only: everything of an item goes through ``store``
    store: SealedStore
    keyring: DbKeyRing
    scratch_dir: Path | None  # where encrypted objects are spooled (None: the system's temporary folder)

    @classmethod
    def open(cls, settings: Settings, *, upgrade_schema: bool = True) -> Runtime:
        """Connect to everything the settings name; bring the schema up to date unless told not to."""
        master = _master_key(settings)
        engine = make_engine(settings)
        try:
            if upgrade_schema:
                migrate(engine)
            sessions = make_sessionmaker(engine)
            keyring = DbKeyRing(sessions, master)
            objects = open_object_store(settings.storage)
            scratch = settings.home / "tmp" if settings.embedded else None
            if scratch is not None:
                scratch.mkdir(mode=0o700, parents=True, exist_ok=True)
            return cls(
                settings=settings,
                engine=engine,
                sessions=sessions,
                readonly=make_sessionmaker(engine, read_only=True),
                master=master,
                objects=objects,
                store=SealedStore(objects, keyring, scratch_dir=scratch),
                keyring=keyring,
                scratch_dir=scratch,
            )
        except BaseException:
            engine.dispose()
            raise

    @property
    def keys_dir(self) -> Path:
        """Where relay keeps its own keys (the master key's folder)."""
        return self.settings.keys.master_key_file.parent

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Runtime:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _master_key(settings: Settings) -> MasterKey:
    path = settings.keys.master_key_file
    if settings.embedded:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        return ensure_master_key(path)
    return load_master_key(path)
