"""The planted search terms: rare words and phrases put into known messages at known places.

Each term is outside the generated vocabulary (checked when the vocabulary loads), so a search for it
must return exactly the messages the ground truth lists: no missing, no extra. ``where`` values:

``subject``          the Subject header (possibly as RFC 2047 encoded-words); planted on thread roots,
                     so replies whose subject repeats the root's carry it too
``body``             a text/plain part (and, in multipart/alternative, the text/html twin)
``html-only``        the visible text of a text/html part of a message with no text/plain alternative
``text-attachment``  a text/* attachment (with a file name), in any transfer encoding
``attachment-name``  an attachment's file name (RFC 2231, encoded-word or plain parameter)
``from-name``, ``to-name``, ``cc-name``   a display name in From / To / Cc
``html-hidden``      only in HTML markup a reader never sees (comment, style, script, attribute): a
                     decoy that a correct search must NOT match

Fields a query can use, and which places they cover (``Term.FIELDS``): free text = subject, body,
html-only, text-attachment and the display names; ``subject:``; ``body:`` = body, html-only,
text-attachment; ``filename:``/``attachment:`` = attachment-name; ``from:``; ``to:``; ``cc:``.
"""

from dataclasses import dataclass, field

PLACES_TEXT = ("subject", "body", "html-only", "text-attachment")

# Query fields and the places each one covers.
FIELDS = {
    "free": ("subject", "body", "html-only", "text-attachment", "from-name", "to-name", "cc-name"),
    "subject": ("subject",),
    "body": ("body", "html-only", "text-attachment"),
    "filename": ("attachment-name",),
    "from": ("from-name",),
    "to": ("to-name",),
    "cc": ("cc-name",),
}


@dataclass(frozen=True)
class Term:
    """One planted word or phrase and how often and where the generator puts it."""

    text: str
    script: str                      # latin, cyrillic, japanese, korean, chinese
    note: str
    rate: float = 0.0                # chance per eligible message
    exact: int = 0                   # or: exactly this many messages (when the corpus is big enough)
    places: tuple = PLACES_TEXT      # where it may go
    fold_group: str = ""             # terms that an accent-folding search treats as one
    is_phrase: bool = field(init=False, default=False)

    def __post_init__(self):
        object.__setattr__(self, "is_phrase", " " in self.text)

    @property
    def words(self):
        """The words of a phrase (or the word itself)."""
        return self.text.split(" ")

    @property
    def spaced(self):
        """Whether the script separates words with spaces (CJK terms sit inside text without them)."""
        return self.script in ("latin", "cyrillic", "korean")


TERMS = [
    Term("xylofrond", "latin", "a rare word, about 1% of messages, any text place", rate=0.01),
    Term("quinzabel", "latin", "exactly one message (a needle)", exact=1),
    Term("zorvikant", "latin", "exactly three messages", exact=3),
    Term("zephyrlux", "latin", "subject only (thread roots, so replies repeat it)", rate=0.004,
         places=("subject",)),
    Term("plumquartz", "latin", "text attachments only (base64, quoted-printable or 7bit)", rate=0.005,
         places=("text-attachment",)),
    Term("nimbraxel", "latin", "attachment file names only", rate=0.004, places=("attachment-name",)),
    Term("glimmerfax", "latin", "visible HTML text; also planted as hidden-markup decoys", rate=0.005,
         places=("html-only",)),
    Term("quorvel zintaro", "latin", "a phrase; its words are also planted apart and alone",
         rate=0.005, places=("subject", "body", "html-only", "text-attachment")),
    Term("quorvel", "latin", "alone (also inside the phrase 'quorvel zintaro')", rate=0.004),
    Term("zintaro", "latin", "alone (also inside the phrase 'quorvel zintaro')", rate=0.004),
    Term("crèmebrûlerie", "latin", "accented; folds to 'cremebrulerie'", rate=0.005,
         fold_group="cremebrulerie"),
    Term("cremebrulerie", "latin", "the unaccented spelling of 'crèmebrûlerie'", rate=0.002,
         fold_group="cremebrulerie"),
    Term("brückenwächterin", "latin", "accented (German)", rate=0.003),
    Term("зябликовство", "cyrillic", "Cyrillic (koi8-r, windows-1251, iso-8859-5 or utf-8)", rate=0.005),
    Term("трясогузка", "cyrillic", "Cyrillic, exactly two messages", exact=2),
    Term("紫陽花電車", "japanese", "Japanese (iso-2022-jp, shift_jis, euc-jp or utf-8), no spaces around it",
         rate=0.005),
    Term("狐の嫁入り", "japanese", "Japanese with kana, exactly three messages", exact=3),
    Term("뚝배기빙수", "korean", "Korean (euc-kr or utf-8)", rate=0.002),
    Term("熊猫邮差", "chinese", "simplified Chinese (gb2312 or utf-8)", rate=0.002),
    Term("vexbridge", "latin", "the family name of one sender, Ottilie Vexbridge: every message from "
         "her has it in From, replies to her in To or Cc", places=("from-name", "to-name", "cc-name")),
]

BY_TEXT = {t.text: t for t in TERMS}
# The persona whose display name carries a planted word.
PERSONA_NAME = "Ottilie Vexbridge"
PERSONA_TERM = "vexbridge"
PERSONA_ADDRESS = "ottilie.v@hollow.example"
