"""Looking back: a rebuildable index of past sessions, queries over it and share digests.

Nothing here imports Textual; the journals stay the truth and the index is only a cache.
"""
