"""Minimal MIME writing: encoded-words (RFC 2047), parameters (RFC 2231), folding, parts, bodies.

Messages are built with LF line ends (the layout writers convert when asked). Nothing here is
random: callers pass their choices in, so the same choices give the same bytes.
"""

import base64
import binascii
from urllib.parse import quote as _urlquote

_Q_SAFE = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!*+-/")
_TSPECIALS = set('()<>@,;:\\"/[]?= \t')
MAX_WORD = 75


def _q_encode(data):
    out = []
    for b in data:
        if b == 0x20:
            out.append("_")
        elif b in _Q_SAFE:
            out.append(chr(b))
        else:
            out.append(f"={b:02X}")
    return "".join(out)


def encoded_word(text, charset, kind):
    """One RFC 2047 encoded-word for ``text`` (B = base64, Q = quoted-printable-like)."""
    data = text.encode(charset)
    if kind == "B":
        return f"=?{charset}?B?{base64.b64encode(data).decode('ascii')}?="
    return f"=?{charset}?Q?{_q_encode(data)}?="


def encoded_word_chunks(text, charset, kind, max_len=MAX_WORD):
    """``text`` as (encoded-word, source text) pairs of at most ``max_len`` characters each, split
    between characters only (never inside a multibyte character or an ISO-2022 escape run)."""
    pairs, start = [], 0
    n = len(text)
    while start < n:
        lo, hi = start + 1, n
        best = start + 1
        # Longest prefix that fits; binary search keeps long headers cheap.
        while lo <= hi:
            mid = (lo + hi) // 2
            if len(encoded_word(text[start:mid], charset, kind)) <= max_len:
                best, lo = mid, mid + 1
            else:
                hi = mid - 1
        pairs.append((encoded_word(text[start:best], charset, kind), text[start:best]))
        start = best
    return pairs


def encoded_words(text, charset, kind, max_len=MAX_WORD):
    """``text`` as encoded-words of at most ``max_len`` characters."""
    return [w for w, _ in encoded_word_chunks(text, charset, kind, max_len)]


def fold(name, atoms, limit=76):
    """A header line ``name: atoms...``, folded between atoms (LF + space) to stay under ``limit``."""
    lines, cur = [], f"{name}:"
    for atom in atoms:
        if len(cur) + 1 + len(atom) > limit and cur != f"{name}:":
            lines.append(cur)
            cur = " " + atom
        else:
            cur += " " + atom
    lines.append(cur)
    return "\n".join(lines)


def quote_string(value):
    """A quoted-string when ``value`` has specials, else the value."""
    if value and not any(c in _TSPECIALS for c in value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def rfc2231_params(name, value, charset="utf-8", chunk=40):
    """``name*=charset''pct-encoded`` (RFC 2231), with ``name*0*=`` continuations when long."""
    encoded = _urlquote(value.encode(charset), safe="")
    if len(encoded) <= chunk:
        return [f"{name}*={charset}''{encoded}"]
    pieces, i = [], 0
    while i < len(encoded):
        j = min(i + chunk, len(encoded))
        # Never cut a %XX escape.
        while j < len(encoded) and "%" in encoded[j - 2:j]:
            j -= 1
        pieces.append(encoded[i:j])
        i = j
    out = []
    for k, piece in enumerate(pieces):
        prefix = f"{charset}''" if k == 0 else ""
        out.append(f"{name}*{k}*={prefix}{piece}")
    return out


def encode_body(data, cte):
    """Bytes of a part body in transfer encoding ``cte``, ending with a newline."""
    if cte == "base64":
        return base64.encodebytes(data)
    if cte == "quoted-printable":
        out = binascii.b2a_qp(data, istext=True, header=False)
        return out if out.endswith(b"\n") else out + b"\n"
    return data if data.endswith(b"\n") else data + b"\n"


class Leaf:
    """A single part: header lines (already folded, str or bytes) and an encoded body."""

    __slots__ = ("headers", "body")

    def __init__(self, headers, body):
        self.headers = headers
        self.body = body


class Multi:
    """A multipart: header lines, boundary, children, optional preamble and epilogue."""

    __slots__ = ("headers", "boundary", "parts", "preamble", "epilogue", "close")

    def __init__(self, headers, boundary, parts, preamble=b"", epilogue=b"", close=True):
        self.headers = headers
        self.boundary = boundary
        self.parts = parts
        self.preamble = preamble
        self.epilogue = epilogue
        self.close = close  # False: the closing boundary is missing (a malformed message)


def _header_bytes(headers, out):
    for h in headers:
        out.append(h if isinstance(h, bytes) else h.encode("ascii"))
        out.append(b"\n")


def serialize(node, out):
    """Append the bytes of ``node`` (headers, blank line, body) to the list ``out``."""
    _header_bytes(node.headers, out)
    out.append(b"\n")
    if isinstance(node, Leaf):
        out.append(node.body)
        return
    b = node.boundary.encode("ascii")
    if node.preamble:
        out.append(node.preamble)
    for part in node.parts:
        out.append(b"--" + b + b"\n")
        serialize(part, out)
    if node.close:
        out.append(b"--" + b + b"--\n")
    if node.epilogue:
        out.append(node.epilogue)


def to_bytes(node):
    """The whole message as bytes (LF line ends)."""
    out = []
    serialize(node, out)
    return b"".join(out)
