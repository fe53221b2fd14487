"""workers.app.warm_up: a worker process gets ready for pages before it takes messages."""

from __future__ import annotations

import cv2

from workers.app import warm_up


def test_warm_up_runs_opencv_on_one_thread() -> None:
    # A worker runs one page per core already; OpenCV's own threads would only add CPU per page.
    original = cv2.getNumThreads()
    try:
        cv2.setNumThreads(2)
        assert warm_up() >= 0
        assert cv2.getNumThreads() == 1
    finally:
        cv2.setNumThreads(original)
