"""Identifying details in Korean text: names, places, units, numbers, organisations, risky topics.

``detect(text)`` returns :class:`relay.model.Finding` values with offsets into the text exactly as
given; ``load_rules()`` reads and validates ``config/detect/rules.toml`` and ``config/gazetteers/``.
"""

from relay.detect.engine import detect
from relay.detect.rules import Rules, load_rules

__all__ = ["Rules", "detect", "load_rules"]
