"""Attachment payloads: binary (PDF-like, PNG, JPEG-like, ZIP-like, octet-stream) and file names.

Sizes follow a long tail: most attachments are a few bytes to tens of KB, some are hundreds of KB,
a few are several MB (up to the ``--max-attachment-mb`` cap).
"""

import math
import struct
import zlib

from .choice import weighted

BINARY_KINDS = (
    ("application/pdf", "pdf", 30), ("image/png", "png", 18), ("image/jpeg", "jpg", 18),
    ("application/zip", "zip", 8), ("application/octet-stream", "bin", 6),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", 8),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", 8),
    ("application/ms-tnef", "dat", 2),
)
TEXT_KINDS = (("text/plain", "txt", 60), ("text/csv", "csv", 20), ("text/markdown", "md", 10),
              ("text/x-log", "log", 10))
NON_ASCII_STEMS = ("Résumé", "Übersicht", "Отчёт", "資料", "회의록", "报告", "Présentation finale",
                   "Lösungsvorschlag", "Informe del año")


def attachment_size(rng, max_bytes):
    """A size in bytes from the long-tailed distribution, at most ``max_bytes``."""
    u = rng.random()
    if u < 0.895:
        lo, hi = 8, 32 * 1024
    elif u < 0.995:
        lo, hi = 32 * 1024, 256 * 1024
    else:
        lo, hi = 512 * 1024, max(max_bytes, 512 * 1024 + 1)
    size = int(math.exp(rng.uniform(math.log(lo), math.log(hi))))
    return max(1, min(size, max_bytes))


def _png(width, height, rgb):
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def binary_payload(rng, content_type, size):
    """Bytes that look like a file of ``content_type`` and are about ``size`` long."""
    if content_type == "image/png" and size < 4096:
        side = rng.randint(1, 48)
        return _png(side, side, (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    body = rng.randbytes(max(0, size - 64))
    if content_type == "application/pdf":
        return (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                b"3 0 obj\n<< /Length " + str(len(body)).encode() + b" /Filter /FlateDecode >>\nstream\n"
                + body + b"\nendstream\nendobj\n%%EOF\n")
    if content_type == "image/png":
        return _png(8, 8, (1, 2, 3))[:-12] + body + _png(1, 1, (0, 0, 0))[-12:]
    if content_type == "image/jpeg":
        return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + body + b"\xff\xd9"
    if content_type.startswith("application/vnd.openxml") or content_type == "application/zip":
        return b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + body
    if content_type == "application/ms-tnef":
        return b"\x78\x9f\x3e\x22" + body
    return body


def pick_kind(rng, kinds):
    """A (content type, extension) from a weighted table."""
    return weighted(rng, [((ctype, ext), w) for ctype, ext, w in kinds])


def file_name(rng, vocab, ext, planted=None):
    """A file name: vocabulary words, sometimes a date, spaces, non-ASCII or a long name."""
    r = rng.random()
    if planted:
        stem = rng.choice((f"{planted}", f"{planted}-notes", f"Q{rng.randint(1, 4)} {planted} plan",
                           f"{planted.capitalize()}-{rng.randint(2015, 2025)}"))
    elif r < 0.08:
        stem = rng.choice(NON_ASCII_STEMS)
    elif r < 0.12:
        stem = "-".join(vocab.sample(rng, "en", 9))
    elif r < 0.3:
        stem = f"{'-'.join(vocab.sample(rng, 'en', 2))}-{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}"
    elif r < 0.4:
        stem = " ".join(w.capitalize() for w in vocab.sample(rng, "en", 2))
    else:
        stem = "_".join(vocab.sample(rng, "en", rng.randint(1, 2)))
    return f"{stem}.{ext}"
