"""Opening bundles: every hostile or broken input is refused with a stable code, leaving nothing behind."""

from __future__ import annotations

import hashlib
import io
import random
import tarfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bundle.fixtures import add_partner, approved_item, fetch_object, fetch_text
from relay.bundle import BundleError, OpenedBundle, open_bundle
from relay.bundle.errors import (
    BUNDLE_CONTENTS_MISMATCH,
    BUNDLE_DESTINATION,
    BUNDLE_MANIFEST_INVALID,
    BUNDLE_MANIFEST_SIGNATURE,
    BUNDLE_NOT_FOR_US,
    BUNDLE_SIGNATURE_INVALID,
    BUNDLE_TAR_INVALID,
    BUNDLE_UNSAFE_MEMBER,
)
from relay.bundle.manifest import Manifest, ManifestFile, ManifestItem, media_path
from relay.bundle.signature import bundle_comment, manifest_comment, sign_bytes
from relay.crypto import SigningKey, X25519Identity, encrypt_stream, sign_file
from relay.db.ids import BUNDLE, ITEM, PARTNER, new_id
from relay.runtime import Runtime
from relay.sealer import seal_for_partner
from relay.signing import load_or_create_signing_key, signing_public_key

# --- a real staged bundle, then altered ---------------------------------------------------------------


@dataclass(frozen=True)
class Staged:
    path: Path
    signature: str
    identity: X25519Identity
    rt: Runtime


@pytest.fixture
def staged(embedded_rt: Runtime, tmp_path: Path) -> Staged:
    identity = X25519Identity.generate()
    partner = add_partner(embedded_rt, [identity])
    for n in range(2):
        approved_item(embedded_rt, partner, f"redacted letter {n}".encode() * 50)
    [bundle] = seal_for_partner(embedded_rt, partner, actor="test")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    path = fetch_object(embedded_rt, bundle.object_key, downloads / "bundle.tar.age")
    return Staged(path, fetch_text(embedded_rt, bundle.signature_key), identity, embedded_rt)


def open_into(staged: Staged, dest: Path, **changes: object) -> OpenedBundle:
    signature = str(changes.pop("signature", staged.signature))
    args: dict[str, object] = {
        "identities": [staged.identity],
        "signer": signing_public_key(staged.rt),
        "dest": dest,
    }
    args.update(changes)
    return open_bundle(staged.path, signature, **args)  # type: ignore[arg-type]


def refused(call: Callable[[], object], code: str, folder: Path) -> None:
    """``call`` raises BundleError ``code`` and leaves ``folder`` exactly as it was."""
    before = sorted(folder.rglob("*"))
    with pytest.raises(BundleError) as caught:
        call()
    assert caught.value.code == code, caught.value
    assert sorted(folder.rglob("*")) == before


def test_the_untouched_bundle_opens(staged: Staged, tmp_path: Path) -> None:
    opened = open_into(staged, tmp_path / "out")
    assert len(opened.items) == 2


@pytest.mark.parametrize("where", [0, 10, 100, 0.5, -17, -1])
def test_a_flipped_byte_anywhere_is_refused_before_decrypting(
    staged: Staged, where: float, tmp_path: Path
) -> None:
    data = bytearray(staged.path.read_bytes())
    index = int(len(data) * where) if isinstance(where, float) else where
    data[index] ^= 0x20
    staged.path.write_bytes(bytes(data))
    refused(lambda: open_into(staged, tmp_path / "out"), BUNDLE_SIGNATURE_INVALID, tmp_path)


@pytest.mark.parametrize("keep", [0, 1, 200, 0.5, -1])
def test_a_truncated_bundle_is_refused(staged: Staged, keep: float, tmp_path: Path) -> None:
    data = staged.path.read_bytes()
    staged.path.write_bytes(data[: int(len(data) * keep) if isinstance(keep, float) else keep])
    refused(lambda: open_into(staged, tmp_path / "out"), BUNDLE_SIGNATURE_INVALID, tmp_path)


def test_bytes_appended_to_a_bundle_are_refused(staged: Staged, tmp_path: Path) -> None:
    staged.path.write_bytes(staged.path.read_bytes() + b"\0")
    refused(lambda: open_into(staged, tmp_path / "out"), BUNDLE_SIGNATURE_INVALID, tmp_path)


def test_a_signature_from_another_key_is_refused(staged: Staged, tmp_path: Path) -> None:
    forged = sign_file(staged.path, SigningKey.generate(), "relay bundle v1 forged")
    refused(lambda: open_into(staged, tmp_path / "out", signature=forged), BUNDLE_SIGNATURE_INVALID, tmp_path)


def test_checking_against_another_public_key_is_refused(staged: Staged, tmp_path: Path) -> None:
    other = SigningKey.generate().public_key()
    refused(lambda: open_into(staged, tmp_path / "out", signer=other), BUNDLE_SIGNATURE_INVALID, tmp_path)


@pytest.mark.parametrize("signature", ["", "untrusted comment: x\n", "garbage\n" * 4])
def test_a_malformed_signature_is_refused(staged: Staged, signature: str, tmp_path: Path) -> None:
    refused(
        lambda: open_into(staged, tmp_path / "out", signature=signature), BUNDLE_SIGNATURE_INVALID, tmp_path
    )


def test_a_signature_of_relays_key_over_something_else_is_refused(staged: Staged, tmp_path: Path) -> None:
    """relay's key signed it, but not as a bundle (say, a manifest signature passed off as one)."""
    key = load_or_create_signing_key(staged.rt)
    other = sign_file(staged.path, key, manifest_comment(new_id(BUNDLE)))
    refused(lambda: open_into(staged, tmp_path / "out", signature=other), BUNDLE_SIGNATURE_INVALID, tmp_path)


def test_the_wrong_age_key_is_refused(staged: Staged, tmp_path: Path) -> None:
    stranger = [X25519Identity.generate()]
    refused(lambda: open_into(staged, tmp_path / "out", identities=stranger), BUNDLE_NOT_FOR_US, tmp_path)


def test_a_destination_with_files_in_it_is_refused(staged: Staged, tmp_path: Path) -> None:
    dest = tmp_path / "out"
    dest.mkdir()
    (dest / "keep.txt").write_text("mine")
    refused(lambda: open_into(staged, dest), BUNDLE_DESTINATION, tmp_path)
    assert (dest / "keep.txt").read_text() == "mine"


def test_a_destination_in_a_missing_folder_is_refused(staged: Staged, tmp_path: Path) -> None:
    refused(lambda: open_into(staged, tmp_path / "missing" / "out"), BUNDLE_DESTINATION, tmp_path)


def test_an_empty_destination_folder_is_used(staged: Staged, tmp_path: Path) -> None:
    dest = tmp_path / "out"
    dest.mkdir()
    opened = open_into(staged, dest)
    assert all(item.path.parent == dest / "items" for item in opened.items)
    assert sorted(p.name for p in dest.iterdir()) == ["items", "manifest.json", "manifest.json.minisig"]


# --- crafted bundles: validly encrypted and signed, with hostile contents -------------------------------


@dataclass(frozen=True)
class Craft:
    """A bundle to build: tar members, in order, each a TarInfo and its data."""

    key: SigningKey
    identity: X25519Identity
    bundle_id: str
    partner_id: str
    created_at: datetime
    manifest: Manifest
    media: dict[str, bytes]

    def members(
        self, manifest_bytes: bytes | None = None, manifest_key: SigningKey | None = None
    ) -> list[tuple[tarfile.TarInfo, bytes]]:
        raw = manifest_bytes if manifest_bytes is not None else self.manifest.to_bytes()
        signature = sign_bytes(raw, manifest_key or self.key, manifest_comment(self.bundle_id)).encode()
        out = [file_member("manifest.json", raw), file_member("manifest.json.minisig", signature)]
        out += [file_member(f.media.path, self.media[f.item_id]) for f in self.manifest.items]
        return out

    def write(
        self, folder: Path, members: list[tuple[tarfile.TarInfo, bytes]], *, comment: str | None = None
    ) -> tuple[Path, str]:
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
            for info, data in members:
                tar.addfile(info, io.BytesIO(data) if info.isreg() else None)
        return self.seal(folder, buffer.getvalue(), comment=comment)

    def seal(self, folder: Path, plaintext: bytes, *, comment: str | None = None) -> tuple[Path, str]:
        path = folder / "crafted.tar.age"
        with open(path, "wb") as dst:
            encrypt_stream(io.BytesIO(plaintext), dst, [self.identity.recipient()])
        text = comment or bundle_comment(self.bundle_id, self.partner_id, self.created_at)
        return path, sign_file(path, self.key, text)

    def open(self, built: tuple[Path, str], dest: Path) -> OpenedBundle:
        return open_bundle(
            built[0], built[1], identities=[self.identity], signer=self.key.public_key(), dest=dest
        )


def file_member(name: str, data: bytes, type_: bytes = tarfile.REGTYPE) -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.type = type_
    info.size = len(data) if type_ in (tarfile.REGTYPE, tarfile.AREGTYPE) else 0
    return info, data


def special_member(name: str, type_: bytes, linkname: str = "") -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.type = type_
    info.linkname = linkname
    return info, b""


@pytest.fixture
def craft() -> Craft:
    bundle_id, partner_id = new_id(BUNDLE), new_id(PARTNER)
    media = {new_id(ITEM): b"first page" * 20, new_id(ITEM): b"second page" * 20}
    items = tuple(
        ManifestItem(
            item_id=item_id,
            media=ManifestFile(
                media_path(item_id, "image/png"), "image/png", len(data), hashlib.sha256(data).hexdigest()
            ),
            redactions={"person": 1},
        )
        for item_id, data in media.items()
    )
    created = datetime(2026, 11, 23, 12, 0, 0, tzinfo=UTC)
    manifest = Manifest(bundle_id, partner_id, created, items)
    return Craft(
        SigningKey.generate(), X25519Identity.generate(), bundle_id, partner_id, created, manifest, media
    )


@pytest.fixture
def work(tmp_path: Path) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


def test_a_well_formed_crafted_bundle_opens(craft: Craft, work: Path) -> None:
    """The crafting below is right: without a defect, the opener accepts it."""
    opened = craft.open(craft.write(work, craft.members()), work / "out")
    assert {item.item_id: item.path.read_bytes() for item in opened.items} == craft.media


def _first_item(craft: Craft) -> str:
    return craft.manifest.items[0].media.path


CONTENT_DEFECTS: dict[
    str, Callable[[Craft, list[tuple[tarfile.TarInfo, bytes]]], list[tuple[tarfile.TarInfo, bytes]]]
] = {
    "extra file": lambda c, m: [*m, file_member(f"items/{new_id(ITEM)}.png", b"smuggled")],
    "missing file": lambda c, m: m[:-1],
    "same size, other bytes": lambda c, m: [*m[:2], file_member(_first_item(c), b"X" * m[2][0].size), *m[3:]],
    "other size": lambda c, m: [*m[:2], file_member(_first_item(c), b"short"), *m[3:]],
}


@pytest.mark.parametrize("defect", CONTENT_DEFECTS)
def test_contents_that_differ_from_the_manifest_are_refused(craft: Craft, work: Path, defect: str) -> None:
    built = craft.write(work, CONTENT_DEFECTS[defect](craft, craft.members()))
    refused(lambda: craft.open(built, work / "out"), BUNDLE_CONTENTS_MISMATCH, work)


UNSAFE: dict[str, Callable[[Craft], tuple[tarfile.TarInfo, bytes]]] = {
    "symlink": lambda c: special_member(_first_item(c), tarfile.SYMTYPE, "/etc/passwd"),
    "hard link": lambda c: special_member(_first_item(c), tarfile.LNKTYPE, "manifest.json"),
    "character device": lambda c: special_member(_first_item(c), tarfile.CHRTYPE),
    "block device": lambda c: special_member(_first_item(c), tarfile.BLKTYPE),
    "fifo": lambda c: special_member(_first_item(c), tarfile.FIFOTYPE),
    "folder": lambda c: special_member("items", tarfile.DIRTYPE),
    "contiguous file": lambda c: file_member(
        _first_item(c), c.media[c.manifest.items[0].item_id], tarfile.CONTTYPE
    ),
    "parent path": lambda c: file_member("../evil.png", b"x"),
    "nested parent path": lambda c: file_member("items/../../evil.png", b"x"),
    "absolute path": lambda c: file_member("/tmp/evil.png", b"x"),
    "dot path": lambda c: file_member("./manifest.json", b"x"),
    "upper case": lambda c: file_member("ITEMS/EVIL.PNG", b"x"),
    "backslash": lambda c: file_member("items\\..\\evil.png", b"x"),
}


@pytest.mark.parametrize("kind", UNSAFE)
def test_unsafe_members_are_refused(craft: Craft, work: Path, kind: str) -> None:
    members = craft.members()
    members.insert(2, UNSAFE[kind](craft))
    built = craft.write(work, members)
    refused(lambda: craft.open(built, work / "out"), BUNDLE_UNSAFE_MEMBER, work)
    assert not (work.parent / "evil.png").exists() and not Path("/tmp/evil.png").exists()


def test_a_duplicate_member_is_refused(craft: Craft, work: Path) -> None:
    members = craft.members()
    built = craft.write(work, [*members, members[2]])
    refused(lambda: craft.open(built, work / "out"), BUNDLE_UNSAFE_MEMBER, work)


def test_a_second_manifest_is_refused(craft: Craft, work: Path) -> None:
    members = craft.members()
    built = craft.write(work, [*members, members[0]])
    refused(lambda: craft.open(built, work / "out"), BUNDLE_UNSAFE_MEMBER, work)


def test_a_manifest_signed_by_another_key_is_refused(craft: Craft, work: Path) -> None:
    built = craft.write(work, craft.members(manifest_key=SigningKey.generate()))
    refused(lambda: craft.open(built, work / "out"), BUNDLE_MANIFEST_SIGNATURE, work)


def test_a_manifest_signature_for_another_bundle_is_refused(craft: Craft, work: Path) -> None:
    members = craft.members()
    raw = members[0][1]
    members[1] = file_member(
        "manifest.json.minisig", sign_bytes(raw, craft.key, manifest_comment(new_id(BUNDLE))).encode()
    )
    built = craft.write(work, members)
    refused(lambda: craft.open(built, work / "out"), BUNDLE_MANIFEST_SIGNATURE, work)


def test_a_manifest_for_another_bundle_than_the_signed_file_is_refused(craft: Craft, work: Path) -> None:
    """A genuine bundle's contents re-encrypted under another bundle's signed name."""
    comment = bundle_comment(new_id(BUNDLE), craft.partner_id, craft.created_at)
    built = craft.write(work, craft.members(), comment=comment)
    refused(lambda: craft.open(built, work / "out"), BUNDLE_CONTENTS_MISMATCH, work)


def test_a_manifest_for_another_partner_is_refused(craft: Craft, work: Path) -> None:
    other = replace(craft, manifest=replace(craft.manifest, partner_id=new_id(PARTNER)))
    built = craft.write(work, other.members())
    refused(lambda: craft.open(built, work / "out"), BUNDLE_CONTENTS_MISMATCH, work)


def test_members_before_the_manifest_are_refused(craft: Craft, work: Path) -> None:
    members = craft.members()
    built = craft.write(work, [members[2], *members[:2], *members[3:]])
    refused(lambda: craft.open(built, work / "out"), BUNDLE_MANIFEST_INVALID, work)


@pytest.mark.parametrize(
    "raw",
    [
        b"{not json",
        b"[]",
        b'{"schema": "relay.manifest/1"}',
        "\ufeff{}".encode(),
        b"\xff\xfe",
        b"[" * 100_000,
    ],
)
def test_a_signed_but_malformed_manifest_is_refused(craft: Craft, work: Path, raw: bytes) -> None:
    built = craft.write(work, craft.members(manifest_bytes=raw)[:2])
    refused(lambda: craft.open(built, work / "out"), BUNDLE_MANIFEST_INVALID, work)


def test_a_signed_manifest_naming_a_path_outside_items_is_refused(craft: Craft, work: Path) -> None:
    raw = craft.manifest.to_bytes().replace(b'"items/itm_', b'"items/../../itm_', 1)
    built = craft.write(work, craft.members(manifest_bytes=raw))
    refused(lambda: craft.open(built, work / "out"), BUNDLE_MANIFEST_INVALID, work)


def test_a_payload_that_is_not_a_tar_is_refused(craft: Craft, work: Path) -> None:
    built = craft.seal(work, b"this is not a tar file at all" * 40)
    refused(lambda: craft.open(built, work / "out"), BUNDLE_TAR_INVALID, work)


def test_a_tar_cut_inside_a_member_is_refused(craft: Craft, work: Path) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for info, data in craft.members():
            tar.addfile(info, io.BytesIO(data))
    whole = buffer.getvalue()
    manifest_end = 3 * 512 + len(craft.manifest.to_bytes()) + 512  # well inside the first item
    built = craft.seal(work, whole[: manifest_end + 700])
    with pytest.raises(BundleError) as caught:
        craft.open(built, work / "out")
    assert caught.value.code in (BUNDLE_TAR_INVALID, BUNDLE_CONTENTS_MISMATCH)
    assert sorted(work.iterdir()) == [built[0]]


@pytest.mark.parametrize("seed", range(4))
def test_damaged_tar_headers_are_refused_cleanly(craft: Craft, work: Path, seed: int) -> None:
    """Byte flips in a validly sealed tar: a BundleError every time, or (a flip in padding) the true items."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for info, data in craft.members():
            tar.addfile(info, io.BytesIO(data))
    whole = buffer.getvalue()
    rng = random.Random(seed)
    for attempt in range(40):
        damaged = bytearray(whole)
        for _ in range(rng.randint(1, 3)):
            damaged[rng.randrange(0, 4096)] ^= 1 << rng.randrange(8)
        built = craft.seal(work, bytes(damaged))
        dest = work / f"out-{attempt}"
        try:
            opened = craft.open(built, dest)
        except BundleError:
            assert not dest.exists()
            continue
        assert {item.item_id: item.path.read_bytes() for item in opened.items} == craft.media
