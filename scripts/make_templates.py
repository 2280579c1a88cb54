#!/usr/bin/env python3
"""Generates the roadmap templates: resources/templates/<name>.<ru|en>.json.

Run with `.venv/bin/python scripts/make_templates.py`. Each template is written once here
in both languages side by side (a pair ("русский", "English") per text), so the two
translations always have the same road. Templates carry no dates, no people and no
progress: every node is `planned`; ids are readable and get replaced by fresh ones when a
template is instantiated (accountmap.storage.templates.load_template).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from content_kit import RESOURCES, Road, write_json  # noqa: E402

OUTPUT_DIR = RESOURCES / "templates"
LANGS = ("ru", "en")

OWNERS = {
    "kam": ("Менеджер клиента", "Account manager"),
    "presale": ("Пресейл-инженер", "Presales engineer"),
    "arch": ("Архитектор решения", "Solution architect"),
    "pm": ("Руководитель проекта", "Project manager"),
    "director": ("Директор по продажам", "Sales director"),
    "engineer": ("Инженер по применению", "Application engineer"),
    "service": ("Сервисный инженер", "Service engineer"),
    "consultant": ("Ведущий консультант", "Lead consultant"),
    "partner": ("Партнёр", "Engagement partner"),
}

Pair = tuple[str, str]


class Template:
    """A road written once in both languages; `road(lang)` builds one of them."""

    def __init__(self, name: str, title: Pair, description: Pair) -> None:
        self.name = name
        self.title = title
        self.description = description
        self.nodes: list[dict] = []
        self.edges: list[tuple] = []

    def add(self, key: str, kind: str, title: Pair, *, row: int = 0, stage: str | None = None,
            owner: str = "", desc: Pair = ("", ""), criteria: list[Pair] = ()) -> None:
        self.nodes.append(dict(key=key, kind=kind, title=title, row=row, stage=stage,
                               owner=owner, desc=desc, criteria=list(criteria)))

    def cp(self, key, title, desc, criteria, *, row=0, stage=None, owner="kam"):
        self.add(key, "checkpoint", title, row=row, stage=stage, owner=owner, desc=desc,
                 criteria=criteria)

    def dc(self, key, title, desc=("", ""), *, row=0, stage=None, owner="kam"):
        self.add(key, "decision", title, row=row, stage=stage, owner=owner, desc=desc)

    def edge(self, a: str, b: str, outcome: Pair = ("", ""), loop: bool = False) -> None:
        self.edges.append((a, b, outcome, loop))

    def chain(self, *keys: str) -> None:
        for a, b in zip(keys, keys[1:]):
            self.edge(a, b)

    def road(self, lang: str):
        i = LANGS.index(lang)
        r = Road()
        for n in self.nodes:
            r.node(n["key"], n["kind"], n["title"][i], row=n["row"], stage=n["stage"],
                   owner=OWNERS[n["owner"]][i] if n["owner"] else "",
                   description=n["desc"][i], criteria=[c[i] for c in n["criteria"]])
        for a, b, outcome, loop in self.edges:
            r.edge(a, b, outcome[i], loop=loop,
                   id_=f"e-{a}--repeat" if loop else None)
        return r.build()

    def document(self, lang: str) -> dict:
        i = LANGS.index(lang)
        return {
            "format": "accountmap-template",
            "version": 1,
            "name": self.title[i],
            "language": lang,
            "description": self.description[i],
            "roadmap": self.road(lang).model_dump(mode="json"),
        }


# ---------------------------------------------------------------- (a) IT / integration
def it_integration() -> Template:
    t = Template(
        "it_integration",
        ("Сложная ИТ-интеграция", "Complex IT / integration sale"),
        ("Продажа корпоративной системы с интеграцией: аудит текущего решения, пилот (POC), "
         "тендер или прямой договор, внедрение первой очереди.",
         "Selling an enterprise system with integration: audit of the current solution, "
         "proof of concept, tender or direct contract, first-phase roll-out."),
    )
    t.add("start", "start", ("Старт: первый сигнал интереса", "Start: first sign of interest"),
          stage="awareness", owner="kam")
    t.cp("cp-first-meeting", ("Первая встреча с ИТ-руководителем", "First meeting with the IT head"),
         ("Знакомство, ИТ-ландшафт, первые гипотезы о боли.",
          "Introductions, IT landscape, first hypotheses about the pain."),
         [("Названы 2–3 главные проблемы", "Two or three main problems named"),
          ("Договорились о следующей встрече", "Next meeting agreed")], stage="awareness")
    t.cp("cp-pain", ("Боль подтверждена бизнесом", "Pain confirmed by the business"),
         ("Пользователи и руководители подтверждают проблему в цифрах.",
          "Users and managers confirm the problem in numbers."),
         [("Потери оценены в деньгах или часах", "Losses estimated in money or hours"),
          ("Руководитель подразделения признал проблему", "A department head acknowledged it")],
         stage="interest")
    t.cp("cp-sponsor", ("Спонсор проекта найден", "Project sponsor found"),
         ("Человек с полномочиями, который ведёт проект внутри.",
          "Someone with authority who drives the project inside."),
         [("Спонсор подтвердил роль", "Sponsor confirmed the role"),
          ("Проект в планах компании", "Project is in the company's plans")], stage="desire")
    t.cp("cp-map", ("Карта клиента составлена", "Account map drawn"),
         ("Центры решений, роли, отношение, открытые вопросы.",
          "Decision centres, roles, attitudes, open questions."),
         [("Все центры решений и их интересы описаны", "All decision centres and interests described"),
          ("Для каждого ЛПР есть наш ответственный", "Every decision maker has an owner on our side"),
          ("Карта сверена с коучем", "Map checked with the coach")], stage="desire")
    t.cp("cp-discovery", ("Диагностическая сессия", "Diagnostic session"),
         ("Совместный разбор процессов и потерь с ключевыми пользователями.",
          "A joint review of processes and losses with key users."),
         [("Карта потерь согласована", "Loss map agreed"),
          ("Топ-5 требований записаны", "Top five requirements written down")],
         stage="study", owner="presale")
    t.cp("cp-landscape", ("Описан текущий ИТ-ландшафт", "Current IT landscape described"),
         ("Системы, интеграции, владельцы данных.", "Systems, integrations, data owners."),
         [("Схема систем и потоков данных", "Diagram of systems and data flows"),
          ("Известны владельцы систем", "System owners known")], stage="study", owner="arch")
    t.dc("dc-audit", ("Нужен аудит текущего решения?", "Audit of the current solution needed?"),
         ("Без аудита оценка интеграции и миграции — гадание.",
          "Without an audit the integration estimate is guesswork."), stage="study")
    t.cp("cp-audit-scope", ("Объём и цена аудита согласованы", "Audit scope and price agreed"),
         ("Платный аудит — первая небольшая сделка.", "A paid audit is the first small deal."),
         [("Договор на аудит подписан", "Audit contract signed"),
          ("Сроки и состав работ утверждены", "Timeline and scope approved")],
         row=-1, stage="study")
    t.cp("cp-audit-access", ("Доступ к системам для аудита", "Access to systems for the audit"),
         ("Учётные записи только на чтение, NDA.", "Read-only accounts, NDA."),
         [("NDA подписан", "NDA signed"), ("Доступы выданы", "Access granted")],
         row=-1, stage="study", owner="arch")
    t.cp("cp-audit-run", ("Аудит проведён", "Audit carried out"),
         ("Интервью, обследование, анализ данных.", "Interviews, survey, data analysis."),
         [("Все интервью проведены", "All interviews held"),
          ("Карта интеграций построена", "Integration map drawn")],
         row=-1, stage="study", owner="arch")
    t.cp("cp-audit-report", ("Отчёт аудита защищён", "Audit report defended"),
         ("Риски, рекомендации, целевая архитектура.", "Risks, recommendations, target architecture."),
         [("Протокол защиты подписан", "Defence minutes signed"),
          ("Рекомендации приняты заказчиком", "Recommendations accepted by the client")],
         row=-1, stage="study", owner="arch")
    t.cp("cp-requirements", ("Требования собраны", "Requirements gathered"),
         ("Функциональные и нефункциональные требования с приоритетами.",
          "Functional and non-functional requirements with priorities."),
         [("Требования подписаны владельцами процессов", "Requirements signed by process owners"),
          ("Приоритеты согласованы", "Priorities agreed")], stage="study", owner="presale")
    t.cp("cp-concept", ("Концепция решения", "Solution concept"),
         ("Что внедряем, в каком порядке, с какими интеграциями.",
          "What we implement, in which order, with which integrations."),
         [("Концепция одобрена ИТ", "Concept approved by IT"),
          ("Этапы и очереди определены", "Phases defined")], stage="comparison", owner="arch")
    t.cp("cp-architecture", ("Целевая архитектура согласована", "Target architecture agreed"),
         ("Схема интеграций, требования к инфраструктуре.",
          "Integration design, infrastructure requirements."),
         [("Архитектура утверждена архитектурным комитетом", "Architecture approved by the board"),
          ("Требования к инфраструктуре переданы", "Infrastructure needs handed over")],
         stage="comparison", owner="arch")
    t.cp("cp-business-case", ("Предварительный бизнес-кейс", "Preliminary business case"),
         ("Эффект и окупаемость на данных клиента.", "Benefits and payback on the client's data."),
         [("Эффект посчитан на цифрах клиента", "Benefits computed on the client's numbers"),
          ("Финансисты проверили расчёт", "Finance checked the calculation")],
         stage="comparison")
    t.dc("dc-poc", ("Нужен пилот (POC)?", "Proof of concept (POC) needed?"),
         ("Клиент хочет увидеть эффект до решения по бюджету.",
          "The client wants to see the effect before committing budget."), stage="comparison")
    t.cp("cp-poc-kpi", ("Цели и KPI пилота согласованы", "POC goals and KPIs agreed"),
         ("Измеримые критерии успеха и базовая линия.", "Measurable success criteria and a baseline."),
         [("KPI записаны и подписаны", "KPIs written and signed"),
          ("Базовая линия зафиксирована", "Baseline recorded")], row=-1, stage="comparison", owner="pm")
    t.cp("cp-poc-agreement", ("Соглашение о пилоте", "POC agreement"),
         ("Условия, сроки, кто что предоставляет.", "Terms, timeline, who provides what."),
         [("Соглашение подписано", "Agreement signed"),
          ("Команды с обеих сторон назначены", "Teams named on both sides")],
         row=-1, stage="comparison")
    t.cp("cp-poc-env", ("Стенд и данные готовы", "Environment and data ready"),
         ("Инфраструктура, доступы, тестовые данные.", "Infrastructure, access, test data."),
         [("Стенд доступен", "Environment available"),
          ("Данные загружены", "Data loaded")], row=-1, stage="comparison", owner="arch")
    t.cp("cp-poc-run", ("Пилот проведён", "POC carried out"),
         ("Пользователи работают в системе по программе пилота.",
          "Users work in the system following the POC plan."),
         [("Все сценарии пилота пройдены", "All POC scenarios run"),
          ("Еженедельный отчёт по KPI", "Weekly KPI report")], row=-1, stage="comparison", owner="pm")
    t.cp("cp-poc-results", ("Результаты пилота защищены", "POC results defended"),
         ("Сравнение с базовой линией, отзывы пользователей.",
          "Comparison with the baseline, user feedback."),
         [("Отчёт о пилоте принят", "POC report accepted"),
          ("Бизнес-кейс пересчитан", "Business case updated")], row=-1, stage="comparison", owner="pm")
    t.dc("dc-poc-ok", ("Пилот подтвердил критерии?", "Did the POC meet the criteria?"),
         row=-1, stage="comparison", owner="pm")
    t.add("lost-poc", "lost", ("Проигрыш: пилот не доказал эффект",
                               "Lost: the POC did not prove the effect"), row=-2, stage="comparison")
    t.cp("cp-demo-data", ("Демонстрация на данных клиента", "Demo on the client's data"),
         ("Вместо пилота — показ сценариев на реальных данных.",
          "Instead of a POC, scenarios shown on real data."),
         [("Демонстрация проведена", "Demo held"),
          ("Замечания записаны", "Feedback recorded")], row=1, stage="comparison", owner="presale")
    t.cp("cp-ref-visit", ("Референс-визит", "Reference visit"),
         ("Визит к клиенту с похожей задачей.", "A visit to a client with a similar case."),
         [("Визит проведён", "Visit held"),
          ("Отзыв референса получен", "Reference feedback received")], row=1, stage="comparison")
    t.cp("cp-tech-decision", ("Техническое решение принято", "Technical decision made"),
         ("Технический комитет рекомендует решение.", "The technical committee recommends us."),
         [("Протокол техкомитета", "Technical committee minutes"),
          ("Альтернативы сравнены письменно", "Alternatives compared in writing")],
         stage="comparison")
    t.cp("cp-security", ("Требования ИБ согласованы", "Security requirements agreed"),
         ("Служба безопасности согласовала схему и подрядчика.",
          "Security approved the design and the vendor."),
         [("Опросник ИБ принят", "Security questionnaire accepted"),
          ("Схема доступа согласована", "Access design approved")], stage="comparison", owner="arch")
    t.cp("cp-tco", ("ТКО согласована с финансами", "TCO agreed with finance"),
         ("Полная стоимость владения на 5 лет и график платежей.",
          "Five-year total cost of ownership and payment schedule."),
         [("Финансовая модель принята", "Financial model accepted"),
          ("Окупаемость в пределах требований", "Payback within the threshold")],
         stage="comparison")
    t.cp("cp-budget", ("Бюджет подтверждён", "Budget confirmed"),
         ("Проект в бюджете или инвестпрограмме.", "The project is in the budget or investment plan."),
         [("Решение бюджетного комитета", "Budget committee decision"),
          ("Сумма покрывает предложение", "Amount covers the proposal")], stage="comparison")
    t.cp("cp-exec", ("Презентация первому лицу", "Presentation to the CEO"),
         ("Эффект, сроки, риски и команда на одной странице.",
          "Benefits, timeline, risks and team on one page."),
         [("Первое лицо поддержало проект", "The CEO backs the project"),
          ("Назначен куратор", "A steering owner is named")], stage="comparison", owner="director")
    t.cp("cp-proposal", ("Коммерческое предложение направлено", "Commercial proposal sent"),
         ("Цена, этапы, условия.", "Price, phases, terms."),
         [("КП отправлено", "Proposal sent"),
          ("Получена обратная связь", "Feedback received")], stage="comparison")
    t.dc("dc-tender", ("Будет тендер?", "Will there be a tender?"),
         ("Регламент закупок клиента может требовать конкурентной процедуры.",
          "The client's procurement rules may require a competitive procedure."),
         stage="comparison")
    t.cp("cp-tender-spec", ("Участие в формировании ТЗ", "Input to the tender specification"),
         ("Наши критерии и результаты пилота в техническом задании.",
          "Our criteria and POC results in the specification."),
         [("Критерии учтены в ТЗ", "Criteria included in the spec"),
          ("Известны веса критериев", "Criteria weights known")], row=-1, stage="comparison",
         owner="presale")
    t.cp("cp-tender-accreditation", ("Аккредитация на площадке", "Accreditation on the platform"),
         ("Регистрация на электронной площадке, обеспечение заявки.",
          "Registration on the e-procurement platform, bid security."),
         [("Аккредитация получена", "Accreditation obtained"),
          ("Обеспечение готово", "Bid security ready")], row=-1, stage="comparison",
         owner="presale")
    t.cp("cp-tender-bid", ("Заявка подана", "Bid submitted"),
         ("Полный пакет документов в срок.", "A complete bid package on time."),
         [("Заявка подана", "Bid submitted"), ("Заявка допущена", "Bid admitted")],
         row=-1, stage="comparison")
    t.cp("cp-tender-defense", ("Защита перед комиссией", "Defence before the committee"),
         ("Демонстрация и ответы на вопросы комиссии.", "Demo and answers to the committee."),
         [("Демонстрация проведена", "Demo held"),
          ("Переторжка пройдена", "Re-bidding passed")], row=-1, stage="comparison")
    t.dc("dc-tender-result", ("Итог тендера", "Tender result"), row=-1, stage="comparison")
    t.add("lost-tender", "lost", ("Проигрыш: тендер у конкурента", "Lost: a competitor won the tender"),
          row=-2, stage="comparison")
    t.cp("cp-single-source", ("Обоснование закупки у единственного поставщика",
                              "Single-source justification"),
         ("Документ для закупок по итогам пилота или аудита.",
          "A memo for procurement based on the POC or audit."),
         [("Записка согласована", "Memo approved"),
          ("Закупки согласны", "Procurement agrees")], row=1, stage="action")
    t.cp("cp-negotiation", ("Переговоры по цене и условиям", "Price and terms negotiated"),
         ("Цена, график оплаты, ответственность сторон.",
          "Price, payment schedule, liabilities."),
         [("Цена согласована", "Price agreed"),
          ("Условия оплаты согласованы", "Payment terms agreed")], row=1, stage="action")
    t.cp("cp-contract-legal", ("Проект договора согласован", "Contract draft agreed"),
         ("Юристы и служба безопасности закрыли разногласия.",
          "Lawyers and security closed the open points."),
         [("Протокол разногласий закрыт", "Open points closed"),
          ("Приложения согласованы", "Annexes agreed")], stage="action")
    t.cp("cp-contract-signed", ("Договор подписан", "Contract signed"),
         ("Подписи и аванс.", "Signatures and advance payment."),
         [("Договор подписан", "Contract signed"), ("Аванс получен", "Advance received")],
         stage="action")
    t.cp("cp-kickoff", ("Старт проекта внедрения", "Implementation kick-off"),
         ("Устав, рабочая группа, план-график.", "Charter, working group, schedule."),
         [("Устав утверждён", "Charter approved"),
          ("Рабочая группа назначена", "Working group named")], stage="action", owner="pm")
    t.cp("cp-go-live", ("Запуск в эксплуатацию", "Go-live"),
         ("Первая очередь работает в промышленной эксплуатации.",
          "The first phase runs in production."),
         [("Пользователи обучены", "Users trained"),
          ("Система в эксплуатации", "System in production")], stage="first_deal", owner="pm")
    t.cp("cp-acceptance", ("Приёмка первой очереди", "First phase accepted"),
         ("Акт приёмки и подтверждённый эффект.", "Acceptance certificate and proven benefits."),
         [("Акт подписан", "Certificate signed"),
          ("Эффект подтверждён", "Benefits confirmed"),
          ("Клиент готов быть референсом", "Client willing to be a reference")],
         stage="first_deal", owner="pm")
    t.add("won", "won", ("Победа: первая очередь сдана", "Won: first phase delivered"),
          stage="first_deal")

    t.chain("start", "cp-first-meeting", "cp-pain", "cp-sponsor", "cp-map", "cp-discovery",
            "cp-landscape", "dc-audit")
    t.edge("dc-audit", "cp-audit-scope", ("Да, аудит", "Yes, audit"))
    t.edge("dc-audit", "cp-requirements", ("Нет", "No"))
    t.chain("cp-audit-scope", "cp-audit-access", "cp-audit-run", "cp-audit-report",
            "cp-requirements", "cp-concept", "cp-architecture", "cp-business-case", "dc-poc")
    t.edge("dc-poc", "cp-poc-kpi", ("Да, пилот", "Yes, POC"))
    t.edge("dc-poc", "cp-demo-data", ("Нет, хватит демонстрации", "No, a demo is enough"))
    t.chain("cp-poc-kpi", "cp-poc-agreement", "cp-poc-env", "cp-poc-run", "cp-poc-results",
            "dc-poc-ok")
    t.edge("dc-poc-ok", "cp-tech-decision", ("Да", "Yes"))
    t.edge("dc-poc-ok", "cp-poc-run", ("Повторить пилот", "Repeat the POC"), loop=True)
    t.edge("dc-poc-ok", "lost-poc", ("Нет", "No"))
    t.chain("cp-demo-data", "cp-ref-visit", "cp-tech-decision", "cp-security", "cp-tco",
            "cp-budget", "cp-exec", "cp-proposal", "dc-tender")
    t.edge("dc-tender", "cp-tender-spec", ("Да, тендер", "Yes, tender"))
    t.edge("dc-tender", "cp-single-source", ("Нет, прямой договор", "No, direct contract"))
    t.chain("cp-tender-spec", "cp-tender-accreditation", "cp-tender-bid", "cp-tender-defense",
            "dc-tender-result")
    t.edge("dc-tender-result", "cp-contract-legal", ("Победа", "Won"))
    t.edge("dc-tender-result", "lost-tender", ("Проигрыш", "Lost"))
    t.chain("cp-single-source", "cp-negotiation", "cp-contract-legal", "cp-contract-signed",
            "cp-kickoff", "cp-go-live", "cp-acceptance", "won")
    return t


# ---------------------------------------------------------------- (b) industrial equipment
def industrial_equipment() -> Template:
    t = Template(
        "industrial_equipment",
        ("Продажа промышленного оборудования", "Industrial equipment sale"),
        ("Поставка оборудования: обследование площадки, испытания, лизинг или собственные "
         "средства, изготовление, монтаж и пусконаладка.",
         "Equipment supply: site survey, trials, leasing or own funds, manufacturing, "
         "installation and commissioning."),
    )
    t.add("start", "start", ("Старт: запрос на оборудование", "Start: equipment enquiry"),
          stage="interest", owner="kam")
    t.cp("cp-first-contact", ("Первый контакт с главным инженером", "First contact with the chief engineer"),
         ("Задача, производство, существующий парк оборудования.",
          "The task, the production, the installed base."),
         [("Понятна производственная задача", "Production task understood"),
          ("Известен срок, к которому нужно оборудование", "Required date known")],
         stage="interest")
    t.cp("cp-need", ("Потребность подтверждена", "Need confirmed"),
         ("Производительность, материалы, режим работы.", "Throughput, materials, duty cycle."),
         [("Параметры записаны", "Parameters written down"),
          ("Бюджетный ориентир назван", "Budget range named")], stage="desire", owner="engineer")
    t.cp("cp-specs", ("Технические требования", "Technical requirements"),
         ("Опросный лист заполнен заказчиком.", "The client filled in the questionnaire."),
         [("Опросный лист получен", "Questionnaire received"),
          ("Ограничения площадки известны", "Site constraints known")],
         stage="study", owner="engineer")
    t.dc("dc-survey", ("Нужно обследование площадки?", "Site survey needed?"),
         ("Фундамент, коммуникации, логистика ввоза.", "Foundations, utilities, access for delivery."),
         stage="study", owner="engineer")
    t.cp("cp-survey-visit", ("Выезд на площадку", "Site visit"),
         ("Замеры, фото, встреча с энергетиком и механиком.",
          "Measurements, photos, meeting with utilities and maintenance."),
         [("Замеры выполнены", "Measurements taken"),
          ("Ограничения ввоза выявлены", "Delivery constraints found")],
         row=-1, stage="study", owner="engineer")
    t.cp("cp-survey-report", ("Отчёт обследования", "Survey report"),
         ("Требования к фундаменту и подключению.", "Foundation and connection requirements."),
         [("Отчёт передан заказчику", "Report handed over"),
          ("Требования к площадке согласованы", "Site requirements agreed")],
         row=-1, stage="study", owner="engineer")
    t.cp("cp-config", ("Конфигурация и ТКП", "Configuration and technical proposal"),
         ("Состав оборудования, опции, производительность.",
          "Equipment scope, options, throughput."),
         [("ТКП отправлено", "Technical proposal sent"),
          ("Опции согласованы", "Options agreed")], stage="comparison", owner="engineer")
    t.cp("cp-tech-approval", ("Техническое согласование", "Technical approval"),
         ("Главный инженер подтверждает соответствие требованиям.",
          "The chief engineer confirms the fit."),
         [("ТКП согласовано главным инженером", "Proposal approved by the chief engineer"),
          ("Сравнение с конкурентами в нашу пользу", "Comparison with competitors in our favour")],
         stage="comparison")
    t.dc("dc-trials", ("Нужны испытания?", "Trials needed?"),
         ("Испытания на материале заказчика снимают технический риск.",
          "Trials on the client's material remove the technical risk."), stage="comparison")
    t.cp("cp-trial-program", ("Программа испытаний", "Trial programme"),
         ("Образцы, режимы, критерии приёмки.", "Samples, modes, acceptance criteria."),
         [("Программа утверждена", "Programme approved"),
          ("Образцы получены", "Samples received")], row=-1, stage="comparison", owner="engineer")
    t.cp("cp-trial-run", ("Испытания проведены", "Trials carried out"),
         ("На демо-площадке или у заказчика, в присутствии технологов.",
          "At our demo centre or on site, with the client's engineers."),
         [("Все режимы отработаны", "All modes run"),
          ("Технологи заказчика присутствовали", "Client's engineers attended")],
         row=-1, stage="comparison", owner="engineer")
    t.cp("cp-trial-report", ("Протокол испытаний подписан", "Trial report signed"),
         ("Результаты против критериев.", "Results against the criteria."),
         [("Протокол подписан", "Report signed"),
          ("Критерии выполнены", "Criteria met")], row=-1, stage="comparison", owner="engineer")
    t.cp("cp-reference", ("Референс-визит на действующее оборудование", "Reference visit to a running machine"),
         ("Визит на предприятие, где оборудование уже работает.",
          "A visit to a plant where the machine already runs."),
         [("Визит проведён", "Visit held"),
          ("Отзыв эксплуатации получен", "Operator feedback received")], row=1, stage="comparison")
    t.cp("cp-commercial", ("Коммерческое предложение", "Commercial offer"),
         ("Цена, сроки изготовления, условия поставки (Incoterms), гарантия.",
          "Price, lead time, delivery terms (Incoterms), warranty."),
         [("КП отправлено", "Offer sent"),
          ("Получена обратная связь", "Feedback received")], stage="comparison")
    t.cp("cp-negotiation", ("Переговоры о цене и сроках", "Price and lead-time negotiation"),
         ("Скидки, график платежей, штрафы за срыв сроков.",
          "Discounts, payment schedule, penalties for delay."),
         [("Цена согласована", "Price agreed"),
          ("График платежей согласован", "Payment schedule agreed")], stage="action")
    t.dc("dc-financing", ("Нужно финансирование или лизинг?", "Financing or leasing needed?"),
         ("Оплата из собственных средств, через лизинг или кредит.",
          "Paid from own funds, via leasing or a loan."), stage="action")
    t.cp("cp-leasing-app", ("Заявка в лизинговую компанию", "Leasing application"),
         ("Пакет документов заказчика и спецификация.", "The client's documents and the specification."),
         [("Заявка подана", "Application filed"),
          ("Лизингодатель получил спецификацию", "Lessor has the specification")],
         row=-1, stage="action")
    t.cp("cp-leasing-approval", ("Лизинг одобрен", "Leasing approved"),
         ("Решение кредитного комитета лизингодателя.", "The lessor's credit committee approves."),
         [("Одобрение получено", "Approval received"),
          ("Трёхсторонний договор согласован", "Three-party contract agreed")],
         row=-1, stage="action")
    t.add("lost-financing", "lost", ("Проигрыш: нет финансирования", "Lost: no financing"),
          row=1, stage="action")
    t.cp("cp-contract", ("Договор поставки подписан", "Supply contract signed"),
         ("Спецификация, сроки, гарантия, шеф-монтаж.",
          "Specification, lead time, warranty, supervision."),
         [("Договор подписан", "Contract signed"),
          ("Спецификация — приложение к договору", "Specification annexed")], stage="action")
    t.cp("cp-prepayment", ("Аванс получен", "Advance payment received"),
         ("Запуск изготовления.", "Manufacturing starts."),
         [("Аванс на счёте", "Advance received"),
          ("Заказ запущен в производство", "Order released to the factory")], stage="action")
    t.cp("cp-fat", ("Изготовление и заводские испытания (FAT)", "Manufacturing and FAT"),
         ("Приёмка на заводе-изготовителе с представителем заказчика.",
          "Factory acceptance with the client's representative."),
         [("FAT пройдены", "FAT passed"),
          ("Протокол FAT подписан", "FAT report signed")], stage="first_deal", owner="service")
    t.cp("cp-delivery", ("Поставка на площадку", "Delivery to site"),
         ("Отгрузка, таможня, ввоз в цех.", "Shipping, customs, moving in."),
         [("Оборудование на площадке", "Equipment on site"),
          ("Комплектность проверена", "Completeness checked")], stage="first_deal", owner="service")
    t.cp("cp-commissioning", ("Монтаж и пусконаладка", "Installation and commissioning"),
         ("Шеф-монтаж, пусконаладка, обучение персонала.",
          "Supervised installation, commissioning, operator training."),
         [("Оборудование запущено", "Equipment running"),
          ("Персонал обучен", "Operators trained")], stage="first_deal", owner="service")
    t.cp("cp-acceptance", ("Приёмка (SAT)", "Site acceptance (SAT)"),
         ("Работа на заявленной производительности.", "Running at the promised throughput."),
         [("Акт ввода подписан", "Commissioning certificate signed"),
          ("Производительность подтверждена", "Throughput confirmed")],
         stage="first_deal", owner="service")
    t.add("won", "won", ("Победа: оборудование в работе", "Won: equipment in operation"),
          stage="first_deal")

    t.chain("start", "cp-first-contact", "cp-need", "cp-specs", "dc-survey")
    t.edge("dc-survey", "cp-survey-visit", ("Да, выезд", "Yes, site visit"))
    t.edge("dc-survey", "cp-config", ("Нет, данных достаточно", "No, data is enough"))
    t.chain("cp-survey-visit", "cp-survey-report", "cp-config", "cp-tech-approval", "dc-trials")
    t.edge("dc-trials", "cp-trial-program", ("Да, испытания", "Yes, trials"))
    t.edge("dc-trials", "cp-reference", ("Нет, референс-визит", "No, a reference visit"))
    t.chain("cp-trial-program", "cp-trial-run", "cp-trial-report", "cp-commercial")
    t.chain("cp-reference", "cp-commercial", "cp-negotiation", "dc-financing")
    t.edge("dc-financing", "cp-leasing-app", ("Да, лизинг", "Yes, leasing"))
    t.edge("dc-financing", "cp-contract", ("Нет, собственные средства", "No, own funds"))
    t.edge("dc-financing", "lost-financing", ("Финансирования нет", "No financing"))
    t.chain("cp-leasing-app", "cp-leasing-approval", "cp-contract", "cp-prepayment", "cp-fat",
            "cp-delivery", "cp-commissioning", "cp-acceptance", "won")
    return t


# ---------------------------------------------------------------- (c) consulting
def consulting() -> Template:
    t = Template(
        "consulting",
        ("Консалтинговый проект", "Consulting engagement"),
        ("Консалтинг: диагностическая сессия, пилотный проект, основной проект и следующий "
         "этап.",
         "Consulting: diagnostic session, pilot project, the main engagement and the next "
         "phase."),
    )
    t.add("start", "start", ("Старт: знакомство", "Start: introduction"), stage="awareness",
          owner="partner")
    t.cp("cp-intro", ("Встреча с первым лицом", "Meeting with the CEO"),
         ("Цели компании, боли, ожидания от консультантов.",
          "Company goals, pains, expectations of consultants."),
         [("Названа ключевая проблема", "Key problem named"),
          ("Согласован следующий шаг", "Next step agreed")], stage="interest", owner="partner")
    t.cp("cp-request", ("Запрос сформулирован", "Request framed"),
         ("Что должно измениться и как это измерить.", "What must change and how to measure it."),
         [("Запрос записан и подтверждён", "Request written and confirmed"),
          ("Определены метрики успеха", "Success metrics defined")],
         stage="desire", owner="consultant")
    t.dc("dc-diagnostic", ("Нужна диагностическая сессия?", "Diagnostic session needed?"),
         ("Клиент готов к диагностике — признак стадии изучения.",
          "Readiness for a diagnostic is a sign of the study stage."), stage="study")
    t.cp("cp-diag-prep", ("Подготовка диагностики", "Diagnostic preparation"),
         ("Интервью, данные, состав участников.", "Interviews, data, participants."),
         [("Интервью проведены", "Interviews held"),
          ("Данные получены", "Data received")], row=-1, stage="study", owner="consultant")
    t.cp("cp-diag-session", ("Диагностическая сессия", "Diagnostic session"),
         ("Рабочая сессия с командой клиента.", "A working session with the client's team."),
         [("Сессия проведена", "Session held"),
          ("Гипотезы приоритизированы", "Hypotheses prioritised")],
         row=-1, stage="study", owner="consultant")
    t.cp("cp-diag-findings", ("Выводы диагностики презентованы", "Diagnostic findings presented"),
         ("Карта проблем и потенциал улучшений.", "Problem map and improvement potential."),
         [("Выводы приняты руководством", "Findings accepted by management"),
          ("Потенциал оценён в деньгах", "Potential estimated in money")],
         row=-1, stage="study", owner="partner")
    t.cp("cp-proposal", ("Предложение: цели, подход, команда", "Proposal: goals, approach, team"),
         ("Объём работ, этапы, команда, стоимость.", "Scope, phases, team, fees."),
         [("Предложение отправлено", "Proposal sent"),
          ("Обратная связь получена", "Feedback received")], stage="comparison", owner="partner")
    t.cp("cp-sponsor", ("Одобрение спонсора", "Sponsor approval"),
         ("Спонсор поддерживает проект и выделяет команду.",
          "The sponsor backs the project and names a team."),
         [("Спонсор подтвердил поддержку", "Sponsor confirmed support"),
          ("Команда клиента назначена", "Client team named")], stage="comparison", owner="partner")
    t.dc("dc-pilot", ("Нужен пилотный проект?", "Pilot project needed?"),
         ("Пилот на одном подразделении снижает риск для клиента.",
          "A pilot in one unit lowers the client's risk."), stage="comparison", owner="partner")
    t.cp("cp-pilot-scope", ("Рамки пилота согласованы", "Pilot scope agreed"),
         ("Подразделение, сроки, метрики.", "Unit, timeline, metrics."),
         [("Рамки подписаны", "Scope signed"),
          ("Метрики пилота определены", "Pilot metrics defined")],
         row=-1, stage="comparison", owner="consultant")
    t.cp("cp-pilot-run", ("Пилот выполнен", "Pilot carried out"),
         ("Изменения внедрены в пилотном подразделении.", "Changes made in the pilot unit."),
         [("Мероприятия выполнены", "Actions completed"),
          ("Метрики измерены", "Metrics measured")], row=-1, stage="comparison", owner="consultant")
    t.cp("cp-pilot-results", ("Результаты пилота", "Pilot results"),
         ("Эффект и уроки для тиражирования.", "Effect and lessons for the roll-out."),
         [("Эффект подтверждён клиентом", "Effect confirmed by the client"),
          ("План тиражирования согласован", "Roll-out plan agreed")],
         row=-1, stage="comparison", owner="partner")
    t.add("lost-not-ready", "lost", ("Проигрыш: клиент не готов", "Lost: client not ready"),
          row=1, stage="comparison")
    t.cp("cp-contract", ("Договор на проект", "Engagement contract"),
         ("Объём, этапы, оплата по результатам этапов.", "Scope, phases, payment per phase."),
         [("Договор подписан", "Contract signed"),
          ("Аванс получен", "Advance received")], stage="action", owner="partner")
    t.cp("cp-kickoff", ("Запуск проекта", "Project kick-off"),
         ("Совместная команда, план, правила работы.", "Joint team, plan, ways of working."),
         [("План проекта утверждён", "Project plan approved"),
          ("Регулярные встречи назначены", "Regular meetings set")],
         stage="action", owner="consultant")
    t.cp("cp-interim", ("Промежуточный отчёт", "Interim report"),
         ("Первые результаты и корректировка плана.", "First results and plan adjustments."),
         [("Отчёт принят", "Report accepted"),
          ("Корректировки согласованы", "Adjustments agreed")], stage="action", owner="consultant")
    t.cp("cp-final", ("Итоговый отчёт и приёмка", "Final report and acceptance"),
         ("Результаты против метрик, акт приёмки.", "Results against metrics, acceptance."),
         [("Акт подписан", "Acceptance signed"),
          ("Метрики достигнуты", "Metrics achieved")], stage="first_deal", owner="partner")
    t.cp("cp-next-phase", ("План следующего этапа", "Next-phase plan"),
         ("Что дальше: тиражирование, сопровождение, новый проект.",
          "What next: roll-out, support, a new project."),
         [("Предложение на следующий этап", "Next-phase proposal"),
          ("Клиент готов дать рекомендацию", "Client willing to recommend us")],
         stage="satisfaction", owner="partner")
    t.add("won", "won", ("Победа: проект сдан, следующий этап обсуждается",
                         "Won: engagement delivered, next phase in discussion"),
          stage="satisfaction")

    t.chain("start", "cp-intro", "cp-request", "dc-diagnostic")
    t.edge("dc-diagnostic", "cp-diag-prep", ("Да, диагностика", "Yes, diagnostic"))
    t.edge("dc-diagnostic", "cp-proposal", ("Нет, задача ясна", "No, the task is clear"))
    t.chain("cp-diag-prep", "cp-diag-session", "cp-diag-findings", "cp-proposal", "cp-sponsor",
            "dc-pilot")
    t.edge("dc-pilot", "cp-pilot-scope", ("Да, пилот", "Yes, pilot"))
    t.edge("dc-pilot", "cp-contract", ("Нет, сразу проект", "No, straight to the project"))
    t.edge("dc-pilot", "lost-not-ready", ("Клиент не готов", "Client not ready"))
    t.chain("cp-pilot-scope", "cp-pilot-run", "cp-pilot-results", "cp-contract", "cp-kickoff",
            "cp-interim", "cp-final", "cp-next-phase", "won")
    return t


TEMPLATES = (it_integration, industrial_equipment, consulting)


def main() -> int:
    for make in TEMPLATES:
        template = make()
        for lang in LANGS:
            doc = template.document(lang)
            path = OUTPUT_DIR / f"{template.name}.{lang}.json"
            write_json(doc, path)
            nodes = doc["roadmap"]["nodes"]
            print(f"{path.name}: {sum(n['kind'] == 'checkpoint' for n in nodes)} checkpoints, "
                  f"{sum(n['kind'] == 'decision' for n in nodes)} crossroads")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
