"""A partner with only the stock tools: ``minisign -V`` checks a staged bundle, ``age -d`` decrypts it."""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from bundle.fixtures import add_partner, approved_item, fetch_object, fetch_text, write_identity_file
from relay.crypto import X25519Identity
from relay.runtime import Runtime
from relay.sealer import seal_for_partner
from relay.signing import signing_public_key


def run_tool(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    tool = shutil.which(str(args[0]))
    assert tool is not None, f"{args[0]} is not installed (apt install age minisign)"
    return subprocess.run([tool, *map(str, args[1:])], capture_output=True, timeout=60, check=False)


@pytest.fixture
def staged(bundle_rt: Runtime, tmp_path: Path) -> tuple[Path, Path, Path, dict[str, bytes]]:
    """A staged bundle downloaded with its signature, the partner's key file, and the media sealed."""
    identity = X25519Identity.generate()
    partner = add_partner(bundle_rt, [X25519Identity.generate(), identity])
    media = {
        approved_item(bundle_rt, partner, f"redacted page {n}".encode()): f"redacted page {n}".encode()
        for n in range(3)
    }
    [bundle] = seal_for_partner(bundle_rt, partner, actor="test")
    path = fetch_object(bundle_rt, bundle.object_key, tmp_path / "bundle.tar.age")
    (tmp_path / "bundle.tar.age.minisig").write_text(fetch_text(bundle_rt, bundle.signature_key))
    (tmp_path / "relay.pub").write_text(signing_public_key(bundle_rt).to_text())
    return path, tmp_path / "relay.pub", write_identity_file(tmp_path / "key.txt", [identity]), media


def test_minisign_verifies_the_staged_bundle(staged: tuple[Path, Path, Path, dict[str, bytes]]) -> None:
    bundle, public, _, _ = staged
    result = run_tool("minisign", "-Vm", bundle, "-p", public)
    assert result.returncode == 0, result.stderr
    assert b"relay bundle v1 bundle=bdl_" in result.stdout


def test_minisign_refuses_an_altered_bundle(staged: tuple[Path, Path, Path, dict[str, bytes]]) -> None:
    bundle, public, _, _ = staged
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x01
    bundle.write_bytes(bytes(data))
    assert run_tool("minisign", "-Vm", bundle, "-p", public).returncode != 0


def test_age_decrypts_the_bundle_into_the_documented_tar(
    staged: tuple[Path, Path, Path, dict[str, bytes]], tmp_path: Path
) -> None:
    bundle, public, key_file, media = staged
    result = run_tool("age", "-d", "-i", key_file, bundle)
    assert result.returncode == 0, result.stderr
    with tarfile.open(fileobj=io.BytesIO(result.stdout), mode="r:") as tar:
        names = tar.getnames()
        assert names[:2] == ["manifest.json", "manifest.json.minisig"]
        assert sorted(names[2:]) == sorted(f"items/{item_id}.png" for item_id in media)
        assert all(member.isreg() and member.mode == 0o644 for member in tar.getmembers())
        contents = {name: tar.extractfile(name).read() for name in names}  # type: ignore[union-attr]
    assert {name[6:-4]: data for name, data in contents.items() if name.startswith("items/")} == media
    # The manifest's own signature checks out with the stock tool too, once decrypted.
    (tmp_path / "manifest.json").write_bytes(contents["manifest.json"])
    (tmp_path / "manifest.json.minisig").write_bytes(contents["manifest.json.minisig"])
    check = run_tool("minisign", "-Vm", tmp_path / "manifest.json", "-p", public)
    assert check.returncode == 0, check.stderr


def test_stock_tar_lists_the_decrypted_bundle(
    staged: tuple[Path, Path, Path, dict[str, bytes]], tmp_path: Path
) -> None:
    bundle, _, key_file, media = staged
    plain = tmp_path / "bundle.tar"
    assert run_tool("age", "-d", "-i", key_file, "-o", plain, bundle).returncode == 0
    listing = run_tool("tar", "-tf", plain)
    assert listing.returncode == 0
    assert len(listing.stdout.decode().split()) == 2 + len(media)


def test_exported_bundle_is_what_the_stock_tools_take(bundle_rt: Runtime, tmp_path: Path) -> None:
    from relay.sealer import export_bundle

    identity = X25519Identity.generate()
    partner = add_partner(bundle_rt, [identity])
    approved_item(bundle_rt, partner, b"redacted page")
    [bundle] = seal_for_partner(bundle_rt, partner, actor="test")
    out = tmp_path / "export"
    out.mkdir()
    archive, signature = export_bundle(bundle_rt, bundle.bundle_id, out)
    assert sorted(p.name for p in out.iterdir()) == sorted([archive.name, signature.name])
    (tmp_path / "relay.pub").write_text(signing_public_key(bundle_rt).to_text())
    assert run_tool("minisign", "-Vm", archive, "-p", tmp_path / "relay.pub").returncode == 0
    key = write_identity_file(tmp_path / "key.txt", [identity])
    decrypted = run_tool("age", "-d", "-i", key, archive)
    assert decrypted.returncode == 0, decrypted.stderr
    with tarfile.open(fileobj=io.BytesIO(decrypted.stdout)) as tar:
        assert "manifest.json" in tar.getnames()
