"""Opening a bundle on the partner's side: verify, decrypt, check, then write all of it or nothing.

Order matters, and each step refuses before the next runs:

1. the detached minisign signature over the downloaded file (nothing is decrypted from an unsigned or
   altered file, so a forged bundle never reaches the age or tar parsers);
2. age decryption into a private temporary file beside ``dest`` (``decrypt_stream`` writes only
   authenticated chunks, and the file is used only once the last chunk authenticated);
3. the tar, read member by member: regular files only, no links, devices, folders, sparse files or
   duplicate names; ``manifest.json`` then ``manifest.json.minisig`` first; every other member must be
   a file the manifest lists, no larger than listed;
4. the manifest's own signature, its bundle and partner IDs against the outer signature's trusted
   comment, and each file's size and SHA-256 as it is copied out;
5. the whole folder, built in a private temporary folder beside ``dest``, renamed into place.

Any failure raises :class:`~relay.bundle.errors.BundleError` with a stable code and leaves nothing
behind: not the decrypted tar, not a partial folder.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tarfile
import tempfile
from collections.abc import Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from relay.bundle.errors import (
    BUNDLE_CONTENTS_MISMATCH,
    BUNDLE_DECRYPT_FAILED,
    BUNDLE_DESTINATION,
    BUNDLE_MANIFEST_INVALID,
    BUNDLE_MANIFEST_SIGNATURE,
    BUNDLE_NOT_FOR_US,
    BUNDLE_SIGNATURE_INVALID,
    BUNDLE_TAR_INVALID,
    BUNDLE_UNSAFE_MEMBER,
    BundleError,
)
from relay.bundle.manifest import (
    ITEMS_DIR,
    MANIFEST_NAME,
    MANIFEST_SIGNATURE_NAME,
    MAX_MANIFEST_BYTES,
    Manifest,
    ManifestFile,
    format_time,
    parse_manifest,
)
from relay.bundle.signature import BundleComment, manifest_comment, parse_bundle_comment
from relay.crypto.age import decrypt_stream
from relay.crypto.age_keys import X25519Identity
from relay.crypto.minisign import MinisignPublicKey, verify_file
from relay.errors import AgeNoIdentityMatched, CryptoError, SignatureInvalid

MAX_SIGNATURE_BYTES = 4096
_COPY_CHUNK = 1 << 20
# Plain files only: tarfile's CONTTYPE and GNU sparse files count as "regular" too, and are refused.
_FILE_TYPES = (tarfile.REGTYPE, tarfile.AREGTYPE)
# Names relay writes: relative, lower-case, no empty or dot segments (".." is refused separately).
_SAFE_NAME_RE = re.compile(r"[a-z0-9_-][a-z0-9_.-]*(?:/[a-z0-9_-][a-z0-9_.-]*)?")


@dataclass(frozen=True, slots=True)
class OpenedItem:
    """One item as written into the destination folder."""

    item_id: str
    media_type: str
    size: int
    sha256: str
    path: Path  # the redacted media
    redactions: Mapping[str, int]  # details removed, by kind
    transcript_path: Path | None = None


@dataclass(frozen=True, slots=True)
class OpenedBundle:
    """A verified bundle, written out: ``folder`` holds manifest.json, its signature and ``items/``."""

    bundle_id: str
    partner_id: str
    created_at: datetime
    items: tuple[OpenedItem, ...]
    folder: Path
    manifest_path: Path


def open_bundle(
    bundle_path: Path,
    signature_text: str,
    *,
    identities: Sequence[X25519Identity],
    signer: MinisignPublicKey,
    dest: Path,
) -> OpenedBundle:
    """Verify, decrypt and unpack the bundle at ``bundle_path`` into the new folder ``dest``.

    ``signature_text`` is the bundle's ``.minisig``; ``signer`` relay's public key (``relay
    signing-key``); ``identities`` the partner's age keys. ``dest`` must not exist yet (or be an empty
    folder) and its parent must exist; ``dest`` appears complete or not at all.
    """
    dest = Path(dest)
    _check_destination(dest)
    try:
        comment = parse_bundle_comment(verify_file(bundle_path, signature_text, signer))
    except SignatureInvalid as exc:
        raise BundleError(
            f"the bundle's signature does not verify ({exc.code}); do not use this file",
            code=BUNDLE_SIGNATURE_INVALID,
        ) from None
    work = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=".partial", dir=dest.parent))
    try:
        tar_path = work / "bundle.tar"
        _decrypt(bundle_path, tar_path, identities)
        out = work / "out"
        out.mkdir(mode=0o700)
        manifest = _unpack(tar_path, out, signer, comment)
        tar_path.unlink()
        _fsync_tree(out)
        try:
            os.rename(out, dest)
        except OSError:
            raise BundleError(
                "the destination appeared or filled up while the bundle was being opened",
                code=BUNDLE_DESTINATION,
            ) from None
        _fsync_dir(dest.parent)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return _opened(manifest, dest)


def _check_destination(dest: Path) -> None:
    if not dest.parent.is_dir():
        raise BundleError("the destination's parent folder does not exist", code=BUNDLE_DESTINATION)
    if dest.is_symlink() or (dest.exists() and (not dest.is_dir() or any(dest.iterdir()))):
        raise BundleError("the destination exists and is not an empty folder", code=BUNDLE_DESTINATION)


def _decrypt(bundle_path: Path, tar_path: Path, identities: Sequence[X25519Identity]) -> None:
    fd = os.open(tar_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with open(bundle_path, "rb") as src, os.fdopen(fd, "wb") as dst:
        try:
            decrypt_stream(src, dst, identities)
        except AgeNoIdentityMatched:
            raise BundleError(
                "none of the given age keys can decrypt this bundle: it was sealed for someone else",
                code=BUNDLE_NOT_FOR_US,
            ) from None
        except CryptoError as exc:
            raise BundleError(
                f"the bundle does not decrypt ({exc.code})", code=BUNDLE_DECRYPT_FAILED
            ) from None


def _unpack(tar_path: Path, out: Path, signer: MinisignPublicKey, comment: BundleComment) -> Manifest:
    try:
        with tarfile.open(tar_path, mode="r:") as tar:
            return _Unpacker(tar, out, signer, comment).run()
    except (tarfile.TarError, ValueError, EOFError, OverflowError):
        # tarfile reports some malformed headers as plain ValueError/EOFError rather than TarError.
        raise BundleError(
            "the bundle's contents are not a well-formed tar", code=BUNDLE_TAR_INVALID
        ) from None


class _Unpacker:
    def __init__(self, tar: tarfile.TarFile, out: Path, signer: MinisignPublicKey, comment: BundleComment):
        self._tar = tar
        self._out = out
        self._signer = signer
        self._comment = comment
        self._seen: set[str] = set()

    def run(self) -> Manifest:
        manifest_member = self._next_named(MANIFEST_NAME)
        if manifest_member.size > MAX_MANIFEST_BYTES:
            raise BundleError("manifest.json is too large", code=BUNDLE_MANIFEST_INVALID)
        raw = self._read_small(manifest_member)
        signature_member = self._next_named(MANIFEST_SIGNATURE_NAME)
        if signature_member.size > MAX_SIGNATURE_BYTES:
            raise BundleError("the manifest's signature is too large", code=BUNDLE_MANIFEST_SIGNATURE)
        signature = self._read_small(signature_member)
        manifest = self._verified_manifest(raw, signature)
        expected: dict[str, ManifestFile] = {f.path: f for f in manifest.files}
        (self._out / ITEMS_DIR).mkdir(mode=0o700)
        while (member := self._tar.next()) is not None:
            listed = expected.get(self._checked(member).name)
            if listed is None:
                raise BundleError(
                    "the bundle holds a file its manifest does not list", code=BUNDLE_CONTENTS_MISMATCH
                )
            if member.size != listed.size:
                raise BundleError("a file's size differs from the manifest", code=BUNDLE_CONTENTS_MISMATCH)
            self._copy_checked(member, listed)
        if set(expected) - self._seen:
            raise BundleError("the bundle lacks a file its manifest lists", code=BUNDLE_CONTENTS_MISMATCH)
        return manifest

    def _next_named(self, name: str) -> tarfile.TarInfo:
        member = self._tar.next()
        if member is None or self._checked(member).name != name:
            raise BundleError(
                f"the bundle does not start with {MANIFEST_NAME} and its signature",
                code=BUNDLE_MANIFEST_INVALID,
            )
        return member

    def _checked(self, member: tarfile.TarInfo) -> tarfile.TarInfo:
        """Refuse anything but a plain file with a safe name seen for the first time."""
        if not _SAFE_NAME_RE.fullmatch(member.name) or ".." in member.name:
            raise BundleError("the bundle holds a file with an unsafe path", code=BUNDLE_UNSAFE_MEMBER)
        if member.type not in _FILE_TYPES or member.issparse():
            raise BundleError(
                "the bundle holds a link, device, folder or other non-file", code=BUNDLE_UNSAFE_MEMBER
            )
        if member.name in self._seen:
            raise BundleError("the bundle holds a file name twice", code=BUNDLE_UNSAFE_MEMBER)
        self._seen.add(member.name)
        return member

    def _read_small(self, member: tarfile.TarInfo) -> bytes:
        src = self._tar.extractfile(member)
        if src is None:  # only for non-files, which _checked refused
            raise BundleError("a bundle member is not a file", code=BUNDLE_UNSAFE_MEMBER)
        with src:
            data = src.read(member.size + 1)
        if len(data) != member.size:
            raise BundleError("a bundle member is cut short", code=BUNDLE_TAR_INVALID)
        return data

    def _verified_manifest(self, raw: bytes, signature: bytes) -> Manifest:
        manifest_file = self._write_new(self._out / MANIFEST_NAME, raw)
        self._write_new(self._out / MANIFEST_SIGNATURE_NAME, signature)
        try:
            trusted = verify_file(manifest_file, signature.decode("ascii"), self._signer)
        except (SignatureInvalid, UnicodeDecodeError):
            raise BundleError(
                "the manifest's signature does not verify", code=BUNDLE_MANIFEST_SIGNATURE
            ) from None
        manifest = parse_manifest(raw)
        if trusted != manifest_comment(manifest.bundle_id):
            raise BundleError(
                "the manifest's signature is for another bundle", code=BUNDLE_MANIFEST_SIGNATURE
            )
        signed_for = (self._comment.bundle_id, self._comment.partner_id, self._comment.created_at)
        if signed_for != (manifest.bundle_id, manifest.partner_id, format_time(manifest.created_at)):
            raise BundleError(
                "the manifest names another bundle than the file's signature", code=BUNDLE_CONTENTS_MISMATCH
            )
        return manifest

    def _copy_checked(self, member: tarfile.TarInfo, listed: ManifestFile) -> None:
        src = self._tar.extractfile(member)
        if src is None:
            raise BundleError("a bundle member is not a file", code=BUNDLE_UNSAFE_MEMBER)
        digest = hashlib.sha256()
        copied = 0
        fd = os.open(self._out / listed.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with src, os.fdopen(fd, "wb") as dst:
            while chunk := src.read(_COPY_CHUNK):
                copied += len(chunk)
                digest.update(chunk)
                dst.write(chunk)
        if copied != listed.size or digest.hexdigest() != listed.sha256:
            raise BundleError("a file differs from its manifest entry", code=BUNDLE_CONTENTS_MISMATCH)

    @staticmethod
    def _write_new(path: Path, data: bytes) -> Path:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as dst:
            dst.write(data)
        return path


def _opened(manifest: Manifest, folder: Path) -> OpenedBundle:
    items = tuple(
        OpenedItem(
            item_id=item.item_id,
            media_type=item.media.media_type,
            size=item.media.size,
            sha256=item.media.sha256,
            path=folder / item.media.path,
            redactions=dict(item.redactions),
            transcript_path=None if item.transcript is None else folder / item.transcript.path,
        )
        for item in manifest.items
    )
    return OpenedBundle(
        bundle_id=manifest.bundle_id,
        partner_id=manifest.partner_id,
        created_at=manifest.created_at,
        items=items,
        folder=folder,
        manifest_path=folder / MANIFEST_NAME,
    )


def _fsync_tree(root: Path) -> None:
    # Durable before the rename makes it visible; best effort where a filesystem refuses.
    for path in sorted(root.rglob("*")):
        if path.is_file():
            with suppress(OSError), open(path, "rb") as fh:
                os.fsync(fh.fileno())
    for folder in (root, root / ITEMS_DIR):
        _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
