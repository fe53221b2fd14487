"""Sealed bundles: approved items packed into one tar, age-encrypted to a partner, signed by relay.

- :func:`open_bundle` (partner side, ``relay pull``): verify the detached signature, decrypt, check the
  signed manifest against the tar, and write the items out all-or-nothing.
- :mod:`relay.bundle.seal` (server side, used by :mod:`relay.sealer`): build the manifest and write the
  encrypted bundle, streaming.
- :mod:`relay.bundle.manifest`: manifest.json (``schemas/manifest.v1.schema.json``).
- :mod:`relay.bundle.errors`: :class:`BundleError` (opening) and :class:`SealError` (sealing), stable codes.
"""

from __future__ import annotations

from relay.bundle.errors import BundleError, SealError
from relay.bundle.manifest import Manifest, ManifestFile, ManifestItem, parse_manifest
from relay.bundle.opener import OpenedBundle, OpenedItem, open_bundle

__all__ = [
    "BundleError",
    "Manifest",
    "ManifestFile",
    "ManifestItem",
    "OpenedBundle",
    "OpenedItem",
    "SealError",
    "open_bundle",
    "parse_manifest",
]
