"""Normalise Chinese text for matching: width, traditional -> simplified, punctuation, pinyin."""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from functools import lru_cache

from budgetqa import patterns

ORDINAL = patterns.compile(r"^(?:[一二三四五六七八九十百]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d+[、.．]|[①②③④⑤⑥⑦⑧⑨⑩])")
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_PUNCT = patterns.compile(r"[\s\u3000“”\"'‘’「」『』《》〈〉【】\[\]（）()，,。.！!？?；;：:、·~～…—\-_/\\|*#@&^`]+")


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> simplified characters (專項業務 -> 专项业务; 甚麼/甚麽 come out 甚么, the same word as 什么)."""
    if not text or text.isascii():
        return text
    return _converter().convert(text).replace("甚么", "什么")


def fold_width(text: str) -> str:
    """Full-width digits, letters and punctuation to their ASCII forms (１２３ -> 123)."""
    return unicodedata.normalize("NFKC", text)


def normalise(text: str) -> str:
    """The form every name and question is compared in: NFKC, simplified, lower case."""
    return to_simplified(fold_width(text or "")).lower().strip()


_DECIMAL_POINT = patterns.compile(r"(?<=\d)\.(?=\d)")


_DIGIT_GAP = patterns.compile(r"(?<=\d)[\s/／、，;；|\-−]+(?=\d)")


@lru_cache(maxsize=65536)
def squash(text: str) -> str:
    """normalise() without punctuation or spaces: the key for comparison. Decimal points stay, and
    digits that punctuation kept apart stay apart (201/208 is two codes, not 201208). Kept for the
    names of the loaded documents, which every question compares against again."""
    text = _DIGIT_GAP.sub("\x01", _DECIMAL_POINT.sub("\x00", normalise(text)))
    return _PUNCT.sub("", text).replace("\x00", ".").replace("\x01", " ")


# The spaces a PDF's text layer puts between Chinese and the digits or letters inside a sentence
# (单位于 2024 年成立), which the printed page does not show.
_SPACED_FIGURE = patterns.compile(r"(?<=[\u4e00-\u9fff，。、：；（）])[ \t\u3000]+(?=[\dA-Za-z])"
                            r"|(?<=[\dA-Za-z%％])[ \t\u3000]+(?=[\u4e00-\u9fff，。、：；（）])")


def close_spaces(text: str) -> str:
    """A sentence quoted as the page prints it: without the spaces around its figures (单位于2024年成立)."""
    return _SPACED_FIGURE.sub("", text)


@lru_cache(maxsize=16384)
def compact(text: str) -> str:
    """Text without any whitespace (extracted labels are often split by stray spaces)."""
    return re.sub(r"[\s\u3000]+", "", text)


def strip_ordinal(text: str) -> str:
    """Remove a leading ordinal: '一、一般公共服务支出' -> '一般公共服务支出'."""
    return ORDINAL.sub("", text.strip(), count=1).strip()


def chinese_ordinal(text: str) -> int | None:
    """一 … 九十九 as an int (table numbers only go that far)."""
    if not text or any(ch not in _CN_DIGITS for ch in text):
        return None
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS[text[1]]
    if len(text) == 2 and text[1] == "十":
        return _CN_DIGITS[text[0]] * 10
    if len(text) == 3 and text[1] == "十":
        return _CN_DIGITS[text[0]] * 10 + _CN_DIGITS[text[2]]
    return _CN_DIGITS[text] if len(text) == 1 else None


def character_pinyin():
    """pypinyin for single characters' readings. Imported without its phrase dictionary when nothing
    imported it yet (0.05 s instead of 0.2 s: a question's misheard character needs only the
    single-character table); ``pinyin_keys`` adds the phrases before it reads a name."""
    if "pypinyin" not in sys.modules:
        before = os.environ.get("PYPINYIN_NO_PHRASES")
        os.environ["PYPINYIN_NO_PHRASES"] = "1"
        try:
            import pypinyin  # noqa: F401
        finally:
            if before is None:
                del os.environ["PYPINYIN_NO_PHRASES"]
            else:
                os.environ["PYPINYIN_NO_PHRASES"] = before
    import pypinyin

    return pypinyin


@lru_cache(maxsize=65536)
def pinyin_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a name, e.g. 三公经费 -> ('sangongjingfei', 'sgjf').

    Used when a document is loaded, so that questions never import pypinyin. A name is read with the
    phrase dictionary (银行 yinhang, 行政 xingzheng), whichever way pypinyin was imported first.
    """
    from pypinyin import constants, lazy_pinyin

    if not constants.PHRASES_DICT:  # imported by character_pinyin: add the phrases and cut words by them
        from pypinyin.phrases_dict import phrases_dict
        from pypinyin.seg import mmseg

        constants.PHRASES_DICT.update(phrases_dict)
        mmseg.retrain(mmseg.seg)

    text = squash(name)
    hanzi = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
    if not hanzi:
        return "", ""
    syllables = [s for s in lazy_pinyin(hanzi) if s]
    return "".join(syllables), "".join(s[0] for s in syllables)
