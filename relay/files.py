"""Writing results so that a failure leaves nothing partial behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path


@contextlib.contextmanager
def _staged(path: Path) -> Iterator[Path]:
    fd, name = tempfile.mkstemp(prefix=".relay-", suffix=".part", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_all_or_nothing(outputs: Mapping[Path, bytes]) -> None:
    """Write every file or none: each goes to a temporary file beside its target, and only when all
    are written and flushed are they renamed into place. A crash before the renames leaves no output;
    temporary files are removed on any error."""
    staged: list[tuple[Path, Path]] = []
    try:
        for target, data in outputs.items():
            with _staged(target) as tmp:
                with open(tmp, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                staged.append((tmp, target))
        for tmp, target in staged:
            os.replace(tmp, target)
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
