"""Weighted random choice, the one helper every module uses for its tables."""


def weighted(rng, table):
    """An item of a ``((item, weight), ...)`` table, drawn with ``rng``."""
    total = sum(w for _, w in table)
    r = rng.uniform(0, total)
    for item, w in table:
        r -= w
        if r <= 0:
            return item
    return table[-1][0]
