"""Which charsets carry which language, and which transfer encoding a text part gets."""

from .choice import weighted

# (charset, weight) by language; the first one is the most common.
LANGUAGE_CHARSETS = {
    "en": (("us-ascii", 30), ("utf-8", 50), ("iso-8859-1", 10), ("windows-1252", 10)),
    "de": (("utf-8", 45), ("iso-8859-1", 25), ("iso-8859-15", 15), ("windows-1252", 15)),
    "fr": (("utf-8", 45), ("iso-8859-1", 25), ("iso-8859-15", 15), ("windows-1252", 15)),
    "es": (("utf-8", 45), ("iso-8859-1", 25), ("iso-8859-15", 15), ("windows-1252", 15)),
    "ru": (("utf-8", 40), ("koi8-r", 35), ("windows-1251", 20), ("iso-8859-5", 5)),
    "ja": (("iso-2022-jp", 40), ("utf-8", 30), ("shift_jis", 20), ("euc-jp", 10)),
    "ko": (("euc-kr", 60), ("utf-8", 40)),
    "zh": (("gb2312", 60), ("utf-8", 40)),
    "zh-hant": (("big5", 60), ("utf-8", 40)),
}
SCRIPT_CHARSETS = {
    "latin": LANGUAGE_CHARSETS["de"], "cyrillic": LANGUAGE_CHARSETS["ru"],
    "japanese": LANGUAGE_CHARSETS["ja"], "korean": LANGUAGE_CHARSETS["ko"],
    "chinese": LANGUAGE_CHARSETS["zh"],
}
ALL_CHARSETS = sorted({c for table in LANGUAGE_CHARSETS.values() for c, _ in table})


def can_encode(text, charset):
    """Whether ``charset`` encodes ``text`` without loss."""
    try:
        text.encode(charset)
        return True
    except UnicodeEncodeError:
        return False


def choose_charset(rng, text, lang, extra_scripts=()):
    """A charset for ``text``: from the language's table (and the planted terms' scripts) that can
    encode it, weighted; utf-8 when none can."""
    table = list(LANGUAGE_CHARSETS[lang])
    for script in sorted(set(extra_scripts)):  # sorted: set order varies between processes
        table += [c for c in SCRIPT_CHARSETS[script] if c not in table]
    usable = [(c, w) for c, w in table if can_encode(text, c)]
    if not usable:
        return "utf-8"
    return weighted(rng, usable)


def choose_transfer_encoding(rng, data, charset, allow_base64=True):
    """7bit, 8bit, quoted-printable or base64 for part bytes ``data`` in ``charset``."""
    ascii_only = data.isascii()
    longest = max((len(line) for line in data.split(b"\n")), default=0)
    if charset == "iso-2022-jp":
        return "base64" if allow_base64 and rng.random() < 0.2 else "7bit"
    if ascii_only and longest <= 76:
        r = rng.random()
        if r < 0.8:
            return "7bit"
        return "quoted-printable" if r < 0.9 or not allow_base64 else "base64"
    r = rng.random()
    if longest > 900:
        return "base64" if allow_base64 and r < 0.5 else "quoted-printable"
    if r < 0.45:
        return "quoted-printable"
    if r < 0.8 and allow_base64:
        return "base64"
    return "8bit" if not ascii_only else "7bit"
