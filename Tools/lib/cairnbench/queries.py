"""The 12 typical queries, written in each tool's language, and how to read each tool's answer."""

import collections

# (label, cairn, notmuch, mu, planted term(s) whose truth gives the expected count (a tuple: OR), or None)
# {sender} is the corpus's most frequent sender other than the owner.
QUERIES = [
    ("common word", "meeting", "meeting", "meeting", None),
    ("rare planted word", "xylofrond", "xylofrond", "xylofrond", "xylofrond"),
    ("two words (AND)", "budget report", "budget report", "budget report", None),
    ("phrase", '"quorvel zintaro"', '"quorvel zintaro"', '"quorvel zintaro"', "quorvel zintaro"),
    ("sender address", "from:{sender}", "from:{sender}", "from:{sender}", None),
    ("list recipient", "to:cairn-dev@lists.example.org", "to:cairn-dev@lists.example.org",
     "to:cairn-dev@lists.example.org", None),
    ("subject word", "subject:invoice", "subject:invoice", "subject:invoice", None),
    ("date range (a year)", "date:2019-01-01..2019-12-31", "date:2019-01-01..2019-12-31",
     "date:20190101..20191231", None),
    ("OR of rare words", "xylofrond OR zorvikant", "xylofrond OR zorvikant", "xylofrond OR zorvikant",
     ("xylofrond", "zorvikant")),
    ("AND NOT", "meeting AND NOT budget", "meeting AND NOT budget", "meeting AND NOT budget", None),
    ("prefix wildcard", "manag*", "manag*", "manag*", None),
    ("Cyrillic word", "зябликовство", "зябликовство", "зябликовство", "зябликовство"),
]


def top_sender(truth_messages):
    """The most frequent From address other than the owner's (ties: alphabetical)."""
    c = collections.Counter(m["from"][0]["address"] for m in truth_messages
                            if m["from"] and m["from"][0]["address"] != "robin@home.example")
    best = max(c.values())
    return sorted(a for a, n in c.items() if n == best)[0]


def expand(sender):
    """The queries with ``{sender}`` filled in: dicts with id, label, per-tool text, truth term."""
    out = []
    for i, (label, cairn, notmuch, mu, term) in enumerate(QUERIES, 1):
        out.append({"id": i, "label": label, "cairn": cairn.format(sender=sender),
                    "notmuch": notmuch.format(sender=sender), "mu": mu.format(sender=sender), "term": term})
    return out


def truth_count(truth, term):
    """Distinct messages a correct free-text search for ``term`` (a tuple: any of them) returns."""
    if term is None:
        return None
    terms = term if isinstance(term, tuple) else (term,)
    return len(set().union(*(truth["terms"][t]["messages"]["free"] for t in terms)))


def count_lines(data):
    """Number of non-empty lines of a tool's output."""
    return sum(1 for line in data.splitlines() if line.strip())


def parse_count(data):
    """An integer printed by a count command, or None."""
    try:
        return int(data.strip().split()[0])
    except (ValueError, IndexError):
        return None
