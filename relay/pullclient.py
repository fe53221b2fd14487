"""The partner's side of delivery: fetch staged bundles from relay's API, verify, open, acknowledge.

For each bundle the server lists, :func:`pull` does, in order, refusing at the first failure:

1. stream the encrypted bundle into a private temporary file in the destination folder, counting bytes
   against the listed size and hashing against the listed SHA-256 (a cut or altered download stops here);
2. fetch its minisign signature and check, with relay's public key, that it signs this file *as this
   bundle* (the trusted comment names the bundle ID, so an old bundle replayed under a new ID fails);
3. :func:`relay.bundle.open_bundle`: signature again, age decryption with the partner's identities, the
   signed manifest, every file's size and SHA-256, written out into ``<dest>/<bundle id>/`` all at once;
4. only then acknowledge it, which tells relay the items were delivered.

A bundle that fails leaves nothing of itself behind (the temporary file is removed, open_bundle writes
all or nothing) and is not acknowledged, so the next pull tries it again; the other bundles go on.

The server is not trusted with the bundle's integrity: what it lists is checked, the URLs it could
suggest are ignored (the client builds its own from the validated ID), redirects are not followed (the
token would go with them), and the token is sent only in the Authorization header over HTTPS (plain
HTTP only to a loopback address). Errors never carry the token or any bundle content.
"""

from __future__ import annotations

import hashlib
import ipaddress
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from relay.bundle import BundleError, OpenedBundle, open_bundle
from relay.bundle.signature import parse_bundle_comment
from relay.crypto import MinisignPublicKey, X25519Identity, verify_file
from relay.errors import CryptoKeyInvalid, InputRejected, RelayError, SignatureInvalid

API: Final = "/api/v1/partner"
PIN_FILE: Final = ".relay-signer.pub"
MAX_SIGNATURE_BYTES: Final = 4096
MAX_KEY_BYTES: Final = 4096
MAX_LISTING_BYTES: Final = 8 << 20
_CHUNK: Final = 1 << 20
_ID_RE: Final = re.compile(r"bdl_[a-z2-7]{26}")

# Stable codes of pull failures (the bundle's own problems are BundleError codes from relay.bundle).
BAD_SERVER_URL: Final = "bad_server_url"
TOKEN_REFUSED: Final = "token_refused"
SERVER_ERROR: Final = "server_error"
SERVER_UNREACHABLE: Final = "server_unreachable"
BAD_RESPONSE: Final = "bad_server_response"
DOWNLOAD_INCOMPLETE: Final = "download_incomplete"
DOWNLOAD_MISMATCH: Final = "download_mismatch"
SIGNER_CHANGED: Final = "signer_key_changed"
WRONG_BUNDLE: Final = "bundle_signature_invalid"
ALREADY_PRESENT: Final = "bundle_already_present"
ACK_FAILED: Final = "ack_failed"


class PullError(RelayError):
    """Talking to the server failed (unreachable, an error answer, a malformed answer). Exit status 1."""

    code = "pull_failed"


class PullRejected(InputRejected):
    """The server or what it sent was refused: a bad token, a changed signing key, a bundle whose download
    or signature does not check out. Exit status 2."""

    code = "pull_rejected"


class _NoPresignedUrls(PullError):
    """The server streams bundles itself (its storage is not S3)."""


class RemoteBundle(BaseModel):
    """A bundle as the server lists it; checked, since the server is not trusted with integrity."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str = Field(pattern=f"^{_ID_RE.pattern}$")  # anchored: pydantic patterns search
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0, le=1 << 40)


class _Listing(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    bundles: list[RemoteBundle]
    more: bool = False


class _Presigned(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    url: str = Field(max_length=8192)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0, le=1 << 40)


@dataclass(frozen=True)
class Pulled:
    """A bundle written out and acknowledged."""

    bundle_id: str
    folder: Path
    item_count: int


@dataclass(frozen=True)
class Failed:
    """A bundle that was not written (or, for ``ack_failed``, written but not acknowledged)."""

    bundle_id: str
    code: str
    message: str
    rejected: bool  # refused as bad input (exit 2) rather than a failure to talk to the server (exit 1)


@dataclass(frozen=True)
class PullReport:
    pulled: tuple[Pulled, ...]
    failed: tuple[Failed, ...]


def check_server_url(url: str) -> str:
    """The base URL without a trailing slash; PullRejected unless HTTPS (or HTTP to a loopback address)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        _ = parts.port
    except ValueError:
        raise PullRejected("the server URL is not a valid URL", code=BAD_SERVER_URL) from None
    if parts.username or parts.password or parts.query or parts.fragment or not host:
        raise PullRejected(
            "the server URL must be https://host[:port][/path], with no user, query or fragment",
            code=BAD_SERVER_URL,
        )
    if parts.scheme == "http" and not _is_loopback(host):
        raise PullRejected(
            "the server URL must use https (plain http only to this machine): the token would travel "
            "in the clear",
            code=BAD_SERVER_URL,
        )
    if parts.scheme not in ("http", "https"):
        raise PullRejected("the server URL must be https://…", code=BAD_SERVER_URL)
    return url.rstrip("/")


def check_download_url(url: str) -> None:
    """A presigned URL the server offers must be https (http only to this machine), with no user part."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        _ = parts.port
    except ValueError:
        raise PullError("the presigned URL is not a valid URL", code=BAD_RESPONSE) from None
    secure = parts.scheme == "https" or (parts.scheme == "http" and _is_loopback(host))
    if not secure or not host or parts.username or parts.password:
        raise PullError("the presigned URL is not an https URL", code=BAD_RESPONSE)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class PartnerClient:
    """The partner API over HTTP. Close it (or use ``with``) when done."""

    def __init__(
        self, server: str, token: str, *, timeout: float = 60.0, transport: httpx.BaseTransport | None = None
    ) -> None:
        if not token or any(c.isspace() for c in token) or not token.isascii():
            raise PullRejected("the token is empty or has spaces or non-ASCII characters", code=TOKEN_REFUSED)
        self._transport = transport
        self._plain_http: httpx.Client | None = None
        self._http = httpx.Client(
            base_url=check_server_url(server) + API,
            headers={"Authorization": f"Bearer {token}"},
            timeout=httpx.Timeout(timeout, connect=min(timeout, 15.0)),
            follow_redirects=False,  # a redirect would carry the token elsewhere
            transport=transport,
        )

    def close(self) -> None:
        self._http.close()
        if self._plain_http is not None:
            self._plain_http.close()

    def __enter__(self) -> PartnerClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def list_bundles(self) -> list[RemoteBundle]:
        """The staged bundles waiting for this partner (oldest first; at most one listing's worth)."""
        raw = self._small("GET", "/bundles", MAX_LISTING_BYTES)
        try:
            return list(_Listing.model_validate_json(raw).bundles)
        except ValidationError:
            raise PullError("the server's bundle listing is malformed", code=BAD_RESPONSE) from None

    def signing_key(self) -> MinisignPublicKey:
        """relay's minisign public key as the server states it (trust it only through a pin)."""
        raw = self._small("GET", "/signing-key", MAX_KEY_BYTES)
        try:
            return MinisignPublicKey.from_text(raw.decode("ascii"))
        except (UnicodeDecodeError, CryptoKeyInvalid):
            raise PullError("the server's signing key is malformed", code=BAD_RESPONSE) from None

    def signature(self, bundle_id: str) -> str:
        """The bundle's minisign signature text."""
        raw = self._small("GET", f"/bundles/{_checked_id(bundle_id)}/signature", MAX_SIGNATURE_BYTES)
        try:
            return raw.decode("ascii")
        except UnicodeDecodeError:
            raise PullRejected("the bundle's signature is not text", code=WRONG_BUNDLE) from None

    def download(self, bundle: RemoteBundle, dst: Any, *, presigned: bool = False) -> None:
        """Stream the bundle into the binary file ``dst``, refusing more or fewer bytes than listed, or
        bytes whose SHA-256 is not the listed one. After an error the caller must discard ``dst``.

        With ``presigned``, fetch it straight from the object store through a short-lived presigned URL
        when the server offers one (S3 storage), sending no token there; else through the server.
        """
        url = self._presigned_url(bundle) if presigned else None
        try:
            if url is None:
                with self._http.stream("GET", f"/bundles/{_checked_id(bundle.id)}/content") as resp:
                    self._check_status(resp)
                    self._receive(bundle, resp, dst)
            else:
                with self._plain().stream("GET", url) as resp:
                    if resp.status_code != 200:
                        raise PullError(
                            f"bundle {bundle.id}: the object store answered HTTP {resp.status_code}",
                            code=SERVER_ERROR,
                        )
                    self._receive(bundle, resp, dst)
        except httpx.TransportError as exc:
            raise PullError(
                f"bundle {bundle.id}: the download broke off ({type(exc).__name__}); pull again",
                code=DOWNLOAD_INCOMPLETE,
            ) from None

    @staticmethod
    def _receive(bundle: RemoteBundle, resp: httpx.Response, dst: Any) -> None:
        digest = hashlib.sha256()
        received = 0
        for chunk in resp.iter_bytes(_CHUNK):
            received += len(chunk)
            if received > bundle.size:
                raise PullRejected(
                    f"bundle {bundle.id}: the server sent more bytes than it listed", code=DOWNLOAD_MISMATCH
                )
            digest.update(chunk)
            dst.write(chunk)
        if received != bundle.size:
            raise PullRejected(
                f"bundle {bundle.id}: the download is {received} bytes, not the {bundle.size} listed",
                code=DOWNLOAD_INCOMPLETE,
            )
        if digest.hexdigest() != bundle.sha256:
            raise PullRejected(
                f"bundle {bundle.id}: the download does not match its listed SHA-256", code=DOWNLOAD_MISMATCH
            )

    def _presigned_url(self, bundle: RemoteBundle) -> str | None:
        """A presigned URL for the bundle, or None if the server streams bundles only."""
        try:
            raw = self._small("POST", f"/bundles/{_checked_id(bundle.id)}/url", 64 * 1024)
        except _NoPresignedUrls:
            return None
        try:
            offered = _Presigned.model_validate_json(raw)
        except ValidationError:
            raise PullError("the server's presigned URL answer is malformed", code=BAD_RESPONSE) from None
        if (offered.sha256, offered.size) != (bundle.sha256, bundle.size):
            raise PullRejected(
                f"bundle {bundle.id}: the server describes it differently from its listing",
                code=DOWNLOAD_MISMATCH,
            )
        check_download_url(offered.url)
        return offered.url

    def _plain(self) -> httpx.Client:
        """A client without the token, for presigned URLs (they are credentials of their own)."""
        if self._plain_http is None:
            self._plain_http = httpx.Client(
                timeout=self._http.timeout, follow_redirects=False, transport=self._transport
            )
        return self._plain_http

    def acknowledge(self, bundle_id: str) -> None:
        """Tell relay the bundle arrived (idempotent)."""
        self._small("POST", f"/bundles/{_checked_id(bundle_id)}/ack", 64 * 1024)

    def _small(self, method: str, path: str, limit: int) -> bytes:
        try:
            with self._http.stream(method, path) as resp:
                self._check_status(resp)
                body = bytearray()
                for chunk in resp.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        raise PullError("the server's answer is too large", code=BAD_RESPONSE)
                return bytes(body)
        except httpx.TransportError as exc:
            raise PullError(
                f"the server cannot be reached or broke off ({type(exc).__name__})", code=SERVER_UNREACHABLE
            ) from None

    @staticmethod
    def _check_status(resp: httpx.Response) -> None:
        status = resp.status_code
        if status == 200:
            return
        if status == 401:
            raise PullRejected(
                "the server refused the token (wrong, expired or revoked); ask relay's operators for "
                "a new one",
                code=TOKEN_REFUSED,
            )
        if status == 429:
            raise PullRejected(
                "too many failed attempts from this address; wait and retry", code=TOKEN_REFUSED
            )
        if status == 501:
            raise _NoPresignedUrls("the server offers no presigned URLs", code=SERVER_ERROR)
        if status == 404:
            raise PullError("the server does not know that bundle (or this API)", code=SERVER_ERROR)
        raise PullError(f"the server answered HTTP {status}", code=SERVER_ERROR)


def _checked_id(bundle_id: str) -> str:
    if not _ID_RE.fullmatch(bundle_id):
        raise PullError("the server named a bundle with a malformed ID", code=BAD_RESPONSE)
    return bundle_id


# --- relay's signing key: given, or trusted on first use and pinned --------------------------------------


def resolve_signer(
    client: PartnerClient, dest: Path, given: MinisignPublicKey | None
) -> tuple[MinisignPublicKey, bool]:
    """The key bundles must be signed with, and whether it was pinned just now.

    ``given`` (from ``--signer-key``) wins. Otherwise the key pinned in ``dest`` (:data:`PIN_FILE`) is
    used, and the server's current key must equal it: a change is refused, since it is what a server
    taken over would show. With no pin yet, the server's key is pinned (trust on first use).
    """
    if given is not None:
        return given, False
    pin = dest / PIN_FILE
    served = client.signing_key()
    if pin.exists():
        try:
            pinned = MinisignPublicKey.from_text(pin.read_text(encoding="ascii"))
        except (UnicodeDecodeError, CryptoKeyInvalid):
            raise PullRejected(
                f"the pinned signing key in {pin} is unreadable", code=SIGNER_CHANGED
            ) from None
        if pinned != served:
            raise PullRejected(
                f"relay's signing key changed (pinned {pinned.key_id_hex}, server now shows "
                f"{served.key_id_hex}); confirm the new key with relay's operators in person before "
                f"replacing {pin}",
                code=SIGNER_CHANGED,
            )
        return pinned, False
    _write_new_file(pin, served.to_text().encode("ascii"), mode=0o644)
    return served, True


def _write_new_file(path: Path, data: bytes, *, mode: int) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.link(tmp, path)  # fails if a pin appeared meanwhile: never replace one
    finally:
        os.unlink(tmp)


# --- the pull -------------------------------------------------------------------------------------------


def pull(
    client: PartnerClient,
    *,
    identities: Sequence[X25519Identity],
    signer: MinisignPublicKey,
    dest: Path,
    on_result: Callable[[Pulled | Failed], None] | None = None,
    presigned: bool = False,
) -> PullReport:
    """Fetch, verify, write and acknowledge every bundle waiting (see the module docstring)."""
    if not dest.is_dir():
        raise PullRejected("the destination folder does not exist; create it first", code="bad_output")
    pulled: list[Pulled] = []
    failed: list[Failed] = []
    seen: set[str] = set()
    while True:
        batch = [b for b in client.list_bundles() if b.id not in seen]
        if not batch:
            break
        for remote in batch:
            seen.add(remote.id)
            result = _pull_one(
                client, remote, identities=identities, signer=signer, dest=dest, presigned=presigned
            )
            if isinstance(result, Pulled):
                pulled.append(result)
            else:
                failed.append(result)
            if on_result is not None:
                on_result(result)
    return PullReport(tuple(pulled), tuple(failed))


def _pull_one(
    client: PartnerClient,
    remote: RemoteBundle,
    *,
    identities: Sequence[X25519Identity],
    signer: MinisignPublicKey,
    dest: Path,
    presigned: bool,
) -> Pulled | Failed:
    folder = dest / remote.id
    try:
        opened = _fetch_and_open(
            client, remote, identities=identities, signer=signer, dest=dest, presigned=presigned
        )
    except PullError as exc:
        return Failed(remote.id, exc.code, str(exc), rejected=False)
    except InputRejected as exc:  # PullRejected and BundleError
        return Failed(remote.id, exc.code, str(exc), rejected=True)
    try:
        client.acknowledge(remote.id)
    except RelayError as exc:
        # The items are written; the next pull finds them in place, checks them and acknowledges.
        return Failed(
            remote.id,
            ACK_FAILED,
            f"bundle {remote.id} written to {folder} but not acknowledged ({exc.code})",
            rejected=isinstance(exc, InputRejected),
        )
    return Pulled(remote.id, opened.folder, len(opened.items))


def _fetch_and_open(
    client: PartnerClient,
    remote: RemoteBundle,
    *,
    identities: Sequence[X25519Identity],
    signer: MinisignPublicKey,
    dest: Path,
    presigned: bool,
) -> OpenedBundle:
    folder = dest / _checked_id(remote.id)  # the ID becomes a path: checked again, whatever the caller
    fd, part_name = tempfile.mkstemp(prefix=f".{remote.id}.", suffix=".tar.age.part", dir=dest)
    part = Path(part_name)
    scratch: Path | None = None
    try:
        with os.fdopen(fd, "wb") as out:
            client.download(remote, out, presigned=presigned)
            out.flush()
            os.fsync(out.fileno())
        signature = client.signature(remote.id)
        _check_signed_as(part, signature, signer, remote.id)
        if not folder.exists():
            return open_bundle(part, signature, identities=identities, signer=signer, dest=folder)
        # Written by an earlier pull whose acknowledgement did not arrive: open it again aside and
        # acknowledge only if what is in place is that same verified bundle.
        scratch = Path(tempfile.mkdtemp(prefix=f".{remote.id}.", suffix=".check", dir=dest))
        opened = open_bundle(part, signature, identities=identities, signer=signer, dest=scratch / "b")
        if not _same_manifest(opened.manifest_path, folder / opened.manifest_path.name):
            raise PullRejected(
                f"{folder} exists and does not hold this bundle; move it away and pull again",
                code=ALREADY_PRESENT,
            )
        return OpenedBundle(
            opened.bundle_id,
            opened.partner_id,
            opened.created_at,
            opened.items,
            folder,
            folder / opened.manifest_path.name,
        )
    finally:
        with suppress(FileNotFoundError):
            part.unlink()
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def _check_signed_as(part: Path, signature: str, signer: MinisignPublicKey, bundle_id: str) -> None:
    """The signature must be relay's over this file, and name this bundle: an old bundle replayed under a
    new ID, or another partner's, is refused before anything is decrypted."""
    try:
        comment = parse_bundle_comment(verify_file(part, signature, signer))
    except SignatureInvalid as exc:
        raise BundleError(
            f"bundle {bundle_id}: its signature does not verify ({exc.code}); do not use this file",
            code=WRONG_BUNDLE,
        ) from None
    if comment.bundle_id != bundle_id:
        raise BundleError(
            f"bundle {bundle_id}: the file is signed as another bundle (a replay?)", code=WRONG_BUNDLE
        )


def _same_manifest(a: Path, b: Path) -> bool:
    try:
        return b.is_file() and not b.is_symlink() and a.read_bytes() == b.read_bytes()
    except OSError:
        return False
