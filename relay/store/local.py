"""ObjectStore in a local folder (embedded mode).

Layout: the object under ``a/b/c`` is the file ``ROOT/a/b/c~obj``. ``~`` cannot occur in a key, so an
object file never collides with the folder of a longer key (``a/b`` and ``a/b/c`` can both exist), and the
``ROOT/~tmp`` folder for writes in progress never shows up in ``list``.

Each file starts with a 48-byte header recording the SHA-256 and size of the bytes after it, so object and
checksum are written, and appear, together. A put writes a temporary file, fsyncs it, then hard-links it
into place: ``link`` fails if the target exists, which makes no-overwrite atomic without a lock, and the
object appears whole or not at all.
"""

from __future__ import annotations

import errno
import os
import struct
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from relay.errors import CHECKSUM_MISMATCH, ObjectExists, ObjectNotFound, StorageError
from relay.store.base import PutResult, check_sha256, copy_hashing, validate_key, validate_prefix

_SUFFIX = "~obj"
_TMP = "~tmp"
_HEADER = struct.Struct(">8sQ32s")
_MAGIC = b"RLYOBJ1\n"


class LocalStore:
    """Objects as files under ``root`` (created mode 0700 if missing)."""

    def __init__(self, root: Path, *, fsync: bool = True) -> None:
        self._root = root
        # fsync=False only for throwaway test stores; durable stores must survive a power cut.
        self._fsync = fsync
        try:
            root.mkdir(parents=True, exist_ok=True, mode=0o700)
            (root / _TMP).mkdir(exist_ok=True, mode=0o700)
        except OSError as exc:
            raise _io_error("open the store folder", None, exc) from None

    def put(self, key: str, src: BinaryIO) -> PutResult:
        """See :class:`~relay.store.base.ObjectStore`."""
        final = self._path(validate_key(key))
        fd, tmp_name = tempfile.mkstemp(dir=self._root / _TMP)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(bytes(_HEADER.size))
                result = copy_hashing(src, fh)
                fh.seek(0)
                fh.write(_HEADER.pack(_MAGIC, result.size, bytes.fromhex(result.sha256)))
                fh.flush()
                if self._fsync:
                    os.fsync(fh.fileno())
            if self._link(tmp, final):
                self._sync_dir(final.parent)
                return result
            recorded = self._read_header(key, final)
            if recorded == result:
                return recorded
            raise ObjectExists(f"object {key} exists with other content; objects are never replaced")
        except OSError as exc:
            raise _io_error("put", key, exc) from None
        finally:
            tmp.unlink(missing_ok=True)

    def get(self, key: str, dst: BinaryIO, *, expected_sha256: str | None = None) -> PutResult:
        """See :class:`~relay.store.base.ObjectStore`."""
        path = self._path(validate_key(key))
        try:
            with path.open("rb") as fh:
                recorded = self._parse_header(key, fh.read(_HEADER.size))
                actual = copy_hashing(fh, dst)
        except FileNotFoundError:
            raise ObjectNotFound(f"object {key} does not exist") from None
        except OSError as exc:
            raise _io_error("get", key, exc) from None
        check_sha256(key, actual, recorded, expected_sha256)
        return actual

    def exists(self, key: str) -> bool:
        """See :class:`~relay.store.base.ObjectStore`."""
        return self._path(validate_key(key)).is_file()

    def delete(self, key: str) -> None:
        """See :class:`~relay.store.base.ObjectStore`. Also removes folders the delete leaves empty."""
        path = self._path(validate_key(key))
        try:
            path.unlink(missing_ok=True)
            self._sync_dir(path.parent)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise _io_error("delete", key, exc) from None
        parent = path.parent
        while parent != self._root:
            try:
                parent.rmdir()  # fails, harmlessly, when another object (or a put) is using the folder
            except OSError:
                break
            parent = parent.parent

    def list(self, prefix: str = "") -> Iterator[str]:
        """See :class:`~relay.store.base.ObjectStore`."""
        validate_prefix(prefix)
        # Walk only the folder the prefix pins down, not the whole store.
        base = self._root.joinpath(*prefix.split("/")[:-1])
        for dirpath, dirnames, filenames in os.walk(base):
            if Path(dirpath) == self._root and _TMP in dirnames:
                dirnames.remove(_TMP)
            rel = Path(dirpath).relative_to(self._root).as_posix()
            for name in filenames:
                if name.endswith(_SUFFIX):
                    key = name[: -len(_SUFFIX)] if rel == "." else f"{rel}/{name[: -len(_SUFFIX)]}"
                    if key.startswith(prefix):
                        yield key

    def file_of(self, key: str) -> Path:
        """The file that holds the object under ``key`` (in this store's own format: a header, then the
        bytes), for telling an operator where it is."""
        return self._path(validate_key(key))

    def _path(self, key: str) -> Path:
        return self._root.joinpath(*key.split("/")).with_name(key.rsplit("/", 1)[-1] + _SUFFIX)

    def _link(self, tmp: Path, final: Path) -> bool:
        """Hard-link ``tmp`` to ``final``; False if ``final`` exists."""
        for _ in range(5):
            final.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            try:
                os.link(tmp, final)
                return True
            except FileExistsError:
                return False
            except FileNotFoundError:
                continue  # a concurrent delete removed the (empty) folder between mkdir and link
        raise OSError(errno.ENOENT, "the object's folder keeps disappearing")

    def _read_header(self, key: str, path: Path) -> PutResult:
        with path.open("rb") as fh:
            return self._parse_header(key, fh.read(_HEADER.size))

    @staticmethod
    def _parse_header(key: str, raw: bytes) -> PutResult:
        if len(raw) != _HEADER.size or raw[: len(_MAGIC)] != _MAGIC:
            raise StorageError(f"object {key} has a damaged header", code=CHECKSUM_MISMATCH)
        _magic, size, digest = _HEADER.unpack(raw)
        return PutResult(digest.hex(), size)

    def _sync_dir(self, path: Path) -> None:
        # A new or removed directory entry is durable only once the directory itself is fsynced.
        if self._fsync:
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _io_error(op: str, key: str | None, exc: OSError) -> StorageError:
    """An OSError as a StorageError naming the errno (ENOSPC, EACCES, …), never a path inside the store."""
    name = errno.errorcode.get(exc.errno or 0, type(exc).__name__)
    what = f"{op} of object {key}" if key else op
    return StorageError(f"local store: {what} failed ({name})")
