"""Zipf-distributed vocabularies and the text built from them (paragraphs, subjects, wrapped lines).

Text is produced as lists of tokens so that a planted term is one token that line wrapping never
splits; CJK tokens are joined without spaces.
"""

import itertools
import random

from . import words
from .terms import TERMS

LANGUAGES = ("en", "de", "fr", "es", "ru", "ja", "ko", "zh", "zh-hant")
SPACED = {"en", "de", "fr", "es", "ru", "ko"}
SCRIPT_OF_LANGUAGE = {"en": "latin", "de": "latin", "fr": "latin", "es": "latin", "ru": "cyrillic",
                      "ja": "japanese", "ko": "korean", "zh": "chinese", "zh-hant": "chinese"}
SENTENCE_END = {"ja": "。", "zh": "。", "zh-hant": "。"}
TAIL_SIZE = 24000
TAIL_SEED = 20151021  # fixed: the vocabulary does not depend on the corpus seed


def _zipf_cumulative(n, s=1.07, q=2.7):
    """Cumulative weights of ranks 1..n under a Zipf-Mandelbrot law."""
    return list(itertools.accumulate(1.0 / (r + q) ** s for r in range(1, n + 1)))


def _tail_words(exclude):
    """A fixed list of pronounceable pseudo-words for the long tail of the English curve."""
    rng = random.Random(TAIL_SEED)
    out, seen = [], set(exclude)
    while len(out) < TAIL_SIZE:
        syllables = rng.choice((2, 2, 3, 3, 3, 4))
        word = "".join(rng.choice(words.TAIL_ONSETS) + rng.choice(words.TAIL_VOWELS)
                       + rng.choice(words.TAIL_CODAS) for _ in range(syllables))
        if word not in seen and 4 <= len(word) <= 14:
            seen.add(word)
            out.append(word)
    return out


def _english_ranked():
    common, mail = words.ENGLISH_COMMON, words.ENGLISH_MAIL
    head = common[:60]
    rest = common[60:]
    woven = []
    for i in range(max(len(rest), len(mail))):
        if i < len(mail):
            woven.append(mail[i])
        if i < len(rest):
            woven.append(rest[i])
    ranked = list(dict.fromkeys(head + woven))
    return ranked + _tail_words(ranked)


class Vocabulary:
    """The words of every language, with Zipf cumulative weights for fast sampling."""

    def __init__(self):
        self.lists = {
            "en": _english_ranked(),
            "de": words.GERMAN, "fr": words.FRENCH, "es": words.SPANISH, "ru": words.RUSSIAN,
            "ja": words.JAPANESE, "ko": words.KOREAN, "zh": words.CHINESE_SIMPLIFIED,
            "zh-hant": words.CHINESE_TRADITIONAL,
        }
        self.cumulative = {lang: _zipf_cumulative(len(lst)) for lang, lst in self.lists.items()}
        self._check_terms_absent()

    def _check_terms_absent(self):
        """Fail loudly if a planted term could occur by chance in generated text."""
        latin = set()
        for lang in ("en", "de", "fr", "es", "ru"):
            latin.update(w.casefold() for w in self.lists[lang])
        cjk_chars = set("".join(self.lists["ja"] + self.lists["ko"] + self.lists["zh"]
                                + self.lists["zh-hant"]))
        # Two words that share their first six letters may share a stem: no vocabulary word may do so
        # with a planted one (shorter vocabulary words cannot stem to a six-letter-plus planted word).
        prefixes = {v[:6] for v in latin if len(v) >= 6}
        for term in TERMS:
            for w in term.words:
                if term.spaced and term.script != "korean":
                    if w.casefold()[:6] in prefixes or w.casefold() in latin:
                        raise AssertionError(f"planted term {w!r} clashes with the vocabulary")
                elif all(ch in cjk_chars for ch in w):
                    raise AssertionError(f"planted term {w!r}: every character occurs in the vocabulary")

    def sample(self, rng, lang, k):
        """``k`` words of ``lang``, Zipf-distributed; Latin languages borrow some English."""
        if lang in ("de", "fr", "es") and rng.random() < 0.3:
            own = rng.choices(self.lists[lang], cum_weights=self.cumulative[lang], k=k)
            eng = rng.choices(self.lists["en"], cum_weights=self.cumulative["en"], k=k)
            return [o if rng.random() < 0.7 else e for o, e in zip(own, eng)]
        return rng.choices(self.lists[lang], cum_weights=self.cumulative[lang], k=k)

    def sentence(self, rng, lang):
        """One sentence as a token list (the last token carries the full stop)."""
        cjk = lang not in SPACED
        toks = self.sample(rng, lang, rng.randint(4, 10) if cjk else rng.randint(5, 17))
        if not cjk:
            toks[0] = toks[0][:1].upper() + toks[0][1:]
            if len(toks) > 8 and rng.random() < 0.4:
                i = rng.randint(2, len(toks) - 3)
                toks[i] += ","
        end = SENTENCE_END.get(lang) or rng.choice(".........?!")
        toks[-1] += end
        return toks

    def paragraph(self, rng, lang, sentences=None):
        """A paragraph as a token list."""
        n = sentences or rng.randint(1, 5)
        out = []
        for _ in range(n):
            out.extend(self.sentence(rng, lang))
        return out

    def subject_tokens(self, rng, lang):
        """A short subject line as a token list."""
        toks = self.sample(rng, lang, rng.randint(2, 7) if lang in SPACED else rng.randint(2, 4))
        if lang in SPACED:
            toks[0] = toks[0][:1].upper() + toks[0][1:]
        return toks


def join_tokens(tokens, lang):
    """Tokens as one line of text."""
    return (" " if lang in SPACED else "").join(tokens)


def wrap_tokens(tokens, lang, width=72):
    """Greedy line wrap that never splits a token; CJK widths count characters as two columns."""
    sep = " " if lang in SPACED else ""
    wide = 1 if lang in SPACED else 2
    lines, cur, cur_len = [], [], 0
    for tok in tokens:
        tlen = len(tok) * wide
        extra = tlen + (len(sep) if cur else 0)
        if cur and cur_len + extra > width:
            lines.append(sep.join(cur))
            cur, cur_len = [tok], tlen
        else:
            cur.append(tok)
            cur_len += extra
    if cur:
        lines.append(sep.join(cur))
    return lines
