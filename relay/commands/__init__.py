"""Subcommands of the ``relay`` command that work on relay's state (database, object store, keys).

Each module here has ``register(subparsers)`` (listed in :data:`relay.cli.COMMAND_MODULES`); handlers
stay thin: they parse, open the :class:`~relay.runtime.Runtime`, call the library and print.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from relay.runtime import Runtime
from relay.settings import Settings, load_settings


def settings_from(args: argparse.Namespace) -> Settings:
    """The settings for this run: defaults, the ``--config`` file (else RELAY_CONFIG), RELAY_* variables."""
    config = getattr(args, "config", None)
    return load_settings(os.environ, Path(config) if config else None)


def open_runtime(args: argparse.Namespace) -> Runtime:
    """Connect to what the settings name (creating embedded mode's folder and keys on first use)."""
    return Runtime.open(settings_from(args))
