"""The stage as a web page (``facilitator stage --serve``); imported only for ``--serve``."""
