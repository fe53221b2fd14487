"""ObjectStore on any S3-compatible service (AWS S3, MinIO, Ceph, Garage), through boto3.

Integrity: every upload carries the SHA-256 of its bytes (``ChecksumSHA256``, per part for multipart
uploads) so the server refuses bytes damaged in transit, and the object's own SHA-256 and size go in its
metadata (``x-amz-meta-relay-sha256``, ``-relay-size``). A get asks for the server's checksum check
(``ChecksumMode=ENABLED``) and also recomputes the SHA-256 itself, because for multipart objects S3 only
keeps a checksum of the part checksums.

No overwrite: a put first looks for the key (HEAD), then writes with ``If-None-Match: *``, which AWS S3
and recent MinIO enforce atomically. Stores that ignore the header leave a small race window between the
HEAD and the write; relay's object keys are unique per item and stage, so two writers of one key are a
retry of the same work.

Memory stays flat: objects above the multipart threshold go up one part at a time. A source that cannot
be read twice (the checksum must be known before the upload starts) is first copied to a temporary file.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import math
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    FlexibleChecksumError,
    HTTPClientError,
    IncompleteReadError,
    NoCredentialsError,
    PartialCredentialsError,
)
from botocore.exceptions import (
    ConnectionError as BotoConnectionError,
)

from relay.errors import (
    BUCKET_MISSING,
    CHECKSUM_MISMATCH,
    CHECKSUM_MISSING,
    SOURCE_CHANGED,
    STORAGE_DENIED,
    STORAGE_UNAVAILABLE,
    WRITE_CONFLICT,
    ObjectExists,
    ObjectNotFound,
    StorageError,
)
from relay.store.base import KEY_RE, PutResult, check_sha256, copy_hashing, validate_key, validate_prefix

_MIB = 1 << 20
_MAX_PARTS = 10_000
_SHA_META, _SIZE_META = "relay-sha256", "relay-size"
_NOT_FOUND = {"NoSuchKey", "NotFound", "404"}
_DENIED = {
    "AccessDenied",
    "InvalidAccessKeyId",
    "SignatureDoesNotMatch",
    "ExpiredToken",
    "InvalidToken",
    "403",
}
_BAD_DIGEST = {"BadDigest", "InvalidDigest", "XAmzContentSHA256Mismatch", "InvalidChecksum"}
_BUSY = {"SlowDown", "ServiceUnavailable", "InternalError", "RequestTimeout", "RequestTimeTooSkewed"}


def make_s3_client(
    *,
    endpoint_url: str | None,
    region: str | None,
    connect_timeout: float,
    read_timeout: float,
    max_attempts: int,
    credentials: tuple[str, str] | None = None,
) -> Any:
    """A boto3 S3 client with bounded timeouts and retries (botocore's ``standard`` mode, with backoff).

    Credentials come from ``credentials`` (access key ID, secret) or else boto3's usual chain.
    """
    import boto3
    from botocore.config import Config

    config = Config(
        connect_timeout=connect_timeout,
        read_timeout=read_timeout,
        retries={"total_max_attempts": max_attempts, "mode": "standard"},
        # A custom endpoint (MinIO, moto, Ceph) rarely has wildcard DNS for bucket subdomains.
        s3={"addressing_style": "path" if endpoint_url else "auto"},
        # We send SHA-256 ourselves; do not let botocore add a second checksum to every request.
        request_checksum_calculation="when_required",
        response_checksum_validation="when_supported",
    )
    access, secret = credentials if credentials is not None else (None, None)
    session = boto3.session.Session()
    return session.client(
        "s3",
        endpoint_url=endpoint_url,
        region_name=region,
        config=config,
        aws_access_key_id=access,
        aws_secret_access_key=secret,
    )


class S3Store:
    """Objects under ``prefix/`` in ``bucket``. ``client`` is a boto3 S3 client (see make_s3_client)."""

    def __init__(
        self,
        bucket: str,
        prefix: str,
        client: Any,  # boto3 clients are generated at run time and carry no static types
        *,
        multipart_threshold: int = 16 * _MIB,
        part_size: int = 8 * _MIB,
        if_none_match: bool = True,
        scratch_dir: Path | None = None,
    ) -> None:
        if part_size < 5 * _MIB or multipart_threshold < part_size:
            raise ValueError("part_size must be at least 5 MiB and at most multipart_threshold")
        prefix = validate_prefix(prefix.strip("/"))
        self._bucket = bucket
        self._prefix = f"{prefix}/" if prefix else ""
        self._client = client
        self._threshold = multipart_threshold
        self._part_size = part_size
        self._if_none_match = {"IfNoneMatch": "*"} if if_none_match else {}
        self._scratch = scratch_dir

    def put(self, key: str, src: BinaryIO) -> PutResult:
        """See :class:`~relay.store.base.ObjectStore`."""
        full = self._prefix + validate_key(key)
        with contextlib.ExitStack() as stack:
            if src.seekable():
                start = src.tell()
                result = copy_hashing(src)
                src.seek(start)
            else:
                spool = stack.enter_context(tempfile.TemporaryFile(dir=self._scratch))
                result = copy_hashing(src, spool)
                spool.seek(0)
                src = spool
            existing = self._head(key, full)
            if existing is None:
                try:
                    if result.size <= self._threshold:
                        self._put_single(key, full, src, result)
                    else:
                        self._put_multipart(key, full, src, result)
                    return result
                except ClientError as exc:
                    if _status(exc) != 412:
                        raise _storage_error("put", key, exc) from exc
                existing = self._head(key, full)  # lost a race to another writer: same content?
            if existing == result:
                return existing
            raise ObjectExists(f"object {key} exists with other content; objects are never replaced")

    def get(self, key: str, dst: BinaryIO, *, expected_sha256: str | None = None) -> PutResult:
        """See :class:`~relay.store.base.ObjectStore`."""
        full = self._prefix + validate_key(key)
        resp = self._call("get", key, self._client.get_object, Key=full, ChecksumMode="ENABLED")
        body = resp["Body"]
        try:
            recorded = _record(resp)
            if recorded is None:
                raise StorageError(f"object {key} has no recorded checksum", code=CHECKSUM_MISSING)
            actual = copy_hashing(body, dst)
        except (BotoCoreError, ClientError) as exc:
            raise _storage_error("get", key, exc) from exc
        finally:
            body.close()
        check_sha256(key, actual, recorded, expected_sha256)
        return actual

    def exists(self, key: str) -> bool:
        """See :class:`~relay.store.base.ObjectStore`."""
        full = self._prefix + validate_key(key)
        try:
            self._call("exists", key, self._client.head_object, Key=full)
        except ObjectNotFound:
            return False
        return True

    def delete(self, key: str) -> None:
        """See :class:`~relay.store.base.ObjectStore`. (S3 answers a delete of a missing key with success.)"""
        full = self._prefix + validate_key(key)
        self._call("delete", key, self._client.delete_object, Key=full)

    def list(self, prefix: str = "") -> Iterator[str]:
        """See :class:`~relay.store.base.ObjectStore`. Foreign keys (not valid relay keys) are skipped."""
        validate_prefix(prefix)
        pages = self._client.get_paginator("list_objects_v2").paginate(
            Bucket=self._bucket, Prefix=self._prefix + prefix
        )
        try:
            for page in pages:
                for entry in page.get("Contents", []):
                    key = entry["Key"][len(self._prefix) :]
                    if KEY_RE.fullmatch(key) and ".." not in key:
                        yield key
        except (BotoCoreError, ClientError) as exc:
            raise _storage_error("list", None, exc) from exc

    def _put_single(self, key: str, full: str, src: BinaryIO, result: PutResult) -> None:
        data = src.read(result.size)
        digest = hashlib.sha256(data).digest()
        if len(data) != result.size or digest.hex() != result.sha256:
            raise StorageError(f"the source of object {key} changed during the upload", code=SOURCE_CHANGED)
        self._call(
            "put",
            key,
            self._client.put_object,
            Key=full,
            Body=data,
            ChecksumAlgorithm="SHA256",
            ChecksumSHA256=base64.b64encode(digest).decode(),
            Metadata=_metadata(result),
            **self._if_none_match,
            passthrough_412=True,
        )

    def _put_multipart(self, key: str, full: str, src: BinaryIO, result: PutResult) -> None:
        # S3 allows 10,000 parts: grow the part size for very large objects, in whole MiB.
        part_size = max(self._part_size, math.ceil(result.size / _MAX_PARTS / _MIB) * _MIB)
        upload = self._call(
            "put",
            key,
            self._client.create_multipart_upload,
            Key=full,
            ChecksumAlgorithm="SHA256",
            Metadata=_metadata(result),
        )
        upload_id = upload["UploadId"]
        try:
            parts: list[dict[str, Any]] = []
            whole = hashlib.sha256()
            size = 0
            while data := src.read(part_size):
                whole.update(data)
                size += len(data)
                checksum = base64.b64encode(hashlib.sha256(data).digest()).decode()
                number = len(parts) + 1
                resp = self._call(
                    "put",
                    key,
                    self._client.upload_part,
                    Key=full,
                    UploadId=upload_id,
                    PartNumber=number,
                    Body=data,
                    ChecksumAlgorithm="SHA256",
                    ChecksumSHA256=checksum,
                )
                parts.append({"PartNumber": number, "ETag": resp["ETag"], "ChecksumSHA256": checksum})
                del data  # drop this part before reading the next: one part in memory at a time
            if size != result.size or whole.hexdigest() != result.sha256:
                raise StorageError(
                    f"the source of object {key} changed during the upload", code=SOURCE_CHANGED
                )
            self._call(
                "put",
                key,
                self._client.complete_multipart_upload,
                Key=full,
                UploadId=upload_id,
                MultipartUpload={"Parts": parts},
                **self._if_none_match,
                passthrough_412=True,
            )
        except BaseException:
            # Unfinished uploads are billed and invisible; abort, but never hide the original error.
            with contextlib.suppress(BotoCoreError, ClientError):
                self._client.abort_multipart_upload(Bucket=self._bucket, Key=full, UploadId=upload_id)
            raise

    def _head(self, key: str, full: str) -> PutResult | None:
        """The recorded checksum of an existing object, a blank record if it has none, or None if absent."""
        try:
            resp = self._call("head", key, self._client.head_object, Key=full)
        except ObjectNotFound:
            return None
        return _record(resp) or PutResult("", -1)

    def _call(
        self,
        op: str,
        key: str | None,
        method: Callable[..., Any],
        *,
        passthrough_412: bool = False,
        **kwargs: Any,
    ) -> Any:
        try:
            return method(Bucket=self._bucket, **kwargs)
        except ClientError as exc:
            if passthrough_412 and _status(exc) == 412:
                raise  # put() turns a failed If-None-Match into ObjectExists or success
            raise _storage_error(op, key, exc) from exc
        except BotoCoreError as exc:
            raise _storage_error(op, key, exc) from exc


def _metadata(result: PutResult) -> dict[str, str]:
    return {_SHA_META: result.sha256, _SIZE_META: str(result.size)}


def _record(resp: dict[str, Any]) -> PutResult | None:
    meta = resp.get("Metadata") or {}
    sha, size = meta.get(_SHA_META), meta.get(_SIZE_META)
    if not sha or not size or not size.isdigit():
        return None
    return PutResult(sha, int(size))


def _status(exc: ClientError) -> int | None:
    status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    return status if isinstance(status, int) else None


def _storage_error(op: str, key: str | None, exc: Exception) -> StorageError:
    """Map a botocore error to a StorageError with a stable code. Only S3's error code name is kept."""
    what = f"S3 {op} of object {key}" if key else f"S3 {op}"
    if isinstance(exc, ClientError):
        s3_code = str(exc.response.get("Error", {}).get("Code", "")) or "unknown"
        status = _status(exc) or 0
        if s3_code in _NOT_FOUND and op != "list":
            return ObjectNotFound(f"object {key} does not exist")
        if s3_code == "NoSuchBucket":
            return StorageError(f"{what} failed: the bucket does not exist", code=BUCKET_MISSING)
        if s3_code in _DENIED or status == 403:
            return StorageError(f"{what} was refused ({s3_code}); check credentials", code=STORAGE_DENIED)
        if s3_code in _BAD_DIGEST:
            return StorageError(f"{what} failed its checksum ({s3_code})", code=CHECKSUM_MISMATCH)
        if status == 409:
            return StorageError(f"{what} conflicted with another write ({s3_code})", code=WRITE_CONFLICT)
        if s3_code in _BUSY or status >= 500:
            return StorageError(
                f"{what} failed; the store is unavailable ({s3_code})", code=STORAGE_UNAVAILABLE
            )
        return StorageError(f"{what} failed ({s3_code})")
    if isinstance(exc, FlexibleChecksumError):
        return StorageError(f"{what} failed the server's checksum", code=CHECKSUM_MISMATCH)
    if isinstance(exc, BotoConnectionError | HTTPClientError | IncompleteReadError):
        return StorageError(
            f"{what} failed: cannot reach the store ({type(exc).__name__}) after retries",
            code=STORAGE_UNAVAILABLE,
        )
    if isinstance(exc, NoCredentialsError | PartialCredentialsError):
        return StorageError(f"{what} failed: no S3 credentials configured", code=STORAGE_DENIED)
    return StorageError(f"{what} failed ({type(exc).__name__})")
