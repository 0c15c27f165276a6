"""jieba's tokenizer, the dictionary every part of the detector reads."""

from __future__ import annotations

import logging


def load_jieba(resources=None):
    """jieba's default tokenizer, initialised, with its cache in the user's cache
    folder (jieba's own default is a file in /tmp shared by every user)."""
    import jieba

    from ..resources import cache_dir

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.dt
    if not tk.initialized:
        folder = cache_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tk.tmp_dir = str(folder)
        except OSError:
            pass  # jieba falls back to building its prefix dictionary without a cache
        tk.check_initialized()
    return tk
