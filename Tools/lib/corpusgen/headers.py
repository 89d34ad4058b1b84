"""Header values: mailer profiles (Message-ID and boundary styles), addresses, encoded subjects."""

import string

from . import mime
from .charsets import can_encode, choose_charset
from .vocab import SCRIPT_OF_LANGUAGE

_ALNUM = string.ascii_letters + string.digits
_HEX = "0123456789abcdef"

PROFILES = ("thunderbird", "outlook", "gmail", "apple", "mutt")
_MAILER = {
    "thunderbird": "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:102.0) Gecko/20100101 Thunderbird/102.15.1",
    "outlook": "X-Mailer: Microsoft Outlook 16.0",
    "gmail": None,
    "apple": "X-Mailer: Apple Mail (2.3696.120.41.1.1)",
    "mutt": "User-Agent: Mutt/2.2.9 (2022-11-12)",
}


def _rand(rng, alphabet, n):
    return "".join(rng.choices(alphabet, k=n))


def mailer_header(profile):
    """The X-Mailer / User-Agent line of a profile, or None."""
    return _MAILER[profile]


def message_id(rng, profile, domain, epoch):
    """A unique Message-ID in the profile's style (random parts come from ``rng``)."""
    if profile == "thunderbird":
        h = _rand(rng, _HEX, 32)
        return f"<{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}@{domain}>"
    if profile == "outlook":
        host = "DB7PR03MB" + _rand(rng, string.digits, 4)
        return f"<{host}{_rand(rng, string.ascii_uppercase + string.digits, 28)}@{host}.eurprd03.prod.outlook.example>"
    if profile == "gmail":
        return f"<CA+{_rand(rng, _ALNUM + '+_-', 44)}@mail.gmail.example>"
    if profile == "apple":
        h = _rand(rng, "0123456789ABCDEF", 32)
        return f"<{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}@{domain}>"
    return f"<{epoch}.{_rand(rng, _ALNUM, 12)}@{domain}>"


def boundary(rng, profile):
    """A multipart boundary in the profile's style; it never occurs in generated content."""
    if profile == "thunderbird":
        return "------------" + _rand(rng, _ALNUM, 24)
    if profile == "outlook":
        return f"_000_{_rand(rng, string.ascii_uppercase + string.digits, 30)}_"
    if profile == "gmail":
        return "000000000000" + _rand(rng, _HEX, 12)
    if profile == "apple":
        h = _rand(rng, "0123456789ABCDEF", 32)
        return f"Apple-Mail={h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
    return "=_" + _rand(rng, _ALNUM, 20)


def _name_atoms(rng, name, lang):
    """Atoms for a display name and the name a correct decoder yields."""
    if name.isascii():
        r = rng.random()
        if r < 0.08:
            return [mime.quote_string(name)], name, "quoted"
        if r < 0.12 and " " in name and lang == "en":
            first, last = name.rsplit(" ", 1)
            shown = f"{last}, {first}"
            return [mime.quote_string(shown)], shown, "quoted"
        return name.split(" "), name, "atoms"
    script = SCRIPT_OF_LANGUAGE.get(lang, "latin")
    charset = "utf-8" if rng.random() < 0.6 else choose_charset(rng, name, lang, (script,))
    if charset == "us-ascii":
        charset = "utf-8"
    kind = "B" if rng.random() < 0.6 or charset in ("iso-2022-jp",) else "Q"
    return mime.encoded_words(name, charset, kind), name, f"encoded-{kind}:{charset}"


def address_atoms(rng, person, allow_comment=True):
    """Header atoms for one mailbox and its truth record {name, address, form}."""
    if not person.name:
        if rng.random() < 0.5:
            return [person.address], {"name": "", "address": person.address}
        return [f"<{person.address}>"], {"name": "", "address": person.address}
    if allow_comment and person.name.isascii() and rng.random() < 0.03:
        return [person.address, f"({person.name})"], {"name": person.name, "address": person.address,
                                                      "form": "comment"}
    atoms, shown, form = _name_atoms(rng, person.name, person.lang)
    return atoms + [f"<{person.address}>"], {"name": shown, "address": person.address, "form": form}


def address_list_header(rng, name, people, allow_comment=True):
    """A folded header line listing ``people`` and their truth records."""
    atoms, records = [], []
    for i, p in enumerate(people):
        a, rec = address_atoms(rng, p, allow_comment)
        if i < len(people) - 1:
            a[-1] += ","
        atoms += a
        records.append(rec)
    return mime.fold(name, atoms), records


def subject_header(rng, text, lang, extra_scripts=()):
    """The Subject line for ``text`` and notes: how it was encoded and the encoded-word chunks."""
    if text.isascii():
        return mime.fold("Subject", text.split(" ")), {"encoding": "none", "chunks": [text]}
    script = SCRIPT_OF_LANGUAGE.get(lang, "latin")
    charset = choose_charset(rng, text, lang, (script,) + tuple(extra_scripts))
    if charset == "us-ascii" or not can_encode(text, charset):
        charset = "utf-8"
    kind = "B" if charset == "iso-2022-jp" or rng.random() < 0.6 else "Q"
    if rng.random() < 0.7 or " " not in text:
        words, chunks = _words_and_chunks(text, charset, kind)
        return mime.fold("Subject", words), {"encoding": f"{kind}:{charset}", "chunks": chunks}
    # Mixed: ASCII words stay plain; each run of non-ASCII words becomes encoded-words.
    atoms, chunks, run = [], [], []

    def flush():
        if run:
            w, c = _words_and_chunks(" ".join(run), charset, kind)
            atoms.extend(w)
            chunks.extend(c)
            run.clear()

    for word in text.split(" "):
        if word.isascii() and word:
            flush()
            atoms.append(word)
            chunks.append(word)
        else:
            run.append(word)
    flush()
    return mime.fold("Subject", atoms), {"encoding": f"mixed-{kind}:{charset}", "chunks": chunks}


def _words_and_chunks(text, charset, kind):
    pairs = mime.encoded_word_chunks(text, charset, kind)
    return [w for w, _ in pairs], [c for _, c in pairs]
