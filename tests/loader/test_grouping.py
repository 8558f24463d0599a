"""Headlines go to the article whose columns share their words, from small labelled pages."""

from __future__ import annotations

from typeset import page_of, set_column

from paper_tui.loader import load_text

SEA_TITLE = "为维护海权提供有力法律支撑"
SEA_SUBTITLE = "建设海洋强国需完善海洋法律体系"
SEA_START = (
    "我国是海洋大国，海岸线漫长，管辖海域广袤，海洋资源丰富。建设海洋强国需完善海洋法律体系，"
    "这是依法治海的基础，也是经略海洋的保障。"
)
SEA_LATER = (
    "总之，建设海洋强国需完善海洋法律体系，为维护海权提供有力法律支撑，"
    "让海洋事业在法治轨道上行稳致远。"
)
YOUTH_TITLE = "意气风发走进新时代"
YOUTH = (
    "中国特色社会主义进入新时代，这是我国发展新的历史方位。意气风发走进新时代，"
    "党员干部必须带头学习掌握新思想，真抓实干增长新本领。"
)


def test_a_title_stacked_on_its_subtitle_stays_with_it() -> None:
    # pdftotext emits the article's last column first; the title's words are all in it, and the
    # subtitle's words are in both columns: one article, its column rejoined, titled by both.
    text = page_of(
        set_column(SEA_LATER, 15),
        [YOUTH_TITLE],
        set_column(YOUTH, 15),
        [SEA_TITLE],
        [SEA_SUBTITLE, "周洁"],
        set_column(SEA_START, 15),
    )
    items = load_text(text).items
    assert [(item.title, item.subtitle) for item in items] == [
        (YOUTH_TITLE, None),
        (SEA_TITLE, SEA_SUBTITLE),
    ]
    assert items[1].paragraphs == (SEA_START, SEA_LATER)


SECURITY_TITLE = "全面建成多层次社会保障体系"
SECURITY_START = (
    "社会保障是民生安全网、社会稳定器。全面建成多层次社会保障体系，要坚持政府主导与市场机制"
    "相结合，坚持全覆盖、保基本、多层次、可持续。"
)
SECURITY_LATER = (
    "充分认识全面建成多层次社会保障体系的重大意义。兜底线、织密网、建机制，"
    "全面建成多层次社会保障体系是基本要求。"
)
DEBT_TITLE = "疏堵结合"
DEBT_SUBTITLE = "我国地方政府债务风险总体可控"
DEBT = (
    "当前，有一种观点夸大我国地方政府债务对经济社会发展的负面影响。客观认识地方政府债务问题，"
    "首先需要厘清其统计口径及范围，我国地方政府债务风险总体可控。"
)


def test_a_title_does_not_take_another_column_of_an_article_titled_better() -> None:
    # Both columns of the article hold its title whole; the title above another article's
    # subtitle shares one word with its first column, which does not make it that column's.
    text = page_of(
        ["陈明"],
        set_column(SECURITY_START, 15),
        set_column(SECURITY_LATER, 15),
        [SECURITY_TITLE],
        [DEBT_TITLE],
        [DEBT_SUBTITLE, "李强"],
        set_column(DEBT, 15),
    )
    items = load_text(text).items
    assert [(item.title, item.subtitle) for item in items] == [
        (SECURITY_TITLE, None),
        (DEBT_TITLE, DEBT_SUBTITLE),
    ]
    assert items[0].paragraphs == (SECURITY_START, SECURITY_LATER)


def test_a_title_of_two_phrases_one_a_line_stays_whole() -> None:
    # 疏堵结合 is found in no text, and 结合 is in the other article's: a phrase matching the
    # line under it is the other half of its title.
    text = page_of(
        ["陈明"],
        set_column(SECURITY_START, 15),
        set_column(SECURITY_LATER, 15),
        [SECURITY_TITLE],
        [DEBT_TITLE],
        ["强化管理"],
        [DEBT_SUBTITLE, "李强"],
        set_column(DEBT, 15),
    )
    items = load_text(text).items
    assert [(item.title, item.subtitle) for item in items] == [
        (SECURITY_TITLE, None),
        (f"{DEBT_TITLE} 强化管理", DEBT_SUBTITLE),
    ]
    assert items[1].paragraphs == (DEBT,)


ENV_TITLE = "着力解决突出环境问题"
ENV_START = (
    "党的十九大报告将坚持人与自然和谐共生作为基本方略，要求推进绿色发展，着力解决突出环境问题，"
    "加大生态系统保护力度，改革生态环境监管体制，建设美丽中国，推动形成绿色发展方式和生活方式。"
)
ENV_LATER = (
    "充分认识着力解决突出环境问题的重大意义。环境就是民生，青山就是美丽，蓝天也是幸福，"
    "着力解决突出环境问题是满足人民日益增长的优美生态环境需要的必然要求。"
)
GREEN_TITLE = "推进绿色发展的三大抓手"
GREEN = (
    "生态文明建设功在当代、利在千秋。推进绿色发展，形成绿色发展方式和生活方式，"
    "建设美丽中国，可以从绿色规划、绿色产业、绿色消费三个方面加以落实。"
)


def test_a_column_holding_an_article_title_whole_stays_with_that_article() -> None:
    # The first column reads much like the other article's text, but it holds this article's
    # title word for word, as the column the title stands by does.
    text = page_of(
        ["王平"],
        set_column(ENV_START, 15),
        [GREEN_TITLE, "韩秀华"],
        set_column(GREEN, 15),
        ["（作者为中国人民大学教授）"],
        set_column(ENV_LATER, 15),
        [ENV_TITLE],
    )
    items = load_text(text).items
    titled = {item.title: item.paragraphs for item in items}
    assert {ENV_START, ENV_LATER} <= set(titled[ENV_TITLE])
    assert titled[GREEN_TITLE][0] == GREEN
    assert ENV_START not in titled[GREEN_TITLE]


def test_a_name_in_brackets_closes_the_brief_above_it() -> None:
    first = "本报讯 近年来，普安县通过搭建平台、开设课程、深化实践，大力发展乡村振兴人才职业教育。"
    second = "本报讯 日前，晴隆县人民法院有关负责人向全体参培人员作防止干预司法“三个规定”专题宣讲。"
    text = page_of(
        ["普安县大力发展职业教育", *set_column(first, 15), "（王 普）"],
        ["晴隆县开展“三个规定”宣讲", *set_column(second, 15)],
    )
    items = load_text(text).items
    assert [(item.title, item.bylines) for item in items] == [
        ("普安县大力发展职业教育", ("（王 普）",)),
        ("晴隆县开展“三个规定”宣讲", ()),
    ]


def test_text_under_a_reporters_byline_opens_an_article_of_its_own() -> None:
    # Two articles about the same matters, the second without a headline of its own: the
    # reporter's byline over it says where it begins.
    first = (
        "今年以来，安定区司法局坚持和发展新时代枫桥经验，把好两道关口，强化基层治理，筑牢安全防线。"
    )
    second = "今年以来，岷县人民检察院驻村帮扶工作队不断强化自身建设，推动基层治理，筑牢安全防线。"
    text = page_of(
        ["强化基层治理 筑牢安全防线"], set_column(first, 15), ["新甘肃·甘肃法治报通讯员 庞俊宝"]
    )
    text += "\n" + "\n".join(set_column(second, 15)) + "\n"
    items = load_text(text).items
    assert [item.paragraphs for item in items] == [(first,), (second,)]
    assert items[1].bylines == ("新甘肃·甘肃法治报通讯员 庞俊宝",)


VITALITY = "让中国特色社会主义展现出更加强大生命力"
MEANING = "深刻理解新时代划时代意义"
MEANING_TEXT = (
    "党的十九大报告指出，中国特色社会主义进入新时代，在中华人民共和国发展史上具有重大意义。"
    "深刻理解新时代划时代意义，是把思想和行动统一到党的十九大精神上来的重要思想认识基础。"
)
YOUTH_START = (
    "中国特色社会主义进入新时代，这是我国发展新的历史方位。让中国特色社会主义展现出更加强大"
    "生命力，要求全党同志"
)


def test_a_line_over_a_title_and_its_byline_heads_that_title_s_article() -> None:
    # The line over 深刻理解… shares more words with the text before it, which breaks off
    # mid-sentence (it goes on in a column elsewhere); set over a title and its byline, it is
    # that article's title line all the same.
    text = page_of(
        [YOUTH_TITLE],
        set_column(YOUTH_START, 15),
        [VITALITY],
        [MEANING, "刘志明"],
        set_column(MEANING_TEXT, 15),
    )
    items = load_text(text).items
    assert [item.headline for item in items] == [YOUTH_TITLE, f"{VITALITY} {MEANING}"]
    assert items[1].bylines == ("刘志明",)
    assert items[1].paragraphs == (MEANING_TEXT,)


def test_a_headline_after_its_finished_text_stays_with_it_over_another_title() -> None:
    text = page_of(
        set_column(YOUTH, 15),
        [YOUTH_TITLE],
        [MEANING, "刘志明"],
        set_column(MEANING_TEXT, 15),
    )
    items = load_text(text).items
    assert [(item.headline, item.paragraphs) for item in items] == [
        (YOUTH_TITLE, (YOUTH,)),
        (MEANING, (MEANING_TEXT,)),
    ]


FUNERAL_TITLE = "骨灰寄存20年以上免费"
FUNERAL = "为减轻群众丧葬负担，沈阳对困难群众实行基本殡葬服务费用减免政策，减免对象为城乡低保对象。"
ACCIDENT_TITLE = "早市附近发生车祸 民警菜市场揪出逃逸车主"
ACCIDENT = "8旬老人刚出医院大门，就被一无牌照的三轮车撞倒身亡，民警在早市找到了肇事的三轮车主。"


def test_a_byline_printed_as_the_last_line_of_a_text_closes_that_text() -> None:
    text = page_of(
        [FUNERAL_TITLE],
        [*set_column(FUNERAL, 15), "辽沈晚报记者 胡月梅"],
        [ACCIDENT_TITLE],
        set_column(ACCIDENT, 15),
    )
    items = load_text(text).items
    assert [(item.title, item.bylines) for item in items] == [
        (FUNERAL_TITLE, ("辽沈晚报记者 胡月梅",)),
        (ACCIDENT_TITLE, ()),
    ]


POLICE_TITLE = "“铁脚板+笔记本”护平安"
POLICE = (
    "近年来，城关派出所坚持和发展新时代“枫桥经验”，推行社区民警专职化，开展走动式管理，"
    "把群众的事记在笔记本上，逐一对照解决。"
)
POLICE_MORE = "如今，城关派出所每个社区民警的背包里都携带着笔记本，分别记录着社区的人口信息。"
SCAM_KICKER = "金川警方破获一起特大传销案"
SCAM_TITLE = "摧毁一个“投资西部大开发项目”犯罪团伙"
SCAM = (
    "本报讯 8月5日，记者从金昌市公安局金川分局获悉，金川警方破获一起特大传销案，"
    "摧毁一个以“投资西部大开发项目”为幌子的传销犯罪团伙，传销头目已被依法采取强制措施。"
)


def test_a_kicker_set_apart_joins_the_title_of_the_text_it_alone_heads() -> None:
    # pdftotext set the kicker between the columns of another article; its words are all in
    # the text its title heads, and in no other.
    text = page_of(
        [POLICE_TITLE],
        set_column(POLICE, 15),
        [SCAM_KICKER],
        set_column(POLICE_MORE, 15),
        [SCAM_TITLE],
        set_column(SCAM, 15),
    )
    items = load_text(text).items
    assert [(item.headline, item.paragraphs) for item in items] == [
        (POLICE_TITLE, (POLICE, POLICE_MORE)),
        (f"{SCAM_KICKER} {SCAM_TITLE}", (SCAM,)),
    ]


def test_a_series_banner_alone_over_a_column_marks_its_article_and_titles_nothing() -> None:
    # The banner stands over the top of the column that carries the sea article on; pdftotext
    # emitted the article's title and first column further down. The banner is no title: the
    # column joins the article it reads as, and the banner is that article's series.
    banner = "认真学习宣传贯彻党的十九大精神"
    text = page_of(
        [YOUTH_TITLE],
        set_column(YOUTH, 15),
        [banner],
        set_column(SEA_LATER, 15),
        [SEA_TITLE],
        [SEA_SUBTITLE, "周洁"],
        set_column(SEA_START, 15),
    )
    items = load_text(text).items
    assert [(item.title, item.series) for item in items] == [
        (YOUTH_TITLE, None),
        (SEA_TITLE, banner),
    ]
    assert items[1].paragraphs == (SEA_START, SEA_LATER)


def test_a_series_banner_over_a_title_goes_with_it_not_with_the_text_sharing_its_words() -> None:
    # The campaign's words are all over the other article; the banner heads the sea article.
    banner = "深入学习贯彻习近平新时代中国特色社会主义思想"
    campaign = (
        "深入学习贯彻习近平新时代中国特色社会主义思想，是全党的政治任务。党员干部要把学习贯彻"
        "习近平新时代中国特色社会主义思想作为首要任务，学深悟透，真抓实干。"
    )
    text = page_of(
        [YOUTH_TITLE],
        set_column(campaign, 15),
        set_column(YOUTH, 15),
        [banner],
        [SEA_TITLE],
        [SEA_SUBTITLE, "周洁"],
        set_column(SEA_START, 15),
    )
    items = load_text(text).items
    assert [(item.title, item.series) for item in items] == [
        (YOUTH_TITLE, None),
        (SEA_TITLE, banner),
    ]
    assert items[0].paragraphs == (campaign, YOUTH)


def test_the_text_under_a_fragment_joined_elsewhere_goes_along_with_it() -> None:
    # The sea article's first paragraph runs from the foot of one column to the top of the next,
    # which pdftotext emitted after the youth article; the paragraph under that top is the sea
    # article's next one, not the youth article's last.
    start = set_column(SEA_START, 15)
    assert start[1].endswith("建")  # 建|设: 建设 occurs elsewhere on the page
    text = page_of(
        [SEA_TITLE],
        [SEA_SUBTITLE, "周洁"],
        start[:2],
        [YOUTH_TITLE],
        set_column(YOUTH, 15),
        [*start[2:], *set_column(SEA_LATER, 15)],
    )
    items = load_text(text).items
    assert [(item.title, item.paragraphs) for item in items] == [
        (SEA_TITLE, (SEA_START, SEA_LATER)),
        (YOUTH_TITLE, (YOUTH,)),
    ]


def test_the_text_under_a_fragment_joined_elsewhere_is_read_right_after_it() -> None:
    # pdftotext emitted the sea article's last column before the column its first paragraph
    # goes on in: the text under that paragraph's end comes next, the last column after it.
    start = set_column(SEA_START, 15)
    middle = "海洋法律体系建设要坚持陆海统筹，完善海洋基本法律制度，健全海洋执法体制。"
    text = page_of(
        [SEA_TITLE],
        [SEA_SUBTITLE, "周洁"],
        start[:2],
        [YOUTH_TITLE],
        [*set_column(YOUTH, 15), "（作者为北京大学教授）"],
        set_column(SEA_LATER, 15),
        [*start[2:], *set_column(middle, 15)],
    )
    items = load_text(text).items
    assert [(item.title, item.paragraphs) for item in items] == [
        (SEA_TITLE, (SEA_START, middle, SEA_LATER)),
        (YOUTH_TITLE, (YOUTH,)),
    ]


def test_a_series_banner_over_no_text_is_not_lost() -> None:
    # Over no text it marks nothing; it stays where any headline no text took stays.
    banner = "认真学习宣传贯彻党的十九大精神"
    text = page_of([YOUTH_TITLE], set_column(YOUTH, 15), [banner])
    [item] = load_text(text).items
    assert (item.title, item.series, item.paragraphs) == (YOUTH_TITLE, None, (YOUTH, banner))
