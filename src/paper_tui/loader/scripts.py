"""Both scripts: the words the loader looks for, in traditional characters as well.

Papers of Hong Kong, Macao and Taiwan print 本報訊, 記者 and 攝 where mainland papers print 本报讯,
记者 and 摄. The loader's patterns are written once, in simplified characters; ``either`` widens a
pattern so that each of its characters also matches its traditional forms, and ``with_forms``
does the same for a set of characters (surnames). Only the characters the patterns use are
listed, each with the forms OpenCC gives for the mainland, Hong Kong and Taiwan standards, less
those that spell another word (于 is a surname, 於 is not; 余 is one, 餘 is not).
"""

from __future__ import annotations

from itertools import product
from typing import Final

# A simplified character, then its traditional forms, for each character the patterns use.
_FORMS: Final = (
    "万萬 丛叢 东東 严嚴 为爲為 乔喬 习習 储儲 党黨 兰蘭 关關 农農 冯馮 凌淩 "
    "刘劉 别別 制製 华華 单單 卢盧 卫衛衞 历歷曆 发發 台臺 叶葉 吕呂 启啓啟 吴吳 "
    "员員 图圖 声聲 复復 娄婁 孙孫 宁寧甯 实實 审審 宫宮 对對 岳嶽 巩鞏 师師 "
    "广廣 庄莊 应應 庞龐 张張 报報 据據 摄攝 数數 时時 来來 杨楊 栾欒 欧歐 "
    "毕畢 汤湯 温溫 热熱 电電 画畫 窦竇 筹籌 简簡 系係繫 约約 纪紀 线線 组組 "
    "终終 绘繪 统統 编編 缪繆 网網 罗羅 聂聶 芦蘆 苏蘇 荣榮 蒋蔣 蓝藍 蔺藺 "
    "见見 视視 讯訊 记記 许許 译譯 话話 诸諸 读讀 谢謝 谭譚 贝貝 责責 费費 "
    "贺賀 贾賈 资資 赖賴 赵趙 车車 转轉 辑輯 边邊 连連 迟遲 邓鄧 邝鄺 邬鄔 "
    "邮郵 邹鄒 郑鄭 郦酈 钟鍾鐘 钮鈕 钱錢 闫閆 闵閔 闻聞 阎閻 阚闞 阳陽 陆陸 "
    "陈陳 韦韋 韩韓 项項 顾顧 颜顏 饶饒 马馬 骆駱 鲁魯 鲍鮑 麦麥 黄黃 齐齊 "
    "龙龍 龚龔"
)
TRADITIONAL: Final = {forms[0]: forms[1:] for forms in _FORMS.split()}
"""The traditional forms of each simplified character the loader's patterns use."""


def either(pattern: str) -> str:
    """A regular expression that matches what ``pattern`` does, in either script."""
    out: list[str] = []
    class_start = -1  # where the current character class's items begin; -1 outside one
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            out.append(pattern[index : index + 2])
            index += 2
            continue
        if class_start < 0 and pattern.startswith(("(?P<", "(?P="), index):
            # A group's name (or a reference to one) is no text to match.
            end = pattern.index(">" if pattern[index + 3] == "<" else ")", index)
            out.append(pattern[index : end + 1])
            index = end + 1
            continue
        forms = TRADITIONAL.get(char, "")
        if class_start >= 0:
            if char == "]" and index > class_start:
                class_start = -1
            elif forms and _in_range(pattern, index, class_start):
                raise ValueError(f"a range ends at {char!r}: its forms cannot be added")
            out.append(char + forms)
        elif char == "[":
            # A ] first in the class (after any ^) is one of its characters.
            class_start = index + 1 + (pattern[index + 1 : index + 2] == "^")
            out.append(char)
        else:
            out.append(f"[{char}{forms}]" if forms else char)
        index += 1
    return "".join(out)


def _in_range(pattern: str, index: int, class_start: int) -> bool:
    """Whether the class character at ``index`` is an end of a range (``a-b``)."""
    before = index - 1 > class_start and pattern[index - 1] == "-" and pattern[index - 2] != "\\"
    after = pattern[index + 1 : index + 2] == "-" and pattern[index + 2 : index + 3] not in (
        "]",
        "",
    )
    return before or after


def with_forms(chars: str) -> str:
    """``chars`` followed by the traditional forms of each of them."""
    return chars + "".join(TRADITIONAL.get(char, "") for char in chars)


def spellings(word: str) -> list[str]:
    """Every way ``word`` may be spelt, its simplified spelling first."""
    return ["".join(chars) for chars in product(*(with_forms(char) for char in word))]
