"""The people who write and receive the corpus: a few hundred senders, the owner, mailing lists."""

import random
from dataclasses import dataclass

from . import words
from .terms import PERSONA_ADDRESS, PERSONA_NAME

PEOPLE_SEED = 4155  # fixed: the directory does not depend on the corpus seed


@dataclass(frozen=True)
class Person:
    """A correspondent: display name (may be empty), address, language and home time zone."""

    name: str
    address: str
    lang: str
    utc_offset_minutes: int


@dataclass(frozen=True)
class MailingList:
    """A mailing list: its List-Id, posting address, display name and the folder it is filed in."""

    list_id: str
    address: str
    title: str
    folder: str


OWNER = Person("Robin Example", "robin@home.example", "en", 60)

LISTS = [
    MailingList("cairn-dev.lists.example.org", "cairn-dev@lists.example.org", "Cairn development",
                "Lists/cairn-dev"),
    MailingList("debian-user.lists.example.org", "debian-user@lists.example.org", "Debian users",
                "Lists/debian-user"),
    MailingList("ietf-imap.ietf.example", "imap@ietf.example", "IMAP working group", "Lists/ietf-imap"),
    MailingList("rust-users.lists.example.net", "users@lists.example.net", "Rust users",
                "Lists/rust-users"),
]

_EN_DOMAINS = ["example.com", "example.org", "example.net", "mail.example.com", "corp.example",
               "consulting.example", "uni.example.edu"]
_OFFSETS = {"en": [-480, -420, -360, -300, -240, 0, 60], "de": [60, 120], "fr": [60, 120],
            "es": [60, 120], "ru": [180, 240], "ja": [540], "ko": [540], "zh": [480], "zh-hant": [480]}


def _pairs(first, last, lang, domain, rng, n):
    combos = [(f, lf) for f in first for lf in last]
    rng.shuffle(combos)
    out = []
    for (fn, fa), (ln, la) in combos[:n]:
        name = f"{ln}{fn}" if lang == "ja" else f"{fn} {ln}"
        out.append(Person(name, f"{fa}.{la}@{domain}", lang, rng.choice(_OFFSETS[lang])))
    return out


def build_directory():
    """The fixed list of correspondents (about 300), the persona with a planted name last."""
    rng = random.Random(PEOPLE_SEED)
    people = []
    en = [(f, f.lower()) for f in words.FIRST_EN]
    en_last = [(n, n.lower()) for n in words.LAST_EN]
    combos = [(f, lf) for f in en for lf in en_last]
    rng.shuffle(combos)
    for (fn, fa), (ln, la) in combos[:190]:
        people.append(Person(f"{fn} {ln}", f"{fa}.{la}@{rng.choice(_EN_DOMAINS)}", "en",
                             rng.choice(_OFFSETS["en"])))
    people += _pairs(words.FIRST_DE, words.LAST_DE, "de", "firma.example", rng, 28)
    people += _pairs(words.FIRST_FR, words.LAST_FR, "fr", "societe.example", rng, 28)
    people += _pairs(words.FIRST_ES, words.LAST_ES, "es", "empresa.example", rng, 22)
    people += _pairs(words.FIRST_RU, words.LAST_RU, "ru", "kompaniya.example", rng, 20)
    people += _pairs(words.FIRST_JA, words.LAST_JA, "ja", "kaisha.example", rng, 16)
    people += [Person(n, f"{a}@gongsi.example", "zh" if i < 7 else "zh-hant", 480)
               for i, (n, a) in enumerate(words.NAMES_ZH)]
    people += [Person(n, f"{a}@hoesa.example", "ko", 540) for n, a in words.NAMES_KO]
    # A few addresses with no display name, as automated senders have.
    people += [Person("", f"{a}@{d}", "en", 0) for a, d in
               [("noreply", "billing.example.com"), ("alerts", "monitoring.example.net"),
                ("notifications", "tracker.example.org"), ("jdoe", "example.net")]]
    people.append(Person(PERSONA_NAME, PERSONA_ADDRESS, "en", 0))
    return people
