"""Errors of sealing and opening bundles, with stable codes.

::

    RelayError
    ├── InputRejected
    │   └── BundleError        a bundle (or its signature) is not acceptable; nothing was written
    └── SealError              a bundle could not be sealed for a partner (no recipients, lost a race …)

A refused bundle is rejected input (exit status 2 for a command): the partner must not use any of it.
Messages name what failed, never item content, key material or paths inside the tar.
"""

from __future__ import annotations

from relay.errors import InputRejected, RelayError


class BundleError(InputRejected):
    """A bundle failed a check while being opened. ``code`` says which; nothing partial is left behind."""

    code = "bundle_invalid"


class SealError(RelayError):
    """Sealing a bundle for a partner failed. ``code`` says why."""

    code = "seal_failed"


# Opening (BundleError codes), in the order the checks run.
BUNDLE_DESTINATION = "bundle_destination_invalid"  # dest exists and is not empty, or its folder is missing
BUNDLE_SIGNATURE_INVALID = "bundle_signature_invalid"  # the detached signature over the file fails
BUNDLE_NOT_FOR_US = "bundle_not_for_us"  # none of the identities can decrypt it
BUNDLE_DECRYPT_FAILED = "bundle_decrypt_failed"  # the age file is malformed, cut or altered
BUNDLE_TAR_INVALID = "bundle_tar_invalid"  # the decrypted payload is not a well-formed tar
BUNDLE_UNSAFE_MEMBER = "bundle_unsafe_member"  # a link, device, folder, odd or duplicate name in the tar
BUNDLE_MANIFEST_INVALID = "bundle_manifest_invalid"  # manifest.json is missing or malformed
BUNDLE_MANIFEST_SIGNATURE = "bundle_manifest_signature_invalid"  # its signature fails
BUNDLE_CONTENTS_MISMATCH = "bundle_contents_mismatch"  # the tar does not hold exactly what it lists

# Sealing (SealError codes).
NO_RECIPIENTS = "partner_has_no_recipients"
MEDIA_MISMATCH = "redacted_media_mismatch"  # the stored media is not what was recorded at redact time
SIGNING_KEY_INVALID = "signing_key_invalid"  # the stored signing key cannot be read
BUNDLE_OBJECT_MISSING = "bundle_object_missing"  # a sealed bundle's object is gone or altered
