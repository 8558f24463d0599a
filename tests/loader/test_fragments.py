"""Fragments split by column breaks are rejoined, and only those, from small labelled pages."""

from __future__ import annotations

from typeset import page_of, set_column

from paper_tui.loader import load_text

WAGES = (
    "陈某某在白银市平川区棚户区改造工程处务工，主要从事水暖维修与改造工作。完工后，经陈某某多次催要，"
    "李某某一直推诿不予支付工资。为讨回自己的辛苦钱，陈某某便通过12309检察服务热线向平川区检察院"
)
FRAUD_TITLE = "摧毁一个“投资西部大开发项目”犯罪团伙"
FRAUD = (
    "本报讯（记者 鲜晓苏）8月5日，记者从金昌市公安局金川分局获悉，该局近日破获一起特大传销案，"
    "抓获传销人员300余人，摧毁了一个传销犯罪团伙。"
)


def test_nothing_runs_on_into_a_lead() -> None:
    # The paragraph stops mid-sentence at the foot of its column; the next block is another
    # article's title (as wide as a column) and its lead, which no paragraph runs into.
    text = page_of(set_column(WAGES, 18), [FRAUD_TITLE], set_column(FRAUD, 18))
    paragraphs = [p for item in load_text(text).items for p in item.paragraphs]
    assert FRAUD in paragraphs
    assert not any(FRAUD_TITLE in p for p in paragraphs)


def test_a_headline_of_two_phrases_is_never_taken_for_a_cut_off_line() -> None:
    # A short line ending a sentence follows the headline, as a paragraph's tail from the
    # column before would; the space between the headline's phrases says it is no text.
    title = "忘记投保交强险 自掏腰包赔损失"
    body = (
        "本报讯（记者 胡庭瑞）8月5日，白银市平川区人民法院成功调解了一起机动车交通事故责任纠纷案，"
        "负事故全部责任的被告因忘记投保交强险，需自掏腰包赔付11万元。"
    )
    text = page_of(set_column(WAGES, 16), [title], ["求助。", *set_column(body, 16)])
    titles = [item.title for item in load_text(text).items]
    assert title in titles


def test_a_paragraph_first_line_set_under_a_subheading_is_split_off_it() -> None:
    # The subheading's two lines and the paragraph's first line (as wide as the column, short
    # of it by the lost indent) came out as one block; the paragraph goes on in the next one.
    intro = "安定区司法局持续深化普法强基补短板专项工作，抓实基层源头治理，让尊法学法守法用法理念蔚然成风。"
    quote = (
        "“谢谢你们化解了我们兄弟俩多年的矛盾，要不是你们，事情还不知道要闹到什么地步。”"
        "鲁家沟镇村民李某对司法所干警感激地说。"
    )
    lines = set_column(quote, 16)
    text = page_of(set_column(intro, 16), ["把好“排调关”", "精准化解矛盾纠纷", lines[0]], lines[1:])
    paragraphs = [p for item in load_text(text).items for p in item.paragraphs]
    assert quote in paragraphs
    assert not any("精准化解矛盾纠纷“" in p for p in paragraphs)


HONG_KONG = (
    "中央坚定支持特别行政区政府和行政长官依法施政并积极作为，团结带领香港社会各界人士继续积极发展"
)
HONG_KONG_REST = "经济、改善民生、维护法治、推进民主，不断开创香港发展新局面。"
SEA = "党的十九大报告提出，坚持陆海统筹，加快建设海洋强国。多年来我国在关心海洋和认识海洋以及在经略"
SEA_REST = "海洋方面已经积累了一定经验。以发展海洋经济为中心，推动海洋事业全面发展。"
SEA_LAW = "维护海权、经略海洋离不开完善的海洋法律体系。"


def test_a_fragment_two_ends_read_on_into_goes_to_the_one_with_no_other() -> None:
    # 发展|海洋 and 经略|海洋 both read as words found on the page; 积极发展 also goes on into
    # the column right after it, 经略 into nothing else.
    text = page_of(
        set_column(HONG_KONG, 12),
        set_column(HONG_KONG_REST, 12, indent=0),
        set_column(SEA, 12),
        ["完善海洋法律体系"],
        set_column(SEA_LAW, 12),
        set_column(SEA_REST, 12, indent=0),
    )
    paragraphs = [p for item in load_text(text).items for p in item.paragraphs]
    assert HONG_KONG + HONG_KONG_REST in paragraphs
    assert SEA + SEA_REST in paragraphs


ESSAY_TITLE = "坚定理论自信"
ESSAY = (
    "学习新思想要坚持学原著、读原文、悟原理，精准把握其科学内涵和基本方略。理论自信是最牢固的"
    "信仰，思想追随是最彻底的追随。学习新思想要保持真诚态度、扎实学风，切实增强政治定力。"
)


def test_a_name_set_over_a_column_of_text_is_its_author_and_the_text_runs_on() -> None:
    # Layout mode puts the essay's byline in the column it stands over: the name opens a
    # block whose first line carries on the sentence of the column before.
    lines = set_column(ESSAY, 16)
    cut = next(i for i, line in enumerate(lines) if line.endswith("理论自信") or "理论自信" in line)
    text = page_of([ESSAY_TITLE], lines[: cut + 1], ["欧阳辉", *lines[cut + 1 :]])
    items = load_text(text).items
    assert [(item.title, item.bylines, item.paragraphs) for item in items] == [
        (ESSAY_TITLE, ("欧阳辉",), (ESSAY,))
    ]


def test_a_short_line_torn_off_inside_a_block_is_no_author() -> None:
    # 农旅等 reads like a name (农 is a surname), but it stands inside its block, between
    # the lines of the sentence it belongs to.
    paragraph = (
        "该公司在林场建设灵芝种植基地，拟将其打造成为一个集游学、农旅等为一体的基地，"
        "带动周边群众就业增收，助力乡村振兴。"
    )
    lines = set_column(paragraph, 16)
    at = lines[1].index("农旅等")
    torn = [lines[0], lines[1][:at], "农旅等", lines[1][at + 3 :], *lines[2:]]
    paragraphs = [p for item in load_text(page_of(torn)).items for p in item.paragraphs]
    assert paragraphs == [paragraph]


PATROL = (
    "“推行社区民警专职化，开展‘走动式’管理和‘铁脚板’警务。”城关派出所所长纪海龙介绍说，"
    "依托17个社区警务室，34名社区民警坚持每日驻"
)
PATROL_REST = "守在社区、工作在社区，始终行走在田间地头、居民小区、旅游景点等各个场所。"
TRAFFIC_TITLE = "平川警方抓获一名上网逃犯"
TRAFFIC = "本报讯（记者 胡庭瑞）近日，平川分局成功抓获1名外省上网逃犯，并移交办案单位处理。"


def test_a_fragment_goes_on_far_away_where_a_word_of_the_language_spans_the_seam() -> None:
    # 驻守 is printed nowhere else on the page, but it is a common word: the paragraph that
    # stops at 每日驻 goes on in the block that opens with 守在社区, another article apart.
    text = page_of(
        set_column(PATROL, 16),
        [TRAFFIC_TITLE],
        set_column(TRAFFIC, 16),
        set_column(PATROL_REST, 16, indent=0),
    )
    paragraphs = [p for item in load_text(text).items for p in item.paragraphs]
    assert PATROL + PATROL_REST in paragraphs
    assert TRAFFIC in paragraphs


def test_a_far_fragment_whose_seam_reads_as_no_word_is_left_apart() -> None:
    # 每日驻 + 年底前 reads as nothing the language writes: no evidence, no join.
    rest = "年底前完成全部社区的走访登记，方便群众办事。"
    text = page_of(
        set_column(PATROL, 16),
        [TRAFFIC_TITLE],
        set_column(TRAFFIC, 16),
        set_column(rest, 16, indent=0),
    )
    paragraphs = [p for item in load_text(text).items for p in item.paragraphs]
    assert PATROL + rest not in paragraphs
    assert PATROL in paragraphs


VILLAGE = (
    "今年以来，岷县检察院驻村帮扶工作队成员积极参加县、镇组织的业务培训班，"
    "有力提升驻村帮扶队员运用政策解决群众所需的水"
)
VILLAGE_TITLE = "岷县检察：驻村帮扶助力乡村振兴"
VILLAGE_REST = (
    "平。通过党建引领、合作社带动、驻村工作队协调、农户参与的方式，不断巩固提升集体经济发展水平。"
)


def test_a_title_set_over_the_text_of_its_next_column_is_split_off_it() -> None:
    # pdftotext gave the title to the block of the column under it, whose first line carries on
    # the paragraph that stopped at 所需的水 (水平), another article apart.
    text = page_of(
        set_column(VILLAGE, 16),
        [TRAFFIC_TITLE],
        set_column(TRAFFIC, 16),
        [VILLAGE_TITLE, *set_column(VILLAGE_REST, 16, indent=0)],
    )
    items = load_text(text).items
    paragraphs = [p for item in items for p in item.paragraphs]
    assert VILLAGE + VILLAGE_REST in paragraphs
    assert VILLAGE_TITLE in [item.title for item in items]


def test_a_text_line_with_an_enumeration_at_a_column_top_is_no_title() -> None:
    # 这就决定了党建工作绝不能弱化、虚 / 化、边缘化…: a text line, though it has no comma
    # and the line under it opens by ending a word; it stays in its paragraph.
    column = ["这就决定了党建工作绝不能弱化、虚", "化、边缘化，绝不能只是中心工作的配", "角。"]
    # A paragraph elsewhere that stops at 深 reads on into 化 (深化).
    other = "基层党组织要把党建工作和中心工作一起谋划，不断提升组织力，全面从严治党要不断深"
    text = page_of(set_column(other, 17), [TRAFFIC_TITLE], set_column(TRAFFIC, 17), column)
    paragraphs = [p for item in load_text(text).items for p in item.paragraphs]
    assert "".join(column) in paragraphs


def test_a_text_line_at_a_column_top_after_unfinished_text_is_no_title() -> None:
    # The line at the top of the block goes on from the paragraph before it (…集体经济发展 /
    # 质量和…), though it has no punctuation and the line under it opens with 平。; another
    # paragraph, which stops at 所需的水, would read on into it (水平).
    before = "今年以来，帮扶队推动产业项目落地，持续巩固提升集体经济发展"
    rest = ["质量和村民收入的整体", "平。通过党建引领、合作社带动，", "村民增收致富。"]
    text = page_of(
        set_column(VILLAGE, 16),
        [TRAFFIC_TITLE],
        set_column(TRAFFIC, 16),
        set_column(before, 16),
        rest,
    )
    paragraphs = [p for item in load_text(text).items for p in item.paragraphs]
    assert before + "".join(rest) in paragraphs


def test_a_text_line_over_a_tail_is_no_title_when_the_text_it_would_head_is_not_its_subject() -> (
    None
):
    # 岗位 | 上 is a word boundary, and 每天晚 + 上 reads as 晚上: but 坚守在为人民服务的基层
    # 工作岗位 names nothing the health class article is about. It stays text.
    story_title = "老党员王建国的故事"
    story = (
        "王建国今年七十岁，是村里的老党员，也是远近闻名的热心人。村里谁家有困难，"
        "他总是第一个赶到，帮着出主意、想办法。多年来，他始终"
    )
    class_title = "社区开设老年人健身课堂"
    health = (
        "本报讯 近日，幸福社区开设老年人健身课堂，邀请专业教练为居民讲解运动知识，"
        "示范太极拳和八段锦等项目，并组织居民每天晚"
    )
    check_title = "全市启动免费体检"
    check = "活动将持续到年底，市民可到附近社区卫生服务中心咨询，工作人员将提供全程服务。"
    line = "坚守在为人民服务的基层工作岗位"
    rest = "上。二十年来，他走遍了全镇每一个村，帮助群众解决了大量困难，被评为优秀共产党员。"
    text = page_of(
        [story_title],
        set_column(story, 16),
        [class_title],
        set_column(health, 16),
        [check_title],
        set_column(check, 16),
        [line, *set_column(rest, 16, indent=0)],
    )
    items = load_text(text).items
    assert line not in [item.title for item in items]
    assert check_title in [item.title for item in items]
    assert not any(health + rest in item.paragraphs for item in items)


def test_a_tail_of_one_character_and_a_clause_goes_back_past_another_article() -> None:
    # 拒 | 绝: the column's foot stops mid-word; its next column's top, a line short as a last
    # line is, opens with the word's last character and a comma, as no paragraph opens.
    title = "物业擅自出租公共区域被判返还收益"
    paragraph = (
        "本报讯 小区物业公司将公共区域出租给商户收取租金，收益却一直未向业主公开。"
        "业主委员会多次要求物业公司公开收支情况，但均遭拒绝，遂诉至法院。"
    )
    lines = set_column(paragraph[:-8], 16)
    assert lines[-1].endswith("拒")
    text = page_of([title], lines, [FRAUD_TITLE], set_column(FRAUD, 16), [paragraph[-8:]])
    items = load_text(text).items
    assert [(item.title, item.paragraphs) for item in items] == [
        (title, (paragraph,)),
        (FRAUD_TITLE, (FRAUD,)),
    ]


def test_a_title_between_two_columns_of_its_article_stays_a_title() -> None:
    # 方 | 法: the column stops mid-word, the title pdftotext emitted next is as wide as a
    # column, and the next column's top opens with the word's last character: the title is no
    # cut-off line, and the paragraph goes on past it.
    title = "让非遗在年轻人手中“活”起来"
    answer = "刘晓梅：去年的“非遗潮集”吸引了超过10万人次参与。这说明，只要找对方法，年轻人是非常愿意走近非遗的。"
    question = "记者：下一步还有哪些打算？"
    cut = answer.index("法，")
    text = page_of(
        set_column(answer[:cut], 16),
        [title],
        [*set_column(answer[cut:], 16, 0), *set_column(question, 16)],
    )
    [item] = load_text(text).items
    assert (item.title, item.paragraphs) == (title, (answer, question))


def test_a_headline_after_the_rest_of_its_article_titles_its_first_column_too() -> None:
    # pdftotext emitted the article's first column (its lead), another article, the column that
    # goes on from the first, and only then the headline: one article under that headline.
    title = "法院判令物业公司返还公共收益"
    first = (
        "本报讯 小区物业公司将公共区域出租给商户收取租金，收益却一直未向业主公开。"
        "业主委员会多次要求物业公司公开收支情况，但均遭拒绝，遂诉至法院。"
    )
    # The headline's words are the second column's more than the first's: by them alone, the
    # headline would be the second column's, and the lead a brief of its own.
    second = "法院审理认为，公共收益属于业主共有，法院判令物业公司返还公共收益十八万元。"
    text = page_of(
        set_column(first[:-8], 16),
        [FRAUD_TITLE],
        set_column(FRAUD, 16),
        [first[-8:], *set_column(second, 16)],
        [title],
    )
    items = load_text(text).items
    found = {(item.title, item.paragraphs) for item in items}
    assert found == {(title, (first, second)), (FRAUD_TITLE, (FRAUD,))}
