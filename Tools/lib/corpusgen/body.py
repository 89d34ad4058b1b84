"""Body text: greetings, paragraphs with planted tokens, reply quotes, signatures, From_ lines."""

from .htmltext import Planted
from .vocab import SPACED, wrap_tokens

GREETINGS = {"en": "Hi {},", "de": "Hallo {},", "fr": "Bonjour {},", "es": "Hola {},",
             "ru": "Здравствуйте, {}!", "ja": "{}様", "ko": "{}님,", "zh": "{}，你好", "zh-hant": "{}，你好"}
GROUP_GREETINGS = {"en": "Hi all,", "de": "Hallo zusammen,", "fr": "Bonjour à tous,", "es": "Hola a todos,",
                   "ru": "Всем привет!", "ja": "皆様", "ko": "여러분,", "zh": "大家好", "zh-hant": "大家好"}
FROM_LINES = ("From what I can tell, the numbers are fine.", "From now on we meet on Mondays.",
              "From the archive, as promised:")


def first_name(person):
    """The short name used in greetings, attributions and signatures (never a planted family name)."""
    name = person.name or person.address.split("@", 1)[0]
    if " " in name:
        return name.split(" ", 1)[0]
    return name


def case_variant(rng, text, script):
    """The planted text as lower, Capitalized or UPPER case (Latin and Cyrillic only)."""
    if script not in ("latin", "cyrillic"):
        return text
    r = rng.random()
    if r < 0.6:
        return text
    if r < 0.9:
        return text[:1].upper() + text[1:]
    return text.upper()


def planted_token(rng, term, lang):
    """A token carrying ``term`` as it sits in text of language ``lang``."""
    text = case_variant(rng, term.text, term.script)
    if term.spaced and lang not in SPACED:
        text = f" {text} "
    return Planted(text, term.text)


def insert_tokens(rng, paragraphs, tokens):
    """Put each token into a random paragraph, never next to another planted token."""
    for tok in tokens:
        for _ in range(20):
            para = paragraphs[rng.randrange(len(paragraphs))]
            pos = rng.randint(0, len(para))
            left = para[pos - 1] if pos > 0 else None
            right = para[pos] if pos < len(para) else None
            if not isinstance(left, Planted) and not isinstance(right, Planted):
                para.insert(pos, tok)
                break
        else:
            paragraphs.append([tok])


def compose(rng, vocab, lang, recipient, group, sender, n_paragraphs=None):
    """The body's paragraphs (token lists): content only; greeting and signature are lines apart."""
    n = n_paragraphs or rng.choice((1, 1, 2, 2, 2, 3, 3, 4, 5))
    paragraphs = [vocab.paragraph(rng, lang) for _ in range(n)]
    greeting = (GROUP_GREETINGS[lang] if group else GREETINGS[lang].format(first_name(recipient)))
    signature = ["-- ", first_name(sender)]
    return greeting, paragraphs, signature


def plain_text(greeting, paragraphs, lang, signature, quote=None, from_lines=()):
    """The text/plain body as one string (LF line ends, final newline)."""
    lines = [greeting, ""]
    for para in paragraphs:
        lines += wrap_tokens(para, lang)
        lines.append("")
    for fl in from_lines:
        lines += [fl, ""]
    if quote:
        lines += quote + [""]
    lines += signature
    return "\n".join(lines) + "\n"


def quote_block(rng, vocab, lang, parent_sender, parent_date_text):
    """An attribution line and '> ' quoted lines of fresh text (never planted terms)."""
    who = first_name(parent_sender) if parent_sender is not None else "someone"
    lines = [f"On {parent_date_text}, {who} wrote:"]
    for _ in range(rng.randint(1, 2)):
        for line in wrap_tokens(vocab.paragraph(rng, lang), lang, width=68):
            lines.append("> " + line)
        lines.append(">")
    return lines[:-1]
