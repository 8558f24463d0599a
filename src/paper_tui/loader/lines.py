"""Classify single lines by what they are on a newspaper page, from their wording alone.

Bylines, photo credits, continuation markers, leads, author affiliations and page furniture have
fixed wordings; recognising them line by line keeps them out of the paragraphs they sit between.
"""

from __future__ import annotations

import re
from typing import Final, Literal, NamedTuple

from paper_tui.loader.chars import (
    PUNCT_WIDTH,
    PUNCTUATION,
    LazyPattern,
    ends_sentence,
    width_parts,
)
from paper_tui.loader.clean import unjustify
from paper_tui.loader.scripts import either, spellings, with_forms

# Punctuation that may hang past the end of a line instead of starting the next one.
HANGING: Final = "，。、；：？！”’）》」』】,.;:?!"

HANGS_FROM: Final = 0.875

Role = Literal["body", "byline", "author", "credit", "continuation", "furniture"]

_NAME: Final = r"[\u4e00-\u9fff·]{1,4}"

# Bylines: "■记者 李晖 通讯员 余建", "本报记者 张三", "辽沈晚报记者 胡月梅",
# "新甘肃·甘肃法治报记者 齐洪德", "顶端新闻·河南商报记者 刘慧丽 见习记者 李衍慧/文".
BYLINE: Final = LazyPattern(
    either(
        # A bracket of 【 or 〔 closes on the line: 〔记者陈大文／台中报 is a wrapped dateline.
        r"^(?:[（(]|[【〔](?=.*[】〕]$))?(?:[■□◆◇●◎]\s*)?[\u4e00-\u9fff·]{0,14}?"
        r"(?:记\s*者|通\s*讯\s*员|实\s*习\s*生|特约撰稿|撰\s*文|编\s*译)"
        # A column's label is no name: 【记者手记】, 〔记者观察〕.
        r"(?!手记|观察|调查|探访|连线|札记|笔记|追踪|视点|实录|体验|来信)"
        r"\s*[:：]?\s*[\u4e00-\u9fff·]{2,4}(?:[\s、/／]+[\u4e00-\u9fff·/／]{1,8}){0,8}"
        # 本报记者陈大文报道, 記者陳大文／台北報導
        r"(?:\s*(?:报道|报导|報導))?[)）】〕]?$"
    )
)
_NAMES: Final = r"[\u4e00-\u9fff·]{2,4}(?:[\s、]+[\u4e00-\u9fff·]{2,4}){0,3}"
# A writer's line: "文/张三", "文/张三 图/李四", "文/图 王五", "李衍慧/文", "张三 文/图",
# "张三/文 李四/图".
WRITER: Final = LazyPattern(
    either(
        rf"^(?:■\s*)?(?:文\s*[/／]\s*图|图\s*[/／]\s*文|文\s*图|图\s*文)\s*[/／:：]?\s*{_NAMES}$"
        rf"|^(?:■\s*)?文\s*[/／:：]\s*{_NAMES}(?:\s*图\s*[/／:：]\s*{_NAMES})?$"
        rf"|^{_NAMES}\s*[/／]\s*(?:文|文\s*[/／]\s*图|图\s*文)$"
        rf"|^{_NAMES}\s*文\s*[/／]\s*图$"
        # Writer and photographer each named: 张三/文 李四/图.
        rf"|^{_NAMES}\s*[/／]\s*文\s+{_NAMES}\s*[/／]\s*[图摄]$"
    )
)
# Lines that open with a box mark are credits or bylines in local dailies if they name someone:
# "■记者 居丹荔", "□ 张三" (not "■新闻链接").
BOXED: Final = re.compile(r"^[■□◆◇●]\s*\S")
# The frame of a box of briefs: "◇简 讯◇", "【简讯】" (a heading, never a byline).
BRIEF_BOX: Final = re.compile(either(r"^[◇◆■□●◎【\[〔]*\s*简\s*讯\s*[◇◆■□●◎】\]〕]*$"))
# Photo credits: "■摄影 王强", "朱艳霞 摄", "李天亮/摄", "制图：李姿阅", "受访者供图"; and
# those of drawings and supplied pictures: "漫画：张三", "翟桂溪作（新华社发）", "李四/绘".
CREDIT: Final = re.compile(
    either(
        r"^(?:■\s*)?(?:本\s*版\s*)?(?:摄\s*影|图\s*片|制\s*图|图\s*文|图|漫\s*画|插\s*图)"
        r"\s*[:：/／]?\s*\S"
        r"|(?:^|\s|/|／)摄$|/\s*摄\s*$|／\s*摄\s*$|供\s*图$|\s摄\s"
        r"|^(?:数据|资料)?来源\s*[:：]"
        r"|[/／]\s*(?:作|绘|画)\s*$"
        r"|^[\u4e00-\u9fff·]{2,5}\s*(?:作|绘)?\s*[（(][\u4e00-\u9fff]{1,8}?发[)）]$"
        # A file photo, one a news agency supplied: "资料图片", "（新华社发）".
        r"|^[（(]?\s*(?:本报|新华社|中新社)?\s*资料\s*图\s*片?\s*[)）]?$"
        r"|^[（(]?\s*(?:新华社|中新社)\s*发\s*[)）]?$"
    )
)
# Continuation markers: "（下转2版）", "（上接1版）", "（转第3版）", "转A2版".
CONTINUATION: Final = re.compile(
    either(
        r"^[（(]?\s*(?P<dir>下\s*转|上\s*接|紧\s*接|转\s*第?|接\s*第?)\s*(?:第\s*)?"
        r"(?P<page>[A-Za-z]?\s*\d{1,3}|[一二三四五六七八九十]{1,3})\s*版\s*[)）]?$"
    )
)
# A marker set on the line of the text it closes or opens: "…便民设施。（下转A4版）",
# "（上接第1版）项目建设…". The marker is in brackets, the text ends a sentence before it.
_MARKER: Final = (
    r"[（(]\s*(?:下\s*转|上\s*接|紧\s*接|转\s*第?|接\s*第?)\s*(?:第\s*)?"
    r"(?:[A-Za-z]?\s*\d{1,3}|[一二三四五六七八九十]{1,3})\s*版\s*[)）]"
)
_MARKER_AFTER: Final = LazyPattern(either(rf"^(.*[。！？”])\s*({_MARKER})$"))
_MARKER_BEFORE: Final = LazyPattern(either(rf"^({_MARKER})\s*(\S.*)$"))
# A caption run into the text with its credit at the end: "图为…检查。新华社记者徐昱摄"; many
# papers open a caption with an arrow at its photo or its number (图①), and bracket the credit:
# "▲…（记者 王五 摄）".
_SHOT_BY: Final = r"[\u4e00-\u9fff·]{0,12}?(?:记者|通讯员)?\s*[\u4e00-\u9fff·]{2,4}\s*[/／]?\s*摄"
# In brackets, a credit names its role or sets its name apart: （记者 王五 摄）, （王五 摄）, not
# （本文照片均由游客拍摄）.
_SHOT_BY_BOXED: Final = (
    r"[（(]\s*(?:[\u4e00-\u9fff·]{0,8}?(?:记者|通讯员)\s*[\u4e00-\u9fff·]{2,4}\s*[/／]?\s*"
    r"|[\u4e00-\u9fff·]{2,4}(?:\s+|\s*[/／]\s*))摄\s*[)）]"
)
INLINE_CAPTION: Final = LazyPattern(
    either(
        # 图为 opens a sentence: 地图为游客… is no caption.
        r"^(?:(?P<lead>[上下左右]?图[：:为]|图片[：:为]|[▲△▼▽↑↓←→]|图?\s*[①-⑳]).*"
        r"|(?:.*[。！？，；]\s*)?图为.*)"
        rf"(?:[。！]\s*(?P<credit>{_SHOT_BY})|[。！]?\s*(?P<boxed>{_SHOT_BY_BOXED}))\s*$"
    )
)
# A photo credit's last word, 摄 ("shot by"), in either script.
_SHOT: Final = tuple(with_forms("摄"))


def inline_caption(text: str) -> re.Match[str] | None:
    """``INLINE_CAPTION``'s match if the text is a caption with its credit, else None."""
    if not text.rstrip().rstrip("）)").rstrip().endswith(_SHOT):
        return None
    return INLINE_CAPTION.match(text)


# Author affiliation after an essay: "（作者为中央党校教授）", "（作者单位：…）".
# The title of a notice (法院公告, 遗失声明, 招聘启事, 注销公示), which a page sets in bold over
# each of the notices it prints one under another.
NOTICE_TITLE: Final = re.compile(either(r"(?:公告|声明|启事|通告|公示)$"))
# Whom a notice is addressed to, as its text opens: "钱某某：", "某某有限公司、某某贸易有限公司:".
ADDRESSEE: Final = re.compile(r"[^，。；！？：:]{2,40}[：:]")
AFFILIATION_START: Final = re.compile(either(r"^[（(]\s*作\s*者\s*(?:为|系|是|单\s*位|分\s*别)"))
# Leads that open a news article: "本报讯", "本报北京1月2日讯", "福州晚报讯", "新华社北京2月8日电".
LEAD: Final = LazyPattern(
    either(
        # Some papers bracket it: 【本报讯】, 【新华社北京4月18日电】.
        r"^[【〔\[]?\s*(?:本\s*报|[\u4e00-\u9fff·]{1,12}?(?:报|社|网|台|新闻|电视台|通讯社))"
        # 讯 of a lead, not of the role 通讯员 (新甘肃·甘肃法治报通讯员 庞俊宝)
        r"[\u4e00-\u9fff\d\s月日]{0,14}?(?:讯(?!员)|电)[】〕\]]?"
        r"(?=[\s（(“「【\d]|$|[\u4e00-\u9fff])"
        # A reporter's dateline opening the text: 〔记者陈大文／台北报导〕行政院今天…
        r"|^[〔【\[（(]\s*(?:本\s*报\s*)?记\s*者[^〕】\]）)，。,]{1,24}?(?:报道|报导|報導|电)\s*[〕】\]）)](?=\s*\S)"
    )
)
# Page furniture: dates, weekdays, "7 理论", editor and contact lines, advertisement marks.
_DATE: Final = (
    r"(?:(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    # or in figures: 2021.3.23, 2021-03-23, 2021/3/23
    r"|(?P<fy>\d{4})\s*(?P<sep>[.．/-])\s*(?P<fm>\d{1,2})\s*(?P=sep)\s*(?P<fd>\d{1,2})"
    # or in the years of the Republic, as Taiwan's papers date: 中華民國113年4月19日
    r"|(?:中华)?民[国國]\s*(?P<ry>\d{2,3})\s*年\s*(?P<rm>\d{1,2})\s*月\s*(?P<rd>\d{1,2})\s*日)"
    r"(?:\s*星期[一二三四五六日天])?"
    r"(?:\s*(?:农历|丁|戊|己|庚|辛|壬|癸|甲|乙|丙)\S*)*$"
)
DATE_LINE: Final = re.compile(either("^" + _DATE))
# The date after the paper's name, on a masthead: 福州晚报 2024年4月19日 星期五 (at a page's
# head only: inside the text, 刊登在人民日报2024年4月19日 is a wrapped line).
MASTHEAD_DATE: Final = re.compile(either(r"^[\u4e00-\u9fff·]{2,10}[报刊]\s*" + _DATE))
WEEKDAY: Final = re.compile(r"^星期[一二三四五六日天]$")
# The day in the lunar calendar, a line of its own under the date: 农历甲辰年三月十一.
LUNAR_DATE: Final = re.compile(
    either(
        r"^(?:农历\s*)?[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年"
        r"\s*[正一二三四五六七八九十冬腊闰]{1,3}月\s*[初一二三四五六七八九十廿卅]{1,3}$"
    )
)
# A paper's name alone, at the head of its page: 东川日报.
MASTHEAD: Final = LazyPattern(either(r"^[\u4e00-\u9fff·]{2,10}[报刊]$"))
# A paper's commentator, who signs its editorials: 本报评论员, 人民日报特约评论员.
COMMENTATOR: Final = re.compile(
    either(
        r"^(?:本报|本刊|新华社|[\u4e00-\u9fff]{1,6}(?:日报|晚报|早报|晨报|时报))?(?:特约)?评论员$"
    )
)
PAGE_HEADER: Final = LazyPattern(
    either(
        # 第 only before a page's number: 第3版, not 第19届亚运会.
        r"^(?:第\s*(?=[A-Za-z]?\d{1,3}\s*版))?(?P<num>[A-Za-z]?\d{1,3})(?:\s*版)?"
        # A section's name, not a count (5次全国人口普查, 3季度…).
        r"(?:\s*[:：]?\s*(?P<section>(?![届次季个号名项条件期])[\u4e00-\u9fff·]{2,8}?))?"
        # A header may end with the page's editor or contacts: A3 要闻 责编 张三, 05 综合新闻
        # 微信：lswbwx
        r"(?:\s*(?:责\s*编|责任编辑|编\s*辑|美\s*编)\s*[:：]?\s*[\u4e00-\u9fff·]{2,4})*"
        r"(?:\s+(?:微信|微博|邮箱|电话|热线|网址)\s*[:：]\s*\S+)*$"
    )
)
# The same, the section first: 黔西南新闻 A3.
SECTION_HEADER: Final = LazyPattern(
    r"^(?P<section>[\u4e00-\u9fff·]{2,8})\s*(?P<num>[A-Za-z]?\d{1,3})(?:\s*版)?$"
)
STAFF: Final = re.compile(
    either(
        r"^(?:本\s*版\s*)?(?:责\s*编|责任编辑|美\s*编|编\s*辑|校\s*对|版\s*式|组\s*版|审\s*读|投稿邮箱|"
        r"新闻热线|热线电话|本版邮箱|邮\s*箱)\s*[:：]?"
        # A masthead's registration: 国内统一刊号：CN35-0023, 邮发代号：33-50.
        r"|^(?:国内统一刊号|邮发代号)\s*[:：]"
        # Words of running text too (统筹推进): staff only with a colon or a name after a space.
        r"|^(?:[一二三初复终政]\s*审|统\s*筹)\s*(?:[:：]|\s[\u4e00-\u9fff]{2,3}(?:\s|$))"
        r"|^[（(]\s*广\s*告\s*[)）]$|@[\w.]+\.(?:com|cn|net)"
    )
)


# A character every match of a pattern holds, looked for before the pattern is tried: 转 or 接
# in a continuation marker; 摄, 图, 来(源), 漫(画), 作, 绘, 画 or (…)发 in a credit; 记(者),
# 通(讯员), 实(习生), 特(约撰稿), 撰(文) or 编(译) in a byline.
_CONTINUATION_HINT: Final = re.compile(either("[转接]"))
_CREDIT_HINT: Final = re.compile(either("[摄图来漫作绘画发]"))
_BYLINE_HINT: Final = re.compile(either("[记通实特撰编]"))
_LEAD_HINT: Final = re.compile(either("[讯电导導道]"))


class Line(NamedTuple):
    """One non-blank input line, cleaned, with its role and width.

    ``inner_width`` is the width without closing punctuation at the end, which may hang past the
    column. ``parts`` are its ``width_parts``, ``ends`` tells whether it ends a sentence and
    ``stops`` whether it ends a sentence or opens a quotation (the next line may start anew): all
    are asked for many times. ``spread`` tells that pdftotext spaced its characters: a justified
    line, stretched to fill its column. A named tuple, not a frozen dataclass: every input line
    is built twice, and a tuple is built several times faster.
    """

    number: int
    text: str
    role: Role
    width: float
    inner_width: float = 0.0
    parts: tuple[int, float] = (0, 0.0)
    ends: bool = False
    stops: bool = False
    spread: bool = False


def classify(text: str) -> Role:
    """Tell what a cleaned line is from its wording alone."""
    if ("，" in text or "。" in text) and len(text) > 12:
        # Running text: of the fixed wordings only a contact line can hold commas or stops.
        return "furniture" if _is_staff(text) else "body"
    if _is_staff(text) or DATE_LINE.match(text) or WEEKDAY.match(text) or LUNAR_DATE.match(text):
        return "furniture"
    if _CONTINUATION_HINT.search(text) and CONTINUATION.match(text):
        return "continuation"
    compact = text.replace(" ", "")
    if len(compact) <= 40 and _is_credit(text):
        return "credit"
    bylined = len(compact) <= 48 and _BYLINE_HINT.search(text) and BYLINE.match(text)
    if bylined and not _lead(compact):
        return "byline"
    if len(compact) <= 40 and "文" in compact and WRITER.match(text):
        return "byline"
    if (
        BOXED.match(text)
        and len(compact) <= 40
        and "。" not in text
        and not BRIEF_BOX.match(compact)
        and _names_someone(text[1:])
    ):
        return "byline"
    if is_closing_credit(text) or COMMENTATOR.match(text):
        return "byline"
    return "body"


# The words of a byline's or credit's roles: 记者, 通讯员, 摄影, 文/, /图.
_ROLE_WORD: Final = LazyPattern(
    either(
        r"记\s*者|通\s*讯\s*员|实\s*习\s*生|摄|撰\s*稿|撰\s*文|编\s*译|整\s*理|供\s*稿|制\s*图"
        r"|文\s*[/／]|[/／]\s*文|图\s*[/／]|[/／]\s*图"
    )
)


def _names_someone(text: str) -> bool:
    """Whether what follows a box mark names someone, by role or by name: a byline's, not a
    heading's (■记者 居丹荔, □ 张三; not ■新闻链接, ■ 聚焦民生 办好实事)."""
    return _ROLE_WORD.search(text) is not None or all(map(_is_names, text.split()))


def _is_names(text: str) -> bool:
    """A name, or two of one length run together (justification took the space between)."""
    half = len(text) // 2
    return is_author_name(text) or (
        len(text) in (4, 6) and is_author_name(text[:half]) and is_author_name(text[half:])
    )


def is_closing_credit(text: str) -> bool:
    """Whether a line is a name in brackets, as a brief ends with its writer's: （罗倩倩）."""
    return text[:1] in "（(" and text[-1:] in "）)" and is_author_name(text[1:-1].strip())


def make_lines(number: int, raw: str) -> list[Line]:
    """The lines of one raw input line: itself, or its text and the continuation marker pdftotext
    set on the same line (``…便民设施。（下转A4版）``), in the order printed."""
    stripped = raw.strip()
    if "版" in stripped:
        if stripped.endswith(("）", ")")):
            found = _MARKER_AFTER.match(stripped)
            if found:
                return [make_line(number, found[1]), make_line(number, found[2])]
        if stripped.startswith(("（", "(")):
            found = _MARKER_BEFORE.match(stripped)
            if found:
                return [make_line(number, found[1]), make_line(number, found[2])]
    return [make_line(number, raw)]


def make_line(number: int, raw: str) -> Line:
    """Clean and classify one raw input line (measure it with ``measured``)."""
    text, spread = unjustify(raw)
    lead = _lead(text)
    if lead and lead.end() < len(text) and raw.lstrip()[: lead.end() + 1].rstrip() != raw.strip():
        # The space after a lead (本报讯 连日来) is printed, not justification.
        head = lead.group(0).rstrip()
        rest = text[lead.end() :].lstrip()
        if rest and not rest.startswith(("（", "(")) and _raw_has_space_after(raw, head):
            text = f"{head} {rest}"
    role = classify(text) if text else "body"
    if role == "byline" and spread and len(text) <= 40 and _is_credit(" ".join(raw.split())):
        # The spaces around a short credit's name read as justification: 记者 张三 摄.
        role = "credit"
    if role in ("byline", "credit", "furniture"):
        # Bylines and credits keep the spaces between names, as printed.
        text = " ".join(raw.split())
        if role != "furniture" and " " in text:
            text = join_role_words(text)
    ends = ends_sentence(text)
    stops = ends or text.endswith(("：", ":"))
    return Line(number, text, role, 0.0, 0.0, width_parts(text), ends, stops, spread)


# The role words of bylines and credits, their characters spread by justification as often as
# not: "■记 者 荣怡婷", "通 讯 员 曹金凤", "摄 影 王强".
_SPREAD_ROLE: Final = LazyPattern(
    either(
        r"(?:(?:见|实)\s*习\s*|特\s*约\s*)?"
        r"(?:记\s*者|通\s*讯\s*员|实\s*习\s*生|撰\s*稿(?:\s*人)?|撰\s*文|编\s*译|摄\s*影|制\s*图)"
    )
)


def join_role_words(text: str) -> str:
    """A byline with the justification spaces inside its role words removed (``记 者`` -> ``记者``).

    The spaces between names stay: they separate people.
    """
    return _SPREAD_ROLE.sub(lambda match: match.group(0).replace(" ", ""), text)


def measured(line: Line, punct_width: float = PUNCT_WIDTH) -> Line:
    """The line with its widths measured, full-width punctuation ``punct_width`` ems wide."""
    punct, rest = line.parts
    width = punct * punct_width + rest
    inner = width
    # Type that sets punctuation a full em wide lets a last mark hang past the column edge;
    # type that compresses punctuation squeezes it inside instead.
    if punct_width >= HANGS_FROM and len(line.text) > 1 and line.text[-1] in HANGING:
        # The width without the mark: a full-width one, or a half-width one (,.;:?!).
        if line.text[-1] in PUNCTUATION:
            punct -= 1
        else:
            rest -= 0.5
        inner = punct * punct_width + rest
    return Line(
        line.number,
        line.text,
        line.role,
        width,
        inner,
        line.parts,
        line.ends,
        line.stops,
        line.spread,
    )


def _is_credit(text: str) -> bool:
    """Whether an unpunctuated line reads as a photo's credit."""
    return (
        "，" not in text
        and "。" not in text
        and _CREDIT_HINT.search(text) is not None
        and CREDIT.search(text) is not None
    )


def _is_staff(text: str) -> bool:
    """``STAFF.search``: past the first character only its e-mail address can match."""
    return STAFF.match(text) is not None or ("@" in text and STAFF.search(text) is not None)


def _lead(text: str) -> re.Match[str] | None:
    """``LEAD.match``, skipped for text without the 讯, 电 or 报道 (報導) every lead holds."""
    if _LEAD_HINT.search(text) is None:
        return None
    return LEAD.match(text)


def _raw_has_space_after(raw: str, head: str) -> bool:
    compact = re.sub(r"\s+", "", head)
    seen = 0
    for position, char in enumerate(raw.lstrip()):
        if not char.isspace():
            seen += 1
        if seen == len(compact):
            rest = raw.lstrip()[position + 1 :]
            return rest[:1].isspace()
    return False


def continuation_page(text: str) -> tuple[str, int | None]:
    """Direction ("to" or "from") and page number of a continuation marker."""
    match = CONTINUATION.match(text)
    if match is None:
        return ("to", None)
    direction = "from" if "接" in match["dir"] else "to"
    page = match["page"]
    digits = re.sub(r"\D", "", page)
    if digits:
        return (direction, int(digits))
    return (direction, _chinese_number(page))


def _chinese_number(text: str) -> int | None:
    values = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (values.get(tens, 1) if tens else 1) * 10 + (values.get(ones, 0) if ones else 0)
    return values.get(text)


def is_lead(text: str) -> bool:
    """Whether a paragraph opens with a news lead such as 本报讯 or 新华社…电."""
    if _LEAD_HINT.search(text) is None:
        return False
    return _lead(text.replace(" ", "")[:30]) is not None


# Common surnames (single and compound): an author line is a name standing alone.
SURNAMES: Final = frozenset(
    with_forms(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
        "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
        "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
        "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
        "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
        "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
        # Rarer ones, none of them the first character of a common word.
        "贝赖阎邰储钮嵇荀芮宓郗蔺屠胥逄郦濮扈茹鞠巢蒯竺逯桓晁阚隗戎郜"
    )
) | frozenset(
    spelling
    for name in (
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "令狐",
        "夏侯",
    )
    for spelling in spellings(name)
)

_AUTHOR_LINE: Final = LazyPattern(r"^[\u4e00-\u9fff]{1,3}(?:\s?[\u4e00-\u9fff]{1,3})?$")


def is_author_name(text: str) -> bool:
    """Whether a short line reads as one or two personal names (an essay's author line)."""
    # Two names of three characters and a space at most (and the newline ``$`` allows).
    if len(text) > 8 or not _AUTHOR_LINE.match(text):
        return False
    names = text.split() if " " in text and len(text.replace(" ", "")) > 3 else [text]
    for name in names:
        bare = name.replace(" ", "")
        if bare[:2] in SURNAMES:
            if not 3 <= len(bare) <= 4:
                return False
        elif bare[0] not in SURNAMES or not 2 <= len(bare) <= 3:
            return False
    return True
