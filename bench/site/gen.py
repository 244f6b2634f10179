#!/usr/bin/env python3
"""Deterministic generator of synthetic Huiqi portals (and the same pages as a Hugo site).

    python3 bench/site/gen.py --size medium --out /tmp/bench/medium [--seed 1]

Writes OUT/content (a Huiqi portal in the format of docs content-model.md) and
OUT/hugo (a Hugo site with one Markdown page per product and per policy, the
same fields in front matter, and templates printing them). Same seed, same
bytes: only random.Random(seed) is used, never the clock or the file order.
"""
import argparse
import json
import os
import random
import shutil

SIZES = {
    #          products, policies, institutions, ledgers, events
    "tiny":   (100,      10,       10,           2,       4),
    "test":   (3000,     60,       30,           2,       4),
    "small":  (1000,     100,      20,           4,       10),
    "medium": (10000,    1000,     200,          10,      20),
    "large":  (100000,   10000,    2000,         20,      40),
}

TARGETS = ["小微企业", "个体工商户", "三农", "科技型企业", "专精特新", "外贸企业", "供应链企业", "首贷户", "其他"]
GUARANTEE = ["信用", "保证", "抵押", "质押"]
CATEGORY_LABEL = {"loan": "信贷", "guarantee": "担保", "insurance": "保险", "leasing": "租赁"}
# institution type -> product categories it may offer (PortalCheck ProductRules.allowedTypes)
TYPE_CATEGORY = {"bank": "loan", "microloan": "loan", "fund": "loan", "guarantee": "guarantee",
                 "insurance": "insurance", "leasing": "leasing"}
TYPE_LABEL = {"bank": "银行", "guarantee": "融资担保", "insurance": "保险", "leasing": "融资租赁",
              "microloan": "小额贷款", "fund": "投资基金"}
TYPE_CYCLE = ["bank", "bank", "bank", "bank", "bank", "guarantee", "guarantee", "insurance", "leasing", "microloan"]
LEVELS = ["国家", "省", "市", "区县"]
TOPICS = ["信贷产品超市", "银企对接", "融资担保", "风险补偿", "无还本续贷", "知识产权质押", "科技金融", "首贷培植",
          "供应链金融", "绿色金融", "普惠小微", "外贸融资", "乡村振兴", "贴息", "保险保障", "融资租赁",
          "专精特新", "创业担保贷款", "应急转贷", "信用信息共享"]
MEASURE_KINDS = ["贴息", "担保费补贴", "保费补贴", "风险补偿", "奖励", "续贷", "其他"]
UNITS = ["市地方金融管理局", "市财政局", "市工业和信息化局", "市科技局", "市商务局", "市农业农村局", "市市场监管局",
         "市税务局", "人民银行市分行", "金融监管分局", "市大数据局", "各区县人民政府", "各银行机构", "市融资担保集团"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
PLACES = ["海滨区", "高新区", "开发区", "东城区", "西城区", "南山县", "北湖县", "临港区", "滨江区", "青山县"]
WORDS = ["企业", "融资", "信贷", "担保", "保险", "租赁", "授信", "还款", "利率", "额度", "期限", "审批", "放款",
         "风险", "补偿", "贴息", "政策", "银行", "机构", "服务", "平台", "对接", "名单", "申请", "材料", "流程",
         "小微", "个体工商户", "首贷", "续贷", "信用", "抵押", "质押", "保证", "科技", "创新", "供应链", "订单",
         "应收账款", "知识产权", "绿色", "乡村", "外贸", "汇率", "结算", "数据", "共享", "监测", "考核", "通报"]
CLAUSES = ["鼓励银行机构加大对{w1}{w2}的支持力度", "建立{w1}{w2}工作机制，定期调度推进", "对符合条件的{w1}给予{w2}支持",
           "推动{w1}与{w2}信息共享，提高审批效率", "落实{w1}{w2}尽职免责要求", "完善{w1}{w2}风险分担机制",
           "简化{w1}{w2}办理流程，压缩办理时限", "将{w1}{w2}纳入年度考核评价", "优化{w1}{w2}服务，降低综合融资成本",
           "强化{w1}{w2}宣传解读，提高政策知晓度"]
PRODUCT_STEMS = ["信用贷", "税易贷", "科创贷", "首贷通", "续贷宝", "链融通", "知产贷", "兴农贷", "外贸通", "绿色贷",
                 "设备贷", "订单贷", "仓单贷", "政采贷", "人才贷", "创业贷", "商户贷", "专精贷", "融易保", "担易通"]

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(n):
    """A unified social credit code with a right GB 32100-2015 check character."""
    body = "91379901" + "MA"
    x = n
    for _ in range(7):
        body += ALPHABET[x % 31]
        x //= 31
    s = sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS))
    return body + ALPHABET[(31 - s % 31) % 31]


def q(s):
    """A YAML (and JSON) double-quoted scalar."""
    return json.dumps(s, ensure_ascii=False)


def ylist(key, items, indent=""):
    return f"{indent}{key}:\n" + "".join(f"{indent}  - {q(i)}\n" for i in items)


def date(rng, y0=2025, y1=2026, last=(11, 20)):
    y = rng.randint(y0, y1)
    m = rng.randint(1, 12 if y < y1 else last[0])
    d = rng.randint(1, 28 if (y, m) != (y1, last[0]) else last[1])
    return f"{y:04d}-{m:02d}-{d:02d}"


def sentence(rng, n=1):
    out = []
    for _ in range(n):
        c = rng.choice(CLAUSES).format(w1=rng.choice(WORDS), w2=rng.choice(WORDS))
        out.append(c)
    return "，".join(out) + "。"


def policy_body(rng, title, measures):
    parts = [f"为贯彻落实{title}有关要求，进一步{sentence(rng, 2)}结合本市实际，制定如下措施。\n"]
    sections = ["总体要求", "主要任务", "支持措施", "保障措施", "附则"]
    for si, sec in enumerate(sections):
        parts.append(f"## {'一二三四五'[si]}、{sec}\n")
        if sec == "主要任务":
            for k in range(rng.randint(4, 7)):
                parts.append(f"### （{'一二三四五六七'[k]}）{rng.choice(WORDS)}{rng.choice(WORDS)}行动\n")
                parts.append(sentence(rng, 3) + sentence(rng, 2) + "\n")
                for j in range(rng.randint(3, 5)):
                    parts.append(f"{j + 1}. {sentence(rng, 2)}")
                parts.append("")
        elif sec == "支持措施":
            parts.append("| 措施 | 类型 | 标准 | 责任单位 |\n|---|---|---|---|")
            for m in measures:
                parts.append(f"| {m[0]} | {m[1]} | {m[2]} | {rng.choice(UNITS)} |")
            parts.append("")
            parts.append(sentence(rng, 3) + "\n")
        else:
            for _ in range(rng.randint(2, 3)):
                parts.append(sentence(rng, 4) + "\n")
            for _ in range(rng.randint(3, 5)):
                parts.append(f"- **{rng.choice(WORDS)}{rng.choice(WORDS)}**：{sentence(rng, 2)}")
            parts.append("")
    parts.append(f"本措施自印发之日起施行。如有疑问，请咨询{rng.choice(UNITS)}。")
    return "\n".join(parts) + "\n"


def make_portal(size, seed):
    n_products, n_policies, n_inst, n_ledgers, n_events = SIZES[size]
    rng = random.Random(seed)
    institutions = []
    for i in range(n_inst):
        t = TYPE_CYCLE[i % len(TYPE_CYCLE)]
        place = PLACES[i % len(PLACES)]
        iid = f"{t}-{i:05d}"
        institutions.append({
            "id": iid, "type": t, "gov": t == "guarantee",
            "name": f"示例{place}第{i + 1}{TYPE_LABEL[t]}{'股份有限公司' if t == 'bank' else '有限公司'}",
            "creditCode": credit_code(i + 1), "address": f"示例市{place}金融大街{i + 1}号（示例地址）",
            "phone": f"0535-{10000000 + i:08d}", "website": f"https://{iid}.example.com/", "updated": date(rng),
        })
    policies = []
    for i in range(n_policies):
        pid = f"policy-{i:05d}"
        year = 2019 + i % 7
        issued = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        r = rng.random()
        expires = "长期" if r < 0.4 else (f"{year + rng.randint(1, 9)}-12-31")
        if expires != "长期" and expires < issued:
            expires = "长期"
        measures = [(f"{rng.choice(WORDS)}{rng.choice(WORDS)}{rng.choice(['补贴', '奖励', '支持', '补偿'])}",
                     rng.choice(MEASURE_KINDS), f"最高{rng.randint(1, 100) * 10}万元") for _ in range(rng.randint(3, 6))]
        title = f"示例市关于{rng.choice(WORDS)}{rng.choice(WORDS)}支持中小微企业{rng.choice(['融资', '发展', '纾困'])}的若干措施（第{i + 1}号）"
        policies.append({
            "id": pid, "title": title, "docNumber": f"示金发〔{year}〕{i + 1}号",
            "issuers": rng.sample(UNITS[:11], rng.randint(1, 3)), "issued": issued, "expires": expires,
            "level": LEVELS[i % 4], "topics": rng.sample(TOPICS, rng.randint(2, 5)),
            "responsibleUnits": rng.sample(UNITS, rng.randint(3, 8)), "measures": measures,
            "consultPhone": f"0535-{20000000 + i:08d}", "body": policy_body(rng, title, measures),
        })
    by_category = {}
    for inst in institutions:
        by_category.setdefault(TYPE_CATEGORY[inst["type"]], []).append(inst)
    cats = ["loan"] * 6 + ["guarantee"] * 2 + ["insurance", "leasing"]
    products = []
    for i in range(n_products):
        cat = cats[i % len(cats)]
        insts = by_category[cat]
        inst = insts[(i // len(cats)) % len(insts)]
        stem = rng.choice(PRODUCT_STEMS)
        p = {
            "id": f"{inst['id']}-p{i:06d}", "name": f"{stem}·{i + 1}号", "institution": inst["id"], "category": cat,
            "summary": f"面向{rng.choice(TARGETS)}的{CATEGORY_LABEL[cat]}产品，{sentence(rng)}"[:110],
            "targets": rng.sample(TARGETS, rng.randint(1, 3)),
            "amount": sorted([rng.randint(1, 50) * 10, rng.randint(1, 100) * 10]),
            "termMonths": sorted([rng.choice([3, 6, 12]), rng.choice([12, 24, 36, 60])]),
            "eligibility": [sentence(rng) for _ in range(rng.randint(2, 5))],
            "materials": rng.sample(["营业执照", "法定代表人身份证件", "近一年财务报表", "纳税证明", "公司章程",
                                     "经营场所证明", "抵押物权属证明", "购销合同", "银行流水"], rng.randint(2, 6)),
            "process": ["提交申请", "调查评估", "审查审批", "签订合同", "放款"][:rng.randint(3, 5)],
            "processingDays": rng.randint(1, 20), "repayment": rng.choice(["按月付息，到期还本", "等额本息", "随借随还"]),
            "contact": {"name": f"{rng.choice(SURNAMES)}经理（示例）", "phone": f"0535-{30000000 + i:08d}"},
            "applyURL": f"https://{inst['id']}.example.com/apply/{i}",
            "policies": sorted({policies[rng.randrange(n_policies)]["id"] for _ in range(rng.randint(0, 3))}),
            "updated": date(rng),
            "description": f"{sentence(rng, 2)}\n\n- {sentence(rng)}\n- {sentence(rng)}\n- **{rng.choice(WORDS)}**：{sentence(rng)}\n\n*示例数据：虚构产品。*\n",
        }
        if rng.random() < 0.05:
            p["validUntil"] = f"2026-{rng.randint(1, 10):02d}-15"   # past: 已停办, not listed
        if cat in ("loan", "leasing"):
            lo = round(rng.uniform(2.8, 6.0), 2)
            p["apr"] = [lo, round(lo + rng.uniform(0, 3), 2)]
            p["aprMethod"] = rng.choice(["单利", "复利"])
            p["guaranteeMethods"] = rng.sample(GUARANTEE, rng.randint(1, 3))
        if cat == "guarantee":
            p["amount"] = sorted([rng.randint(1, 50) * 10, rng.randint(1, 100) * 10])   # min <= 500
            p["feeRate"] = rng.choice([0.5, 0.8, 1.0])
            p["guaranteeMethods"] = rng.sample(GUARANTEE, rng.randint(1, 2))
        if cat == "insurance":
            p["premiumRate"] = rng.choice([0.5, 1.0, 1.5, 2.0])
        products.append(p)
    products_by_inst = {}
    for p in products:
        products_by_inst.setdefault(p["institution"], []).append(p["id"])
    ledgers = []
    for i in range(n_ledgers):
        items = []
        for s in range(1, rng.randint(20, 40) + 1):
            due = date(rng, 2025, 2026)
            items.append({"seq": s, "requirement": f"{rng.choice(WORDS)}{rng.choice(WORDS)}专项行动", "task": sentence(rng, 2),
                          "deadline": f"{due[:4]}年{int(due[5:7])}月末前完成", "due": due, "what": sentence(rng),
                          "units": rng.sample(UNITS, 3), "progress": [("2026-11-20", "（示例进展）" + sentence(rng, 2))]})
        ledgers.append({"id": f"ledger-{i:03d}", "title": f"示例市金融服务保障行动计划{'全面' if i % 2 == 0 else '重点'}清单（第{i + 1}批）",
                        "kind": "全面清单" if i % 2 == 0 else "重点清单", "plan": policies[i % n_policies]["id"], "items": items})
    events = []
    for i in range(n_events):
        d = f"{2026 + (i % 3 == 0)}-{(i % 12) + 1:02d}-{(i % 27) + 1:02d}"
        events.append({"id": f"event-{i:03d}", "title": f"银企对接会·{PLACES[i % len(PLACES)]}专场（第{i + 1}期）",
                       "start": f"{d}T14:00:00", "end": f"{d}T17:00:00", "place": f"示例市{PLACES[i % len(PLACES)]}政务服务中心（示例地址）",
                       "organizer": "示例市地方金融管理局", "audience": rng.sample(TARGETS, 2), "description": sentence(rng, 3) + "\n"})
    return institutions, policies, products, products_by_inst, ledgers, events


SITE_YML = """title: 示例市金融综合服务平台（基准测试）
city: 示例市
baseURL: https://jrfw.example.gov.cn/
organizer: 示例市地方金融管理局
contact: 电话 0535-00000000（示例号码）
siteCode: "3799000001"
icp: 鲁ICP备00000000号
psb: 鲁公网安备 37990002000001号
language: zh-CN
description: 基准测试用的合成门户，数据均为虚构。
"""


WRITTEN = set()


def write(path, text):
    """Writes a file unless it already holds `text` (a rerun with the same seed
    then frees no inodes; see run.py on why that matters on this machine)."""
    WRITTEN.add(os.path.abspath(path))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    try:
        with open(path, encoding="utf-8", newline="") as f:
            if f.read() == text:
                return
    except (FileNotFoundError, UnicodeDecodeError):
        pass
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def product_yaml(p):
    y = [f"id: {p['id']}", f"name: {q(p['name'])}", f"institution: {p['institution']}", f"category: {p['category']}",
         f"summary: {q(p['summary'])}"]
    y.append(ylist("targets", p["targets"]).rstrip("\n"))
    if "guaranteeMethods" in p:
        y.append(ylist("guaranteeMethods", p["guaranteeMethods"]).rstrip("\n"))
    y.append(f"amount: {{min: {p['amount'][0]}, max: {p['amount'][1]}}}")
    y.append(f"termMonths: {{min: {p['termMonths'][0]}, max: {p['termMonths'][1]}}}")
    if "apr" in p:
        y.append(f"apr: {{min: {p['apr'][0]}, max: {p['apr'][1]}}}")
        y.append(f"aprMethod: {p['aprMethod']}")
    if "feeRate" in p:
        y.append(f"feeRate: {p['feeRate']}")
    if "premiumRate" in p:
        y.append(f"premiumRate: {p['premiumRate']}")
    for k in ("eligibility", "materials", "process"):
        y.append(ylist(k, p[k]).rstrip("\n"))
    y.append(f"processingDays: {p['processingDays']}")
    y.append(f"repayment: {q(p['repayment'])}")
    y.append(f"contact:\n  name: {q(p['contact']['name'])}\n  phone: {q(p['contact']['phone'])}")
    y.append(f"applyURL: {p['applyURL']}")
    if p["policies"]:
        y.append(ylist("policies", p["policies"]).rstrip("\n"))
    if "validUntil" in p:
        y.append(f"validUntil: {p['validUntil']}")
    y.append(f"updated: {p['updated']}")
    y.append("description: |\n" + "".join(("  " + line if line else "") + "\n" for line in p["description"].rstrip("\n").split("\n")))
    return "\n".join(y).rstrip("\n") + "\n"


def policy_front(p):
    y = [f"id: {p['id']}", f"title: {q(p['title'])}", f"docNumber: {q(p['docNumber'])}", ylist("issuers", p["issuers"]).rstrip("\n"),
         f"issued: {p['issued']}", f"expires: {q(p['expires'])}", f"level: {p['level']}", ylist("topics", p["topics"]).rstrip("\n"),
         ylist("responsibleUnits", p["responsibleUnits"]).rstrip("\n"), "measures:"]
    for m in p["measures"]:
        y.append(f"  - title: {q(m[0])}\n    kind: {m[1]}\n    summary: {q(m[0] + '，' + m[2])}\n    cap: {q(m[2])}")
    y.append(f"consultPhone: {q(p['consultPhone'])}")
    return "\n".join(y) + "\n"


def write_huiqi(out, institutions, policies, products, products_by_inst, ledgers, events):
    c = os.path.join(out, "content")
    write(os.path.join(c, "site.yml"), SITE_YML)
    for inst in institutions:
        y = [f"id: {inst['id']}", f"name: {q(inst['name'])}", f"type: {inst['type']}", f"creditCode: {inst['creditCode']}"]
        if inst["gov"]:
            y.append("governmentBacked: true")
        y += [f"address: {q(inst['address'])}", f"phone: {q(inst['phone'])}", f"website: {inst['website']}", f"updated: {inst['updated']}"]
        write(os.path.join(c, "institutions", inst["id"] + ".yml"), "\n".join(y) + "\n")
        if inst["type"] == "bank":
            own = products_by_inst.get(inst["id"], [])
            d = [f"institution: {inst['id']}", "published: 2026-06-30", "authorization:"]
            for lvl, amt in (("网点", 30), ("支行", 300), ("分行", 3000), ("总行", 20000)):
                d.append(f"  - business: 小微企业信用贷款\n    level: {lvl}\n    maxAmount: {amt}")
            d.append("credit:")
            for k, pid in enumerate(own[:3] or [None]):
                d.append(f"  - business: 小微企业贷款（第{k + 1}类）" + (f"\n    product: {pid}" if pid else ""))
                d.append("    conditions:\n      - 合规持续经营、有真实融资需求、信用状况良好\n      - 企业及实际控制人无不良信用记录")
            d.append("acceptance:\n  materials:\n    - 借款申请书\n    - 营业执照\n    - 近一年财务报表\n  process:")
            d.append("    - step: 受理并一次性告知所需资料\n      workingDays: 1\n    - step: 审查审批\n      workingDays: 4")
            d.append("  replyWorkingDays: 3\n  decisionDays: 15\n  channels:\n    - 营业网点\n    - 手机银行")
            d.append("exemption:\n  scope: 小微企业贷款各环节信贷人员\n  exempt:\n    - 已按制度履职，贷款因不可抗力形成不良的")
            d.append("  notExempt:\n    - 违反法律法规和监管规定的\n  procedure:\n    - 业务部门发起申请\n    - 认定委员会审议\n  nplTolerance: 3")
            write(os.path.join(c, "disclosures", inst["id"] + ".yml"), "\n".join(d) + "\n")
    for p in policies:
        write(os.path.join(c, "policies", p["id"] + ".md"), "---\n" + policy_front(p) + "---\n\n" + p["body"])
    for p in products:
        write(os.path.join(c, "products", p["id"] + ".yml"), product_yaml(p))
    for l in ledgers:
        y = [f"title: {q(l['title'])}", f"kind: {l['kind']}", f"plan: {l['plan']}", "items:"]
        for it in l["items"]:
            y.append(f"  - seq: {it['seq']}\n    requirement: {q(it['requirement'])}\n    task: {q(it['task'])}\n    deadline: {q(it['deadline'])}")
            y.append(f"    milestones:\n      - due: {it['due']}\n        what: {q(it['what'])}")
            y.append("    units:\n" + "".join(f"      - {q(u)}\n" for u in it["units"]).rstrip("\n"))
            y.append("    progress:\n" + "".join(f"      - date: {d}\n        text: {q(t)}\n" for d, t in it["progress"]).rstrip("\n"))
        write(os.path.join(c, "ledgers", l["id"] + ".yml"), "\n".join(y) + "\n")
    for e in events:
        y = [f"title: {q(e['title'])}", f"start: {q(e['start'])}", f"end: {q(e['end'])}", f"place: {q(e['place'])}",
             f"organizer: {q(e['organizer'])}", ylist("audience", e["audience"]).rstrip("\n"),
             "description: |\n  " + e["description"].rstrip("\n")]
        write(os.path.join(c, "events", e["id"] + ".yml"), "\n".join(y) + "\n")
    write(os.path.join(c, "pages", "about.md"), "---\ntitle: 关于本平台\norder: 1\n---\n\n基准测试用的合成门户。\n\n## 说明\n\n- 数据均为虚构。\n")


# ---------------------------------------------------------------- Hugo

# The build date run.py passes to Huiqi (--date); policy status (有效/即将到期/已失效) is computed
# against it here, since Hugo has no such rule of its own.
BUILD_DATE = "2026-11-23"
EXPIRING_SOON_DAYS = 90   # Huiqi's site.rules.expiringSoonDays default
# Huiqi's ASCII URL segments (Sources/PortalSite/Views/Labels.swift), so the Hugo site has the same list URLs.
TARGET_SLUG = {"小微企业": "small", "个体工商户": "individual", "三农": "rural", "科技型企业": "tech", "专精特新": "specialised",
               "外贸企业": "trade", "供应链企业": "supply-chain", "首贷户": "first-loan", "其他": "other"}
GUARANTEE_SLUG = {"信用": "credit", "保证": "surety", "抵押": "mortgage", "质押": "pledge"}
LEVEL_SLUG = {"国家": "national", "省": "province", "市": "city", "区县": "county"}
STATUS_LABEL = {"active": "有效", "expiring": "即将到期", "expired": "已失效", "pending": "未施行"}
TOPIC_SLUG = {t: str(i + 1) for i, t in enumerate(TOPICS)}


def policy_status(p, today=BUILD_DATE):
    """Huiqi's Policy.status(on:expiringSoonDays:)."""
    import datetime
    if today < p["issued"]:
        return "pending"
    if p["expires"] == "长期":
        return "active"
    if p["expires"] < today:
        return "expired"
    days = (datetime.date.fromisoformat(p["expires"]) - datetime.date.fromisoformat(today)).days
    return "expiring" if days <= EXPIRING_SOON_DAYS else "active"


HUGO_CONFIG = """baseURL: https://jrfw.example.gov.cn/
locale: zh-CN
title: 示例市金融综合服务平台（基准测试）
disableKinds: [rss]
enableRobotsTXT: true
pagination:
  pagerSize: 24
  path: page
  disableAliases: true
outputFormats:
  poster:
    mediaType: text/html
    baseName: poster
    isHTML: true
    permalinkable: false
outputs:
  home: [html, json]
  section: [html]
  taxonomy: [html]
  term: [html]
taxonomies:
  category: categories
  target: targets
  guarantee: guarantees
  institution: institutions
  topic: topics
  level: levels
  status: statuses
permalinks:
  term:
    categories: /products/category/:slug/
    targets: /products/for/:slug/
    guarantees: /products/guarantee/:slug/
    topics: /policies/topic/:slug/
    levels: /policies/level/:slug/
    statuses: /policies/status/:slug/
markup:
  goldmark:
    renderer:
      unsafe: false
params:
  city: 示例市
  organizer: 示例市地方金融管理局
  contact: 电话 0535-00000000（示例号码）
  icp: 鲁ICP备00000000号
"""

BASEOF = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} - {{ site.Title }}</title><link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "style.css" | relURL }}"></head>
<body><a class="skip" href="#main">跳到正文</a>
{{ partialCached "nav.html" . }}
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer><p>主办单位：{{ site.Params.organizer }} · {{ site.Params.contact }}</p><p><a href="https://beian.miit.gov.cn/">{{ site.Params.icp }}</a></p></footer>
</body></html>
"""

NAV = """<header><p class="site-title"><a href="{{ "/" | relURL }}">{{ site.Title }}</a></p><nav><ul>
<li><a href="{{ "/" | relURL }}">首页</a></li><li><a href="{{ "/products/" | relURL }}">金融产品</a></li>
<li><a href="{{ "/policies/" | relURL }}">惠企政策</a></li><li><a href="{{ "/institutions/" | relURL }}">金融机构</a></li>
</ul></nav></header>
"""

CARD = """<li class="card"><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
<p class="card-meta"><span class="tag">{{ .Params.categoryLabel }}</span> {{ .Params.institutionName }}</p>
<p>{{ .Params.summary }}</p><dl>{{ with .Params.apr }}<dt>年化利率</dt><dd>{{ .min }}%–{{ .max }}%</dd>{{ end }}
<dt>额度</dt><dd>{{ .Params.amount.min }}–{{ .Params.amount.max }} 万元</dd><dt>期限</dt><dd>{{ .Params.termMonths.min }}–{{ .Params.termMonths.max }} 个月</dd>
<dt>办理时限</dt><dd>{{ .Params.processingDays }} 个工作日</dd></dl>
<p>{{ range .Params.targetNames }}<span class="chip">{{ . }}</span> {{ end }}</p></li>
"""

# One QR code per product (images.QR, Hugo >= 0.141): a PNG resource written beside the product page,
# shown on the page (twice, as Huiqi's page does: folded for phones and in the aside) and on the poster.
QR = """{{ images.QR .Permalink (dict "level" "medium" "scale" 4 "targetDir" (strings.Trim .RelPermalink "/")) }}"""

PRODUCT_SINGLE = """{{ define "main" }}{{ $qr := """ + QR[3:-3] + """ }}<article class="product">
<nav class="crumbs"><a href="{{ "/" | relURL }}">首页</a> › <a href="{{ "/products/" | relURL }}">金融产品</a> › <a href="{{ printf "/products/category/%s/" .Params.category | relURL }}">{{ .Params.categoryLabel }}</a></nav>
<h1>{{ .Title }}</h1>
<p class="card-meta"><span class="tag">{{ .Params.categoryLabel }}</span> <a href="{{ printf "/institutions/%s/" .Params.institution | relURL }}">{{ .Params.institutionName }}</a></p>
<p class="lead">{{ .Params.summary }}</p>
<dl class="key-facts">{{ with .Params.apr }}<dt>年化利率</dt><dd><strong>{{ .min }}%–{{ .max }}%</strong> {{ $.Params.aprMethod }}</dd>{{ end }}
{{ with .Params.feeRate }}<dt>担保费率</dt><dd>{{ . }}%/年</dd>{{ end }}{{ with .Params.premiumRate }}<dt>保费费率</dt><dd>{{ . }}%</dd>{{ end }}
<dt>额度</dt><dd>{{ .Params.amount.min }}–{{ .Params.amount.max }} 万元</dd><dt>期限</dt><dd>{{ .Params.termMonths.min }}–{{ .Params.termMonths.max }} 个月</dd>
<dt>办理时限</dt><dd>{{ .Params.processingDays }} 个工作日</dd>{{ with .Params.guaranteeMethods }}<dt>担保方式</dt><dd>{{ range $i, $g := . }}{{ if $i }}、{{ end }}<a href="{{ printf "/products/guarantee/%s/" (index $.Params.guarantees $i) | relURL }}">{{ $g }}</a>{{ end }}</dd>{{ end }}
<dt>还款方式</dt><dd>{{ .Params.repayment }}</dd></dl>
<p><a class="button" href="{{ .Params.applyURL }}">在线申请</a></p>
<aside class="qr"><p>手机扫码打开本页</p><img class="qr-code" src="{{ $qr.RelPermalink }}" width="{{ $qr.Width }}" height="{{ $qr.Height }}" alt="{{ .Title }}二维码">
<p>{{ .Permalink }}</p><p>下载二维码：<a href="{{ $qr.RelPermalink }}" download>PNG</a> · <a href="poster.html">打印宣传海报</a></p></aside>
<details class="qr-fold"><summary>分享本页二维码</summary><img class="qr-code" src="{{ $qr.RelPermalink }}" width="{{ $qr.Width }}" height="{{ $qr.Height }}" alt="{{ .Title }}二维码">
<p>请他人用手机扫码打开本页。下载：<a href="{{ $qr.RelPermalink }}" download>PNG</a> · <a href="poster.html">打印宣传海报</a></p></details>
<section><h2>适用对象</h2><ul>{{ range $i, $t := .Params.targetNames }}<li><a href="{{ printf "/products/for/%s/" (index $.Params.targets $i) | relURL }}">{{ $t }}</a></li>{{ end }}</ul></section>
<section><h2>申请条件</h2><ul>{{ range .Params.eligibility }}<li>{{ . }}</li>{{ end }}</ul></section>
<section><h2>所需材料</h2><ul>{{ range .Params.materials }}<li>{{ . }}</li>{{ end }}</ul></section>
<section><h2>办理流程</h2><ol>{{ range .Params.process }}<li>{{ . }}</li>{{ end }}</ol></section>
<section><h2>产品介绍</h2><div class="prose">{{ .Content }}</div></section>
<section><h2>相关政策</h2>{{ with .Params.policies }}<ul>{{ range . }}{{ with site.GetPage (printf "/policies/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>（{{ .Params.docNumber }}）</li>{{ end }}{{ end }}</ul>{{ else }}<p>暂无关联政策。</p>{{ end }}</section>
<section><h2>联系与申请</h2><dl><dt>所属机构</dt><dd><a href="{{ printf "/institutions/%s/" .Params.institution | relURL }}">{{ .Params.institutionName }}</a></dd>
<dt>联系人</dt><dd>{{ .Params.contact.name }}</dd><dt>联系电话</dt><dd><a href="tel:{{ .Params.contact.phone }}">{{ .Params.contact.phone }}</a></dd><dt>地址</dt><dd>{{ .Params.institutionAddress }}</dd>
{{ with .Params.validUntil }}<dt>有效期至</dt><dd>{{ . }}</dd>{{ end }}<dt>更新日期</dt><dd>{{ .Params.updated }}</dd></dl>
<p><a class="button" href="{{ .Params.applyURL }}">在线申请</a></p></section></article>{{ end }}
"""

PRODUCT_POSTER = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }} 宣传海报 - {{ site.Title }}</title></head><body class="poster">
{{ $qr := """ + QR[3:-3] + """ }}<p>{{ site.Title }}</p><h1>{{ .Title }}</h1><p>{{ .Params.institutionName }}</p>
<dl>{{ with .Params.apr }}<dt>年化利率</dt><dd>{{ .min }}%–{{ .max }}%{{ with $.Params.aprMethod }}（{{ . }}）{{ end }}</dd>{{ end }}
<dt>额度</dt><dd>{{ .Params.amount.min }}–{{ .Params.amount.max }} 万元</dd><dt>期限</dt><dd>{{ .Params.termMonths.min }}–{{ .Params.termMonths.max }} 个月</dd></dl>
<p>{{ .Params.summary }}</p><ul>{{ range .Params.targetNames }}<li>{{ . }}</li>{{ end }}</ul>
<figure><img class="qr-code" src="{{ $qr.RelPermalink }}" width="{{ $qr.Width }}" height="{{ $qr.Height }}" alt="{{ .Title }}二维码"><figcaption>微信或手机浏览器扫码，查看详情并在线申请</figcaption></figure>
<p>{{ .Permalink }}</p><p>咨询电话：{{ .Params.contact.phone }}</p><p><a href="./">返回产品页</a></p></body></html>
"""

POLICY_SINGLE = """{{ define "main" }}<article class="policy"><h1>{{ .Title }}</h1>
<dl class="meta"><dt>文号</dt><dd>{{ .Params.docNumber }}</dd><dt>发文机关</dt><dd>{{ delimit .Params.issuers "、" }}</dd>
<dt>印发日期</dt><dd>{{ .Params.issued }}</dd><dt>有效期至</dt><dd>{{ .Params.expires }}</dd>
<dt>状态</dt><dd><a href="{{ printf "/policies/status/%s/" (index .Params.statuses 0) | relURL }}">{{ .Params.statusName }}</a></dd>
<dt>政策层级</dt><dd><a href="{{ printf "/policies/level/%s/" (index .Params.levels 0) | relURL }}">{{ .Params.level }}</a></dd>
<dt>主题</dt><dd>{{ range $i, $t := .Params.topicNames }}<a href="{{ printf "/policies/topic/%s/" (index $.Params.topics $i) | relURL }}">{{ $t }}</a> {{ end }}</dd>
<dt>责任单位</dt><dd>{{ delimit .Params.responsibleUnits "、" }}</dd><dt>咨询电话</dt><dd>{{ .Params.consultPhone }}</dd></dl>
<section><h2>支持措施</h2><table><thead><tr><th>措施</th><th>类型</th><th>标准</th></tr></thead><tbody>
{{ range .Params.measures }}<tr><td>{{ .title }}</td><td>{{ .kind }}</td><td>{{ .cap }}</td></tr>{{ end }}</tbody></table></section>
<nav class="toc">{{ .TableOfContents }}</nav><div class="prose">{{ .Content }}</div></article>{{ end }}
"""

POLICY_ROW = """<li class="policy-row"><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span>{{ .Params.docNumber }}</span> <span>{{ .Params.level }}</span> <span>{{ .Params.statusName }}</span> <time>{{ .Params.issued }}</time> <span>{{ .Params.expires }}</span></li>
"""

# Pager: 24 a page (pagination.pagerSize), page 1 at the list's URL, page/N/ after it, as Huiqi's lists.
# The numbered links are a window around the current page, looked up by index (no walk over all pagers).
PAGER = """{{ if gt .TotalPages 1 }}{{ $cur := .PageNumber }}{{ $pagers := .Pagers }}<nav class="pager" aria-label="分页">
{{ if .HasPrev }}<a href="{{ .First.URL }}">首页</a> <a href="{{ .Prev.URL }}" rel="prev">上一页</a>{{ end }}
{{ range seq (cond (gt $cur 3) (sub $cur 2) 1) (cond (lt (add $cur 2) .TotalPages) (add $cur 2) .TotalPages) }}{{ $p := index $pagers (sub . 1) }}{{ if eq . $cur }}<span aria-current="page">{{ . }}</span>{{ else }}<a href="{{ $p.URL }}">{{ . }}</a>{{ end }} {{ end }}
{{ if .HasNext }}<a href="{{ .Next.URL }}" rel="next">下一页</a> <a href="{{ .Last.URL }}">末页</a>{{ end }}</nav>{{ end }}
<p class="pager-info">第 {{ .PageNumber }} / {{ .TotalPages }} 页 · 共 {{ .TotalNumberOfElements }} 条</p>
"""

# The catalogue's browse-by block (counts per category, target group, guarantee method), rendered once.
FACETS = """<nav class="facets"><h2>按类别和适用对象浏览</h2>
{{ range slice (slice "categories" "按类别") (slice "targets" "按适用对象") (slice "guarantees" "按担保方式") }}<h3>{{ index . 1 }}</h3><ul>{{ range (index site.Taxonomies (index . 0)).Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}（{{ len .Page.Pages }}）</a></li>{{ end }}</ul>
{{ end }}</nav>
"""

LIST = """{{ define "main" }}{{ $pager := .Paginate .Pages }}<h1>{{ .Title }}</h1><p>共 {{ len .Pages }} 项</p>
{{ if eq .Section "policies" }}<ul class="policy-list">{{ range $pager.Pages }}{{ partialCached "policy-row.html" . .RelPermalink }}{{ end }}</ul>
{{ else }}{{ partialCached "facets.html" . }}<ul class="cards">{{ range $pager.Pages }}{{ partialCached "product-card.html" . .RelPermalink }}{{ end }}</ul>{{ end }}
{{ partial "pager.html" $pager }}{{ end }}
"""

TERM = """{{ define "main" }}{{ $pager := .Paginate .Pages }}<h1>{{ .Title }}</h1>{{ with .Params.address }}<p>{{ . }}</p>{{ end }}{{ with .Params.phone }}<p>电话 {{ . }}</p>{{ end }}<p>共 {{ len .Pages }} 项</p>
{{ if eq .Data.Plural "categories" "targets" "guarantees" }}{{ partialCached "facets.html" . }}{{ end }}
<ul class="cards">{{ range $pager.Pages }}{{ if eq .Section "policies" }}{{ partialCached "policy-row.html" . .RelPermalink }}{{ else }}{{ partialCached "product-card.html" . .RelPermalink }}{{ end }}{{ end }}</ul>
{{ partial "pager.html" $pager }}{{ end }}
"""

TAXONOMY = """{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
"""

HOME = """{{ define "main" }}<h1>{{ site.Title }}</h1>
<section><h2>最新政策</h2><ul>{{ range first 5 (where site.RegularPages "Section" "policies").ByDate.Reverse }}{{ partialCached "policy-row.html" . .RelPermalink }}{{ end }}</ul></section>
<section><h2>产品</h2><ul class="cards">{{ range first 6 (where site.RegularPages "Section" "products") }}{{ partialCached "product-card.html" . .RelPermalink }}{{ end }}</ul></section>{{ end }}
"""

# The search index (index.json): listed products, policies and institutions, each with a kind, a
# title, a URL and the text to search, as Huiqi's search-index.json "docs" (without its "terms").
HOME_JSON = """{"docs":[{{ range $i, $p := where site.RegularPages "Section" "products" }}{{ if $i }},{{ end }}{"k":{{ printf "产品·%s" $p.Params.categoryLabel | jsonify }},"s":{{ printf "%s %s %s %s" $p.Params.institutionName $p.Params.summary (delimit $p.Params.targetNames " ") (delimit ($p.Params.guaranteeMethods | default slice) " ") | jsonify }},"t":{{ $p.Title | jsonify }},"u":{{ $p.RelPermalink | jsonify }}}{{ end }}
{{ range where site.RegularPages "Section" "policies" }},{"k":"政策","s":{{ printf "%s %s %s" .Params.docNumber (delimit .Params.issuers " ") (delimit .Params.topicNames " ") | jsonify }},"t":{{ .Title | jsonify }},"u":{{ .RelPermalink | jsonify }}}{{ end }}
{{ range site.Taxonomies.institutions }},{"k":{{ printf "机构·%s" .Page.Params.typeLabel | jsonify }},"s":{{ .Page.Params.address | jsonify }},"t":{{ .Page.Title | jsonify }},"u":{{ .Page.RelPermalink | jsonify }}}{{ end }}]}
"""


def hugo_front(d):
    """Front matter as JSON-compatible YAML flow values: one key a line."""
    return "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in d.items())


def write_hugo(out, institutions, policies, products):
    h = os.path.join(out, "hugo")
    write(os.path.join(h, "hugo.yaml"), HUGO_CONFIG)
    write(os.path.join(h, "static", "style.css"), "body{font-family:sans-serif}\n")
    # Hugo >= 0.146 template layout (the old layouts/_default/taxonomy.html is taken for the term page there).
    L = os.path.join(h, "layouts")
    for name, text in (("baseof.html", BASEOF), ("section.html", LIST), ("term.html", TERM), ("taxonomy.html", TAXONOMY),
                       ("page.html", '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n'),
                       ("home.html", HOME), ("home.json", HOME_JSON),
                       ("products/page.html", PRODUCT_SINGLE), ("products/page.poster.html", PRODUCT_POSTER),
                       ("policies/page.html", POLICY_SINGLE),
                       ("_partials/nav.html", NAV), ("_partials/product-card.html", CARD), ("_partials/policy-row.html", POLICY_ROW),
                       ("_partials/pager.html", PAGER), ("_partials/facets.html", FACETS)):
        write(os.path.join(L, name), text)
    c = os.path.join(h, "content")
    write(os.path.join(c, "_index.md"), "---\ntitle: 首页\n---\n")
    write(os.path.join(c, "products", "_index.md"), "---\ntitle: 金融产品超市\n---\n")
    write(os.path.join(c, "policies", "_index.md"), "---\ntitle: 惠企政策\n---\n")
    write(os.path.join(c, "institutions", "_index.md"), "---\ntitle: 金融机构\n---\n")
    # Term pages keyed by Huiqi's ASCII slugs, titled in Chinese. Huiqi has no page listing the
    # terms of these taxonomies (the catalogue and policy list carry them), so Hugo renders none.
    terms = {"categories": CATEGORY_LABEL, "targets": {v: k for k, v in TARGET_SLUG.items()},
             "guarantees": {v: k for k, v in GUARANTEE_SLUG.items()}, "levels": {v: k for k, v in LEVEL_SLUG.items()},
             "topics": {v: k for k, v in TOPIC_SLUG.items()}, "statuses": STATUS_LABEL}
    used = {"categories": {p["category"] for p in products}, "targets": {TARGET_SLUG[t] for p in products for t in p["targets"]},
            "guarantees": {GUARANTEE_SLUG[g] for p in products for g in p.get("guaranteeMethods", [])},
            "levels": {LEVEL_SLUG[p["level"]] for p in policies}, "topics": {TOPIC_SLUG[t] for p in policies for t in p["topics"]},
            "statuses": {policy_status(p) for p in policies}}
    for tax, titles in terms.items():
        write(os.path.join(c, tax, "_index.md"), "---\ntitle: " + tax + "\nbuild:\n  render: never\n  list: never\n---\n")
        for slug, title in titles.items():
            if slug not in used[tax]:
                continue
            write(os.path.join(c, tax, slug, "_index.md"), "---\n" + hugo_front({"title": title, "slug": slug}) + "---\n")
    inst_by_id = {i["id"]: i for i in institutions}
    for inst in institutions:
        write(os.path.join(c, "institutions", inst["id"], "_index.md"),
              "---\n" + hugo_front({"title": inst["name"], "type_": inst["type"], "typeLabel": TYPE_LABEL[inst["type"]],
                                    "creditCode": inst["creditCode"], "address": inst["address"], "phone": inst["phone"],
                                    "website": inst["website"], "updated": inst["updated"]}) + "---\n")
    for p in policies:
        status = policy_status(p)
        fm = {"title": p["title"], "date": p["issued"], "docNumber": p["docNumber"], "issuers": p["issuers"],
              "issued": p["issued"], "expires": p["expires"], "level": p["level"], "levels": [LEVEL_SLUG[p["level"]]],
              "statuses": [status], "statusName": STATUS_LABEL[status],
              "topics": [TOPIC_SLUG[t] for t in p["topics"]], "topicNames": p["topics"], "responsibleUnits": p["responsibleUnits"],
              "measures": [{"title": m[0], "kind": m[1], "cap": m[2]} for m in p["measures"]],
              "consultPhone": p["consultPhone"]}
        write(os.path.join(c, "policies", p["id"] + ".md"), "---\n" + hugo_front(fm) + "---\n\n" + p["body"])
    for p in products:
        inst = inst_by_id[p["institution"]]
        fm = {"title": p["name"], "institution": p["institution"], "institutionName": inst["name"],
              "institutionAddress": inst["address"], "institutions": [p["institution"]], "category": p["category"],
              "categoryLabel": CATEGORY_LABEL[p["category"]], "categories": [p["category"]], "summary": p["summary"],
              "targets": [TARGET_SLUG[t] for t in p["targets"]], "targetNames": p["targets"],
              "amount": {"min": p["amount"][0], "max": p["amount"][1]},
              "termMonths": {"min": p["termMonths"][0], "max": p["termMonths"][1]}}
        if "guaranteeMethods" in p:
            fm["guaranteeMethods"] = p["guaranteeMethods"]
            fm["guarantees"] = [GUARANTEE_SLUG[g] for g in p["guaranteeMethods"]]
        for k in ("feeRate", "premiumRate", "aprMethod"):
            if k in p:
                fm[k] = p[k]
        if "apr" in p:
            fm["apr"] = {"min": p["apr"][0], "max": p["apr"][1]}
        for k in ("eligibility", "materials", "process", "processingDays", "repayment", "contact", "applyURL", "policies", "updated"):
            fm[k] = p[k]
        if "validUntil" in p:   # discontinued: page still built, but not listed (as in Huiqi)
            fm["validUntil"] = p["validUntil"]
            fm["build"] = {"list": "never"}
        fm["outputs"] = ["html", "poster"]
        write(os.path.join(c, "products", p["id"] + ".md"), "---\n" + hugo_front(fm) + "---\n\n" + p["description"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", choices=sorted(SIZES), default="small")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--no-hugo", action="store_true")
    a = ap.parse_args()
    data = make_portal(a.size, a.seed)
    write_huiqi(a.out, *data)
    if not a.no_hugo:
        write_hugo(a.out, data[0], data[1], data[2])
    # Whatever an earlier run left that this one did not write goes.
    for sub in ("content", "hugo"):
        for d, _, files in os.walk(os.path.join(a.out, sub)):
            for f in files:
                if os.path.abspath(os.path.join(d, f)) not in WRITTEN:
                    os.remove(os.path.join(d, f))
    print(f"{a.size}: {len(data[2])} products, {len(data[1])} policies, {len(data[0])} institutions -> {a.out}")


if __name__ == "__main__":
    main()
