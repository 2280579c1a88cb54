#!/usr/bin/env python3
"""Generates the built-in demo workspace: resources/demo/demo.json.

Run with `.venv/bin/python scripts/make_demo.py`. The output is deterministic (readable,
stable ids; no random values), so a diff of demo.json shows exactly what content changed.
The story: "today" is 2026-11-23; the KAM of ООО «ПромСофт Интеграция» leads a steel-pipe
plant to an MES/ERP project; the road is mid-way (audit done, the pilot waits for the
security service's approval), the next meeting is on 2026-11-26.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from content_kit import RESOURCES, Road, d, layout_map, single_active, write_json  # noqa: E402

from accountmap.domain.account_rules import validate_account  # noqa: E402
from accountmap.domain.journey import TWELVE_STATIONS  # noqa: E402
from accountmap.domain.models import (  # noqa: E402
    Account,
    DecisionCentre,
    Interest,
    JourneyEvent,
    JourneyGrid,
    Meeting,
    OpenQuestion,
    Relationship,
    Stakeholder,
    Touchpoint,
)
from accountmap.domain.roadmap_rules import validate_roadmap  # noqa: E402
from accountmap.domain.vocabulary import GridRow  # noqa: E402
from accountmap.domain.workspace import WorkspaceExport  # noqa: E402

OUTPUT = RESOURCES / "demo" / "demo.json"

KAM = "Алексей Морозов"
PRESALE = "Ирина Белова"
PM = "Дмитрий Кузнецов"
ARCHITECT = "Олег Фадеев"
SALES_DIRECTOR = "Сергей Лебедев"


def person(id_, full_name, title, centre, roles, influence, attitude, strength, owner,
           interests, stage, last_contact, email, phone, notes="", contact_notes=""):
    return Stakeholder(
        id=id_, full_name=full_name, title=title, decision_centre_id=centre, roles=roles,
        influence=influence, attitude=attitude, relationship_strength=strength,
        our_owner=owner, interests=[Interest(kind=k, text=t) for k, t in interests],
        journey_stage=stage, last_contact=d(last_contact), email=email, phone=phone,
        notes=notes, contact_notes=contact_notes,
    )


# --------------------------------------------------------------------------- account 1
def uzts_centres() -> list[DecisionCentre]:
    return [
        DecisionCentre(id="dc-top", name="Высшее руководство",
                       interest="Рост выпуска труб без новых капвложений в станы; прозрачная "
                                "себестоимость для акционера; стандарты холдинга."),
        DecisionCentre(id="dc-finance", name="Финансы и экономика",
                       interest="Окупаемость не дольше 3 лет; проект в рамках инвестпрограммы "
                                "2027; предсказуемые платежи, без сюрпризов в ТКО."),
        DecisionCentre(id="dc-it", name="ИТ и цифровизация",
                       interest="Единая архитектура вместо лоскутной 1С:УПП и Excel; "
                                "поддержка силами своей команды; импортонезависимый стек."),
        DecisionCentre(id="dc-production", name="Производство",
                       interest="Меньше простоев станов ТЭСА; прослеживаемость плавки и партии "
                                "до сертификата; меньше бумажной отчётности мастеров."),
        DecisionCentre(id="dc-procurement", name="Закупки",
                       interest="Закупка строго по положению 223-ФЗ; конкурентная процедура "
                                "и обоснованная цена; понятный пакет документов."),
        DecisionCentre(id="dc-security", name="Безопасность",
                       interest="Никаких внешних подключений к сети АСУ ТП; соответствие "
                                "187-ФЗ (КИИ) и приказам ФСТЭК; проверенный подрядчик."),
    ]


def uzts_people() -> list[Stakeholder]:
    return [
        person("sh-gorbunov", "Горбунов Виктор Павлович", "Генеральный директор", "dc-top",
               ["decision_maker"], "high", "neutral", 2, SALES_DIRECTOR,
               [("business", "Выполнить план выпуска 2027 (+12 %) без покупки нового стана"),
                ("personal", "Отчитаться перед советом директоров холдинга проектом-«витриной»"),
                ("pain", "Не видит реальную загрузку цехов: цифры приходят с опозданием на неделю")],
               "desire", "2026-09-10", "v.gorbunov@uzts.ru", "+7 343 210-10-01",
               notes="Решения принимает после рекомендации техдиректора и финдиректора. "
                     "Не любит длинных презентаций: одна страница с цифрами.",
               contact_notes="Через приёмную (Анна Котова), лучше вторник–четверг утром."),
        person("sh-ivanov", "Иванов Андрей Николаевич",
               "Первый заместитель генерального директора — технический директор", "dc-top",
               ["decision_maker", "influencer"], "high", "supporter", 3, KAM,
               [("business", "Поднять ОЕЕ станов ТЭСА с 61 % до 75 %"),
                ("dream", "Цифровой двойник трубного производства к 2028 году"),
                ("personal", "Метит в кресло гендиректора: нужен заметный успех")],
               "comparison", "2026-11-12", "a.ivanov@uzts.ru", "+7 343 210-10-05",
               notes="Спонсор проекта. Просит не обещать сроков, которые мы не удержим."),
        person("sh-orlov", "Орлов Станислав Евгеньевич",
               "Директор по цифровой трансформации УК «ТрубМет Холдинг»", "dc-top",
               ["influencer", "blocker"], "high", "opponent", 1, SALES_DIRECTOR,
               [("business", "Единый стандарт MES для всех заводов холдинга"),
                ("personal", "Лично выбирал платформу конкурента для Северского завода"),
                ("pain", "Зоопарк систем на площадках холдинга")],
               "comparison", "2026-08-20", "s.orlov@trubmet-holding.ru", "+7 495 777-20-30",
               notes="Продвигает решение конкурента («ЦифраПром»). Нейтрализовать через "
                     "результаты пилота и совместимость с корпоративной шиной холдинга."),
        person("sh-sokolova", "Соколова Марина Игоревна", "Финансовый директор", "dc-finance",
               ["economic_buyer"], "high", "sceptic", 2, KAM,
               [("business", "Окупаемость не дольше 36 месяцев, IRR выше 20 %"),
                ("pain", "Прошлое внедрение ERP превысило бюджет на 40 %"),
                ("personal", "Не хочет второй раз защищать перерасход перед холдингом")],
               "interest", "2026-10-05", "m.sokolova@uzts.ru", "+7 343 210-10-12",
               notes="Подпись под бюджетом. Не верит в «эффекты»: только в деньги и сроки."),
        person("sh-zaitsev", "Зайцев Павел Олегович", "Начальник планово-экономического отдела",
               "dc-finance", ["influencer"], "medium", "supporter", 3, PRESALE,
               [("business", "Точная плановая себестоимость по переделам"),
                ("pain", "Закрытие месяца занимает 9 рабочих дней"),
                ("dream", "Ежедневная маржинальность по заказам")],
               "study", "2026-11-02", "p.zaitsev@uzts.ru", "+7 343 210-11-40",
               notes="Готовит для Соколовой финансовую модель: дать ему наши расчёты в Excel."),
        person("sh-petrov", "Петров Константин Сергеевич", "Директор по информационным технологиям",
               "dc-it", ["technical_buyer", "champion"], "high", "champion", 5, KAM,
               [("business", "Заменить устаревшую 1С:УПП 1.3 и 14 самописных модулей"),
                ("personal", "Сильный кейс для конференции CNews и карьерного роста"),
                ("pain", "Команда тонет в доработках, бэклог 320 заявок"),
                ("dream", "Архитектура «одна правда о производстве»")],
               "comparison", "2026-11-19", "k.petrov@uzts.ru", "+7 343 210-12-00",
               notes="Наш коуч: подсказывает, кто и что думает. Беречь, не подставлять."),
        person("sh-lazareva", "Лазарева Елена Викторовна",
               "Руководитель группы корпоративных систем (1С)", "dc-it",
               ["technical_buyer", "influencer"], "medium", "opponent", 1, ARCHITECT,
               [("personal", "Её команда писала доработки УПП — боится потерять роль"),
                ("business", "Миграция без остановки учёта"),
                ("pain", "Ночные выгрузки в Excel для отчётов производства")],
               "study", "2026-10-08", "e.lazareva@uzts.ru", "+7 343 210-12-15",
               notes="Аргумент «доработаем своими силами». Предложить её команде роль "
                     "владельца интеграции и обучение."),
        person("sh-nikitin", "Никитин Роман Андреевич", "Главный архитектор АСУ ТП", "dc-it",
               ["technical_buyer", "user_buyer"], "medium", "supporter", 3, ARCHITECT,
               [("business", "Сбор данных со станов без замены контроллеров"),
                ("pain", "Три разные SCADA на площадке, данные не сходятся"),
                ("dream", "Единый историан данных по всем цехам")],
               "comparison", "2026-11-18", "r.nikitin@uzts.ru", "+7 343 210-12-40"),
        person("sh-kovalenko", "Коваленко Сергей Михайлович", "Директор по производству",
               "dc-production", ["user_buyer", "influencer"], "high", "supporter", 4, KAM,
               [("business", "Снизить внеплановые простои на 30 %"),
                ("pain", "Сменные рапорты на бумаге, план-факт — раз в сутки"),
                ("personal", "Устал оправдываться на планёрках за чужие цифры")],
               "desire", "2026-11-10", "s.kovalenko@uzts.ru", "+7 343 210-13-00"),
        person("sh-fedorov", "Фёдоров Игорь Валентинович",
               "Начальник трубоэлектросварочного цеха № 2", "dc-production",
               ["user_buyer", "champion"], "medium", "champion", 4, PM,
               [("pain", "Простой стана ТЭСА 20-76 — 14 % времени"),
                ("business", "Премия цеха привязана к выполнению плана"),
                ("dream", "Видеть загрузку стана на планшете в реальном времени")],
               "action", "2026-11-20", "i.fedorov@uzts.ru", "+7 343 210-13-22",
               notes="Готов дать цех под пилот; сам собрал статистику простоев за год."),
        person("sh-yakovleva", "Яковлева Ольга Дмитриевна", "Начальник ОТК", "dc-production",
               ["user_buyer", "influencer"], "medium", "neutral", 2, PRESALE,
               [("business", "Прослеживаемость от плавки до сертификата качества"),
                ("pain", "Рекламации «Газпрома» по документации на партии"),
                ("personal", "Опасается лишней нагрузки на контролёров")],
               "study", "2026-10-28", "o.yakovleva@uzts.ru", "+7 343 210-13-50"),
        person("sh-grishin", "Гришин Денис Александрович", "Директор по закупкам",
               "dc-procurement", ["gatekeeper", "decision_maker"], "high", "neutral", 1, KAM,
               [("business", "Процедура по положению о закупках без замечаний аудита"),
                ("pain", "Прошлогодняя жалоба в ФАС по закупке ИТ-услуг"),
                ("personal", "Хочет снижения цены минимум на 10 % от начальной")],
               "interest", "2026-08-28", "d.grishin@uzts.ru", "+7 343 210-14-00",
               notes="Решает, будет ли конкурентная процедура. Контакт не обновлялся с августа."),
        person("sh-romanova", "Романова Анна Сергеевна", "Ведущий специалист тендерного отдела",
               "dc-procurement", ["gatekeeper"], "low", "neutral", 2, PRESALE,
               [("business", "Полный пакет документов участника с первого раза"),
                ("pain", "Неполные заявки поставщиков и переторжки")],
               "awareness", "2026-10-30", "a.romanova@uzts.ru", "+7 343 210-14-18"),
        person("sh-volkov", "Волков Геннадий Петрович",
               "Заместитель генерального директора по безопасности", "dc-security",
               ["blocker", "decision_maker"], "high", "sceptic", 1, SALES_DIRECTOR,
               [("business", "Ни одного внешнего подключения к сети АСУ ТП"),
                ("pain", "Инцидент 2025 года: шифровальщик остановил склад на двое суток"),
                ("personal", "Отвечает лично перед ФСБ и холдингом за КИИ")],
               "interest", "2026-11-18", "g.volkov@uzts.ru", "+7 343 210-15-00",
               notes="Может остановить пилот одним письмом. Говорить на языке угроз и мер."),
        person("sh-tarasov", "Тарасов Максим Юрьевич", "Руководитель отдела информационной безопасности",
               "dc-security", ["technical_buyer", "influencer"], "medium", "neutral", 2, ARCHITECT,
               [("business", "Соответствие 187-ФЗ и приказу ФСТЭК № 239"),
                ("pain", "Нет людей, чтобы проверять каждого подрядчика"),
                ("dream", "Типовая схема безопасного подключения для всех проектов")],
               "study", "2026-11-17", "m.tarasov@uzts.ru", "+7 343 210-15-12",
               notes="Прислал опросник ИБ; ответы приняты. Ключ к позиции Волкова."),
    ]


def uzts_relationships() -> list[Relationship]:
    def r(id_, a, b, kind, strength=3, label=""):
        return Relationship(id=id_, from_id=a, to_id=b, kind=kind, strength=strength, label=label)

    return [
        r("rl-ivanov-gorbunov", "sh-ivanov", "sh-gorbunov", "reports_to"),
        r("rl-sokolova-gorbunov", "sh-sokolova", "sh-gorbunov", "reports_to"),
        r("rl-zaitsev-sokolova", "sh-zaitsev", "sh-sokolova", "reports_to"),
        r("rl-petrov-ivanov", "sh-petrov", "sh-ivanov", "reports_to"),
        r("rl-lazareva-petrov", "sh-lazareva", "sh-petrov", "reports_to"),
        r("rl-nikitin-petrov", "sh-nikitin", "sh-petrov", "reports_to"),
        r("rl-kovalenko-ivanov", "sh-kovalenko", "sh-ivanov", "reports_to"),
        r("rl-fedorov-kovalenko", "sh-fedorov", "sh-kovalenko", "reports_to"),
        r("rl-yakovleva-kovalenko", "sh-yakovleva", "sh-kovalenko", "reports_to"),
        r("rl-grishin-gorbunov", "sh-grishin", "sh-gorbunov", "reports_to"),
        r("rl-romanova-grishin", "sh-romanova", "sh-grishin", "reports_to"),
        r("rl-volkov-gorbunov", "sh-volkov", "sh-gorbunov", "reports_to"),
        r("rl-tarasov-volkov", "sh-tarasov", "sh-volkov", "reports_to"),
        r("rl-orlov-gorbunov", "sh-orlov", "sh-gorbunov", "influences", 5,
          "Продвигает стандарт холдинга (конкурент)"),
        r("rl-sokolova-gorbunov-inf", "sh-sokolova", "sh-gorbunov", "influences", 4,
          "Последнее слово по бюджету"),
        r("rl-petrov-ivanov-inf", "sh-petrov", "sh-ivanov", "influences", 4,
          "Доверенный советник по ИТ"),
        r("rl-fedorov-kovalenko-inf", "sh-fedorov", "sh-kovalenko", "influences", 3,
          "Цифры простоев с участка"),
        r("rl-lazareva-petrov-inf", "sh-lazareva", "sh-petrov", "influences", 2,
          "«Доработаем 1С сами»"),
        r("rl-tarasov-volkov-inf", "sh-tarasov", "sh-volkov", "influences", 4,
          "Экспертиза по КИИ"),
        r("rl-zaitsev-sokolova-inf", "sh-zaitsev", "sh-sokolova", "influences", 3,
          "Готовит модель окупаемости"),
        r("rl-yakovleva-grishin-inf", "sh-yakovleva", "sh-grishin", "influences", 2,
          "Требования к качеству в ТЗ закупки"),
        r("rl-petrov-kovalenko-ally", "sh-petrov", "sh-kovalenko", "ally", 4,
          "Вместе продвигают цифровизацию цехов"),
        r("rl-fedorov-nikitin-ally", "sh-fedorov", "sh-nikitin", "ally", 4,
          "Совместно готовят пилот на ТЭСА 20-76"),
        r("rl-orlov-grishin-ally", "sh-orlov", "sh-grishin", "ally", 3,
          "Холдинг настаивает на тендере"),
        r("rl-lazareva-petrov-conflict", "sh-lazareva", "sh-petrov", "conflict", 3,
          "Спор о будущем 1С на заводе"),
        r("rl-volkov-petrov-conflict", "sh-volkov", "sh-petrov", "conflict", 4,
          "Внешние подключения к АСУ ТП"),
        r("rl-orlov-ivanov-conflict", "sh-orlov", "sh-ivanov", "conflict", 4,
          "Стандарт холдинга против выбора завода"),
    ]


def uzts_questions() -> list[OpenQuestion]:
    def q(id_, text, who, channel, due, status="open", answer=""):
        return OpenQuestion(id=id_, question=text, stakeholder_id=who, channel=channel,
                            due=d(due), status=status, answer=answer)

    return [
        q("oq-sec-network", "Какая схема доступа к пилотному стенду допустима: односторонний шлюз, "
          "DMZ или полностью изолированный контур?", "sh-tarasov", "meeting", "2026-11-26", "asked"),
        q("oq-sec-criteria", "Какие документы и сертификаты ФСТЭК нужны, чтобы СБ выдала допуск "
          "подрядчика к объектам КИИ?", "sh-volkov", "meeting", "2026-11-26"),
        q("oq-budget-line", "Заложен ли проект в инвестпрограмму 2027 и на какую сумму?",
          "sh-sokolova", "meeting", "2026-12-10"),
        q("oq-payback", "Какую ставку дисконтирования и горизонт используют для оценки ИТ-проектов?",
          "sh-zaitsev", "call", "2026-11-30", "answered",
          "Ставка 18 %, горизонт 5 лет; проекты с окупаемостью больше 36 месяцев "
          "на инвесткомитет не выносятся."),
        q("oq-tender", "Будет ли конкурентная процедура по 223-ФЗ или возможна закупка у единственного "
          "поставщика по итогам пилота?", "sh-grishin", "meeting", "2026-12-15"),
        q("oq-tender-docs", "Какой пакет документов участника требуют на ЭТП и сроки аккредитации?",
          "sh-romanova", "email", "2026-12-04", "asked"),
        q("oq-holding-standard", "Есть ли утверждённый стандарт MES холдинга и обязателен ли он "
          "для Уральского завода?", "sh-orlov", "meeting", "2026-12-18"),
        q("oq-holding-view", "Как генеральный директор видит роль холдинга в выборе системы: "
          "рекомендация или обязательное решение?", "sh-gorbunov", "meeting", "2026-12-18"),
        q("oq-downtime-data", "Можно ли получить выгрузку причин простоев ТЭСА 20-76 за 2025 год "
          "для базовой линии пилота?", "sh-fedorov", "email", "2026-11-16", "answered",
          "Выгрузка получена 14.11: 1 238 остановок, 14,2 % календарного времени; "
          "главные причины — перевалки и ожидание штрипса."),
        q("oq-lazareva-role", "На каких условиях команда 1С готова взять на себя поддержку "
          "интеграции MES с учётной системой?", "sh-lazareva", "meeting", "2026-12-02"),
        q("oq-quality-trace", "Какие поля сертификата качества сейчас заполняются вручную и "
          "сколько времени это занимает?", "sh-yakovleva", "meeting", "2026-12-08"),
        q("oq-kpi-owner", "Кто утвердит KPI пилота и критерии успеха: техдиректор или техсовет?",
          "sh-ivanov", "call", "2026-11-27", "asked"),
    ]


def uzts_roadmap():
    r = Road()
    n, e = r.node, r.edge
    cp = "checkpoint"
    n("st-start", "start", "Старт: входящий запрос с «Иннопрома»", status="done", owner=KAM,
      due="2026-03-10", stage="awareness",
      description="Техдиректор оставил контакты на стенде после доклада о простоях станов.")
    n("cp-first-meeting", cp, "Первая встреча с директором по ИТ", status="done", owner=KAM,
      due="2026-03-20", people=["sh-petrov"], stage="awareness",
      description="Знакомство, история ИТ-ландшафта завода, первые гипотезы о боли.",
      criteria=["Петров назвал три главные проблемы учёта производства",
                "Договорились о встрече с производством"])
    n("cp-pain-confirmed", cp, "Боль подтверждена: простои и ручной учёт", status="done",
      owner=KAM, due="2026-04-10", people=["sh-petrov", "sh-kovalenko", "sh-fedorov"],
      stage="interest",
      description="Производство подтвердило цифры простоев и потери на ручном учёте.",
      criteria=["Простои ТЭСА 20-76 оценены в 14 % времени",
                "Директор по производству признал проблему на встрече",
                "Получено согласие на диагностическую сессию"])
    n("cp-webinar", cp, "Вебинар для инженеров производства", status="skipped", owner=PRESALE,
      due="2026-04-16", people=["sh-nikitin", "sh-fedorov"], stage="interest",
      description="Показ кейса MES на трубном заводе для инженеров цехов.",
      criteria=["Не меньше 10 участников с завода", "Заявки на демонстрацию"],
      notes="Цех не смог выделить людей в смену; заменили индивидуальной демонстрацией.")
    n("cp-sponsor", cp, "Спонсор проекта на уровне дирекции", status="done", owner=KAM,
      due="2026-05-15", people=["sh-ivanov", "sh-petrov"], stage="desire",
      description="Техдиректор согласился быть спонсором и представить проект гендиректору.",
      criteria=["Иванов лично подтвердил роль спонсора",
                "Проект внесён в план цифровизации завода"])
    n("cp-map-built", cp, "Карта ЦФР составлена и сверена с коучем", status="done", owner=KAM,
      due="2026-05-29", people=["sh-petrov"], stage="desire",
      description="Кто решает, кто влияет, кто против — сверено с Петровым.",
      criteria=["Все 6 центров решений и их интересы описаны",
                "Для каждого ЛПР назначен наш ответственный",
                "Список открытых вопросов с датами"])
    n("cp-discovery", cp, "Диагностическая сессия с производством", status="done", owner=PRESALE,
      due="2026-06-25", people=["sh-kovalenko", "sh-fedorov", "sh-nikitin", "sh-yakovleva"],
      stage="study",
      description="Полдня в цехе № 2: карта потерь, сбор требований, приоритеты.",
      criteria=["Карта потерь цеха № 2 согласована", "Топ-5 требований к системе",
                "Решение, нужен ли аудит текущих систем"])
    n("dc-audit", "decision", "Нужен аудит текущего решения?", owner=KAM, due="2026-07-03",
      people=["sh-petrov", "sh-ivanov"], stage="study",
      description="Без аудита 1С:УПП и SCADA оценка интеграции будет гаданием.")
    # audit branch (row -1)
    n("cp-audit-agreement", cp, "Объём и цена аудита согласованы", row=-1, status="done",
      owner=KAM, due="2026-07-20", people=["sh-petrov", "sh-zaitsev"], stage="study",
      description="Платный экспресс-аудит на 6 недель — первая маленькая сделка.",
      criteria=["Договор на аудит подписан", "Предоплата 30 % получена"])
    n("cp-audit-access", cp, "Доступ к 1С:УПП и SCADA для аудита", row=-1, status="done",
      owner=ARCHITECT, due="2026-08-05", people=["sh-lazareva", "sh-nikitin", "sh-tarasov"],
      stage="study", description="Учётные записи только на чтение, NDA с ИБ.",
      criteria=["NDA подписан", "Учётные записи выданы", "Перечень систем согласован"])
    n("cp-audit-run", cp, "Аудит проведён: интервью и обследование", row=-1, status="done",
      owner=ARCHITECT, due="2026-09-11", people=["sh-lazareva", "sh-nikitin", "sh-fedorov"],
      stage="study", description="22 интервью, обследование 3 цехов, карта интеграций.",
      criteria=["Проведены все запланированные интервью", "Карта потоков данных построена"])
    n("cp-audit-report", cp, "Отчёт аудита защищён у техдиректора", row=-1, status="done",
      owner=ARCHITECT, due="2026-10-08",
      people=["sh-ivanov", "sh-petrov", "sh-lazareva", "sh-nikitin"], stage="study",
      description="Отчёт с рисками и целевой архитектурой принят без критичных замечаний.",
      criteria=["Протокол защиты подписан", "Рекомендации включены в концепцию"])
    n("cp-requirements", cp, "Функциональные требования собраны по цехам", status="done",
      owner=PRESALE, due="2026-10-16", people=["sh-fedorov", "sh-yakovleva", "sh-nikitin"],
      stage="study", description="Требования трёх цехов и ОТК, приоритеты MoSCoW.",
      criteria=["Требования подписаны начальниками цехов", "Приоритеты согласованы с ИТ"])
    n("cp-concept", cp, "Концепция решения и целевая архитектура", status="done", owner=ARCHITECT,
      due="2026-10-23", people=["sh-petrov", "sh-nikitin", "sh-lazareva"], stage="comparison",
      description="MES + интеграция с ERP через шину; этапы внедрения.",
      criteria=["Концепция одобрена директором по ИТ", "Описаны интеграции с 1С и SCADA",
                "Определены этапы и очереди"])
    n("cp-business-case", cp, "Предварительный бизнес-кейс", status="done", owner=KAM,
      due="2026-10-30", people=["sh-zaitsev", "sh-kovalenko"], stage="comparison",
      description="Эффект от снижения простоев и сокращения закрытия месяца.",
      criteria=["Эффект посчитан на данных завода", "ПЭО проверил расчёт"])
    n("dc-poc", "decision", "Нужен пилот (POC)?", owner=KAM, due="2026-11-02",
      people=["sh-ivanov", "sh-petrov", "sh-kovalenko"], stage="comparison",
      description="Техдиректор хочет увидеть эффект на одном стане до решения по бюджету.")
    # POC branch (row -1), with the nested security crossroads (row -2)
    n("cp-poc-scope", cp, "Цели и KPI пилота согласованы", row=-1, status="done", owner=PM,
      due="2026-11-06", people=["sh-ivanov", "sh-fedorov", "sh-nikitin"], stage="comparison",
      description="Пилот на стане ТЭСА 20-76: 8 недель, базовая линия — данные 2025 года.",
      criteria=["KPI: простои −20 %, учёт смены ≤ 15 минут", "Базовая линия зафиксирована"])
    n("dc-security", "decision", "Требуется согласование службы безопасности?", row=-1,
      owner=ARCHITECT, due="2026-11-09", people=["sh-tarasov", "sh-volkov"], stage="comparison",
      description="Пилот берёт данные из сети АСУ ТП — объект КИИ.")
    n("cp-sec-questionnaire", cp, "Опросник ИБ заполнен и принят", row=-2, status="done",
      owner=ARCHITECT, due="2026-11-13", people=["sh-tarasov"], stage="comparison",
      description="Ответы по 64 пунктам опросника ИБ, схема сети стенда.",
      criteria=["Все пункты опросника закрыты", "Тарасов принял ответы без замечаний"])
    n("cp-sec-approval", cp, "Допуск СБ к пилотному стенду", row=-2, status="active",
      owner=KAM, due="2026-11-27", activated_on="2026-11-16",
      people=["sh-volkov", "sh-tarasov", "sh-petrov", "sh-nikitin", "sh-fedorov"],
      stage="comparison",
      description="Снять возражения СБ: односторонний шлюз, без внешних подключений.",
      criteria=["Схема стенда с односторонним шлюзом согласована",
                "Волков подписал служебную записку о допуске",
                "Список сотрудников подрядчика утверждён"])
    n("cp-poc-agreement", cp, "Соглашение о пилоте подписано", row=-1, owner=KAM,
      due="2026-11-20", people=["sh-ivanov", "sh-grishin"], stage="comparison",
      description="Бесплатный пилот по соглашению с программой и критериями успеха.",
      criteria=["Соглашение о пилоте подписано", "Программа пилота утверждена"],
      notes="Срок сорван: ждём допуск службы безопасности.")
    n("cp-poc-env", cp, "Стенд и данные для пилота готовы", row=-1, owner=ARCHITECT,
      due="2026-12-04", people=["sh-nikitin", "sh-tarasov"], stage="comparison",
      description="Сервер в DMZ, шлюз к SCADA, справочники из 1С.",
      criteria=["Данные со стана поступают онлайн", "Справочники номенклатуры загружены"])
    n("cp-poc-run", cp, "Пилот на ТЭСА 20-76 проведён", row=-1, owner=PM, due="2027-01-29",
      people=["sh-fedorov", "sh-nikitin"], stage="comparison",
      description="8 недель работы мастеров и диспетчера в MES.",
      criteria=["Все смены работают в системе", "Еженедельные отчёты по KPI",
                "Журнал замечаний закрыт"])
    n("cp-poc-results", cp, "Результаты пилота защищены", row=-1, owner=PM, due="2027-02-10",
      people=["sh-ivanov", "sh-kovalenko", "sh-fedorov", "sh-sokolova"], stage="comparison",
      description="Сравнение с базовой линией, отзыв цеха, пересчёт бизнес-кейса.",
      criteria=["KPI пилота достигнуты или объяснены", "Протокол защиты подписан"])
    n("dc-poc-ok", "decision", "Пилот подтвердил KPI?", row=-1, owner=PM, due="2027-02-12",
      people=["sh-ivanov", "sh-kovalenko"], stage="comparison")
    n("lost-poc", "lost", "Проигрыш: эффект пилота не доказан", row=-2, stage="comparison")
    # no-POC branch (row +1)
    n("cp-ref-visit", cp, "Референс-визит на действующее производство", row=1, owner=KAM,
      due="2027-01-29",
      people=["sh-ivanov", "sh-kovalenko"], stage="comparison",
      description="Поездка на завод-клиент с тем же классом станов вместо пилота.",
      criteria=["Визит проведён", "Отзыв клиента-референса получен"])
    n("cp-techcommittee", cp, "Решение техсовета о выборе платформы", owner=KAM,
      due="2027-02-20", people=["sh-ivanov", "sh-petrov", "sh-kovalenko", "sh-orlov"],
      stage="comparison",
      description="Техсовет завода рекомендует нашу платформу как целевую.",
      criteria=["Протокол техсовета с рекомендацией", "Позиция холдинга учтена"])
    n("cp-tco", cp, "ТКО и финансовая модель согласованы", owner=KAM, due="2027-03-05",
      people=["sh-sokolova", "sh-zaitsev"], stage="comparison",
      description="Полная стоимость владения на 5 лет, график платежей.",
      criteria=["ПЭО подтвердил модель", "Окупаемость ≤ 36 месяцев",
                "Финдиректор согласовала график платежей"])
    n("cp-budget", cp, "Бюджет включён в инвестпрограмму 2027", owner=KAM, due="2027-03-20",
      description="Инвесткомитет включает проект в инвестпрограмму 2027 по итогам модели ТКО.",
      people=["sh-sokolova", "sh-gorbunov"], stage="comparison",
      criteria=["Решение инвесткомитета", "Сумма не ниже 140 млн ₽"])
    n("cp-gendir", cp, "Презентация генеральному директору", owner=SALES_DIRECTOR,
      due="2027-03-27", people=["sh-gorbunov", "sh-ivanov", "sh-sokolova"], stage="comparison",
      description="Одна страница: эффект, сроки, риски, команда.",
      criteria=["Гендиректор поддержал проект", "Назначен куратор со стороны завода"])
    n("cp-proposal", cp, "Коммерческое предложение направлено", owner=KAM, due="2027-04-03",
      description="КП на первую очередь: цена, этапы, условия оплаты по результатам этапов.",
      people=["sh-ivanov", "sh-grishin", "sh-sokolova"], stage="comparison",
      criteria=["КП с ценой и этапами отправлено", "Получена обратная связь по цене"])
    n("dc-tender", "decision", "Будет тендер?", owner=KAM, due="2027-04-07",
      people=["sh-grishin", "sh-orlov"], stage="comparison",
      description="Закупки и холдинг склоняются к конкурентной процедуре.")
    # tender branch (row -1)
    n("cp-tender-tz", cp, "Участие в формировании ТЗ тендера", row=-1, owner=PRESALE,
      description="Передать закупкам критерии пилота и требования ИБ для технического задания.",
      due="2027-04-17", people=["sh-petrov", "sh-grishin"], stage="comparison",
      criteria=["Критерии пилота вошли в ТЗ", "Весовые коэффициенты известны"])
    n("cp-tender-accreditation", cp, "Аккредитация на ЭТП", row=-1, owner=PRESALE,
      description="Регистрация на ЭТП холдинга и подготовка обеспечения заявки.",
      due="2027-04-24", people=["sh-romanova"], stage="comparison",
      criteria=["Аккредитация получена", "Банковская гарантия готова"])
    n("cp-tender-clarifications", cp, "Разъяснения по документации", row=-1, owner=PRESALE,
      description="Запросы разъяснений по спорным пунктам документации.",
      due="2027-05-08", people=["sh-romanova"], stage="comparison",
      criteria=["Запросы разъяснений направлены", "Ответы заказчика получены"])
    n("cp-tender-bid", cp, "Заявка подана", row=-1, owner=KAM, due="2027-05-15",
      description="Полный пакет документов участника, техническая и ценовая части.",
      people=["sh-romanova", "sh-grishin"], stage="comparison",
      criteria=["Заявка подана в срок", "Заявка допущена"])
    n("cp-tender-defense", cp, "Защита решения перед комиссией", row=-1, owner=KAM,
      description="Демонстрация на данных пилота перед тендерной комиссией, переторжка.",
      due="2027-05-29", people=["sh-grishin", "sh-petrov", "sh-kovalenko", "sh-tarasov"],
      stage="comparison", criteria=["Демонстрация проведена", "Переторжка пройдена"])
    n("dc-tender-result", "decision", "Итог тендера", row=-1, owner=KAM, due="2027-06-04",
      people=["sh-grishin"], stage="comparison")
    n("lost-tender", "lost", "Проигрыш: тендер у конкурента", row=-2, stage="comparison")
    # direct purchase branch (row +1)
    n("cp-single-source", cp, "Обоснование закупки у единственного поставщика", row=1,
      description="Записка о закупке у единственного поставщика по итогам пилота и аудита.",
      owner=KAM, due="2027-04-17", people=["sh-grishin", "sh-petrov"], stage="action",
      criteria=["Служебная записка по итогам пилота", "Согласие директора по закупкам"])
    n("cp-direct-negotiation", cp, "Переговоры по цене и условиям", row=1, owner=KAM,
      description="Цена первой очереди, график платежей, ответственность сторон.",
      due="2027-05-08", people=["sh-grishin", "sh-sokolova"], stage="action",
      criteria=["Цена согласована", "Условия оплаты согласованы"])
    # rejoin: contract and delivery
    n("cp-contract-draft", cp, "Проект договора согласован юристами", owner=KAM,
      description="Юристы и СБ закрывают протокол разногласий, приложение по ИБ.",
      due="2027-06-11", people=["sh-grishin", "sh-volkov"], stage="action",
      criteria=["Протокол разногласий закрыт", "Приложение по ИБ согласовано СБ"])
    n("cp-contract-signed", cp, "Договор подписан", owner=KAM, due="2027-06-25",
      description="Подписи генерального директора и финдиректора, аванс 30 %.",
      people=["sh-gorbunov", "sh-sokolova"], stage="action",
      criteria=["Договор подписан обеими сторонами", "Аванс получен"])
    n("cp-kickoff", cp, "Kick-off проекта внедрения", owner=PM, due="2027-07-09",
      description="Устав проекта, рабочая группа, регламент управляющего комитета.",
      people=["sh-ivanov", "sh-petrov", "sh-kovalenko"], stage="action",
      criteria=["Устав проекта утверждён", "Рабочая группа назначена"])
    n("cp-impl-plan", cp, "План внедрения первой очереди", owner=PM, due="2027-07-23",
      description="План-график первой очереди; команда 1С — владелец интеграции.",
      people=["sh-petrov", "sh-lazareva", "sh-nikitin"], stage="action",
      criteria=["План-график согласован", "Команда 1С владеет интеграцией"])
    n("cp-mes-wave1", cp, "MES запущена в цехах № 1 и № 2", owner=PM, due="2027-10-29",
      description="Промышленная эксплуатация MES в трубоэлектросварочных цехах № 1 и № 2.",
      people=["sh-fedorov", "sh-kovalenko"], stage="first_deal",
      criteria=["Промышленная эксплуатация в двух цехах", "Обучено 120 пользователей"])
    n("cp-erp-integration", cp, "Интеграция MES с учётной системой", owner=ARCHITECT,
      description="Обмен MES с учётной системой без ручных выгрузок в Excel.",
      due="2027-11-26", people=["sh-lazareva", "sh-petrov"], stage="first_deal",
      criteria=["Обмен без ручных выгрузок", "Закрытие месяца ≤ 5 дней"])
    n("cp-acceptance", cp, "Приёмка первой очереди", owner=PM, due="2027-12-17",
      description="Акт приёмки первой очереди и подтверждение KPI на данных завода.",
      people=["sh-ivanov", "sh-sokolova", "sh-yakovleva"], stage="first_deal",
      criteria=["Акт приёмки подписан", "KPI первой очереди подтверждены",
                "Клиент согласен быть референсом"])
    n("won", "won", "Победа: первая очередь сдана, путь к тиражу", stage="first_deal")

    r.chain("st-start", "cp-first-meeting", "cp-pain-confirmed", "cp-webinar", "cp-sponsor",
            "cp-map-built", "cp-discovery", "dc-audit")
    e("dc-audit", "cp-audit-agreement", "Да, аудит", chosen=True)
    e("dc-audit", "cp-requirements", "Нет, данных достаточно")
    r.chain("cp-audit-agreement", "cp-audit-access", "cp-audit-run", "cp-audit-report",
            "cp-requirements", "cp-concept", "cp-business-case", "dc-poc")
    e("dc-poc", "cp-poc-scope", "Да, пилот на одном стане", chosen=True)
    e("dc-poc", "cp-ref-visit", "Нет, хватит референсов")
    e("cp-poc-scope", "dc-security")
    e("dc-security", "cp-sec-questionnaire", "Да, нужен допуск СБ", chosen=True)
    e("dc-security", "cp-poc-agreement", "Нет, стенд изолирован")
    r.chain("cp-sec-questionnaire", "cp-sec-approval", "cp-poc-agreement", "cp-poc-env",
            "cp-poc-run", "cp-poc-results", "dc-poc-ok")
    e("dc-poc-ok", "cp-techcommittee", "Да, KPI достигнуты")
    e("dc-poc-ok", "cp-poc-run", "Повторить пилот", loop=True, id_="e-dc-poc-ok--repeat")
    e("dc-poc-ok", "lost-poc", "Нет, эффект не доказан")
    e("cp-ref-visit", "cp-techcommittee")
    r.chain("cp-techcommittee", "cp-tco", "cp-budget", "cp-gendir", "cp-proposal", "dc-tender")
    e("dc-tender", "cp-tender-tz", "Да, конкурентная процедура")
    e("dc-tender", "cp-single-source", "Нет, прямой договор")
    r.chain("cp-tender-tz", "cp-tender-accreditation", "cp-tender-clarifications",
            "cp-tender-bid", "cp-tender-defense", "dc-tender-result")
    e("dc-tender-result", "cp-contract-draft", "Победа в тендере")
    e("dc-tender-result", "lost-tender", "Проигрыш")
    r.chain("cp-single-source", "cp-direct-negotiation", "cp-contract-draft")
    r.chain("cp-contract-draft", "cp-contract-signed", "cp-kickoff", "cp-impl-plan",
            "cp-mes-wave1", "cp-erp-integration", "cp-acceptance", "won")
    return r.build()


def uzts_meetings() -> list[Meeting]:
    return [
        Meeting(id="mt-audit-defense", date=d("2026-10-08"), time="11:00",
                place="Заводоуправление, конференц-зал, 2 этаж",
                goal="Защитить отчёт аудита и получить согласие на концепцию решения.",
                attendee_ids=["sh-ivanov", "sh-petrov", "sh-lazareva", "sh-nikitin"],
                checkpoint_id="cp-audit-report",
                notes="Отчёт принят. Лазарева оспаривала оценку трудоёмкости доработок 1С — "
                      "договорились о совместной сессии по интеграции."),
        Meeting(id="mt-security", date=d("2026-11-26"), time="10:00",
                place="Заводоуправление, каб. 312 (служба безопасности)",
                goal="Снять возражения службы безопасности по доступу к сети АСУ ТП и получить "
                     "допуск к пилотному стенду: согласовать схему с односторонним шлюзом и "
                     "список сотрудников подрядчика.",
                attendee_ids=["sh-volkov", "sh-tarasov", "sh-petrov", "sh-nikitin", "sh-fedorov"],
                checkpoint_id="cp-sec-approval",
                notes="Взять: схему сети стенда, сертификаты ФСТЭК шлюза, письмо-гарантию. "
                      "Фёдоров говорит о цене простоя: 1 час стана = 1,1 млн ₽."),
        Meeting(id="mt-poc-kickoff", date=d("2026-12-03"), time="09:30", place="Цех № 2, ПДБ",
                goal="Запустить пилот: представить команду, утвердить программу и график смен.",
                attendee_ids=["sh-fedorov", "sh-nikitin", "sh-kovalenko"],
                checkpoint_id="cp-poc-env"),
        Meeting(id="mt-finance", date=d("2026-12-10"), time="15:00",
                place="Кабинет финансового директора",
                goal="Показать модель ТКО и окупаемости на данных завода; узнать, заложен ли "
                     "проект в инвестпрограмму 2027.",
                attendee_ids=["sh-sokolova", "sh-zaitsev", "sh-petrov"],
                checkpoint_id="cp-tco"),
    ]


def uzts_touchpoints() -> list[Touchpoint]:
    def t(id_, date, phase, channel, people, checkpoint, summary, emotion, result):
        return Touchpoint(id=id_, date=d(date), phase=phase, channel=channel,
                          stakeholder_ids=people, checkpoint_id=checkpoint, summary=summary,
                          emotion=emotion, result=result)

    return [
        t("tp-innoprom", "2026-03-06", "before", "event", ["sh-ivanov"], "st-start",
          "Доклад «MES на трубном производстве» на «Иннопроме», разговор у стенда.",
          "Любопытство", "Оставил визитку, попросил кейс с цифрами."),
        t("tp-case-email", "2026-03-12", "before", "email", ["sh-ivanov", "sh-petrov"], "st-start",
          "Кейс Волжского трубного завода: −23 % простоев за 9 месяцев.",
          "Интерес", "Петров сам предложил встречу."),
        t("tp-first-meeting", "2026-03-20", "during", "meeting", ["sh-petrov"], "cp-first-meeting",
          "Первая встреча: ИТ-ландшафт, бэклог доработок, планы холдинга.",
          "Открытость, усталость от доработок", "Договорились о встрече с производством."),
        t("tp-white-paper", "2026-04-02", "before", "document", ["sh-nikitin"], "cp-pain-confirmed",
          "White paper «Сбор данных со станов без замены контроллеров».",
          "Профессиональный интерес", "Никитин переслал коллегам в АСУ ТП."),
        t("tp-demo", "2026-04-22", "during", "meeting", ["sh-fedorov", "sh-nikitin"], "cp-webinar",
          "Индивидуальная демонстрация вместо вебинара, прямо в ПДБ цеха.",
          "Воодушевление", "Фёдоров: «хочу это на своём стане»."),
        t("tp-discovery", "2026-06-25", "during", "meeting",
          ["sh-kovalenko", "sh-fedorov", "sh-nikitin", "sh-yakovleva"], "cp-discovery",
          "Диагностическая сессия в цехе № 2: карта потерь и требования.",
          "Вовлечённость", "Карта потерь согласована; решили делать аудит."),
        t("tp-audit-proposal", "2026-07-14", "during", "proposal", ["sh-petrov", "sh-zaitsev"],
          "cp-audit-agreement", "Предложение на экспресс-аудит: 6 недель, 2,4 млн ₽.",
          "Осторожное согласие", "Договор на аудит подписан 20.07."),
        t("tp-audit-defense", "2026-10-08", "during", "meeting",
          ["sh-ivanov", "sh-petrov", "sh-lazareva", "sh-nikitin"], "cp-audit-report",
          "Защита отчёта аудита.", "Уважение; сопротивление группы 1С",
          "Отчёт принят; Лазарева оспорила трудоёмкость."),
        t("tp-audit-survey", "2026-10-15", "after", "survey", ["sh-petrov", "sh-ivanov"],
          "cp-audit-report", "Опрос удовлетворённости по итогам аудита (первая сделка).",
          "Удовлетворение", "Оценка 9 из 10; просят ускорить концепцию."),
        t("tp-finance-call", "2026-10-05", "during", "call", ["sh-sokolova"], "cp-business-case",
          "Звонок финдиректору о бюджете проекта.", "Холодность, недоверие к эффектам",
          "Попросила расчёт на цифрах завода, а не «отраслевых»."),
        t("tp-audit-followup", "2026-10-20", "after", "call", ["sh-petrov"], "cp-requirements",
          "Звонок по итогам аудита: что улучшить в следующих этапах.", "Доверие",
          "Петров дал список людей для требований по ОТК."),
        t("tp-sec-questionnaire", "2026-11-13", "during", "document", ["sh-tarasov"],
          "cp-sec-questionnaire", "Ответы на опросник ИБ и схема сети стенда.",
          "Сдержанность", "Тарасов принял без замечаний, передал Волкову."),
        t("tp-sec-letter", "2026-11-18", "during", "email", ["sh-volkov"], "cp-sec-approval",
          "Письмо Волкова: допуск только после личной встречи и проверки сертификатов.",
          "Настороженность", "Встреча назначена на 26.11."),
        t("tp-downtime-data", "2026-11-14", "during", "email", ["sh-fedorov"], "cp-poc-scope",
          "Получена выгрузка причин простоев ТЭСА 20-76 за 2025 год.",
          "Энтузиазм", "Базовая линия пилота зафиксирована."),
    ]


def uzts_grids() -> list[JourneyGrid]:
    R = GridRow
    petrov = {
        "awareness": {
            R.INFORMATION_NEEDED: "Сколько стоит завод его бэклог из 320 доработок 1С",
            R.ACTIONS_WANTED: "Признать, что лоскутная архитектура — проблема бизнеса, а не ИТ",
            R.OUR_ACTIONS: "Доклад на «Иннопроме», кейс с цифрами по трубному заводу",
            R.KEY_MESSAGES: "«Доработки 1С не закроют потребность производства в данных»",
            R.INFLUENCE_SOURCES: "Коллеги-ИТ-директора холдинга, CNews, Telegram-каналы ИТ",
            R.CONTENT_TYPES: "Кейс, доклад, короткий пост",
        },
        "interest": {
            R.INFORMATION_NEEDED: "Как другие трубные заводы собирают данные со станов",
            R.ACTIONS_WANTED: "Встретиться и рассказать о ландшафте ИТ",
            R.OUR_ACTIONS: "Первая встреча, карта ИТ-ландшафта, вопросы о бэклоге",
            R.KEY_MESSAGES: "«Мы говорим на языке производства, а не только ИТ»",
            R.INFLUENCE_SOURCES: "Референсы отрасли, мнение архитектора АСУ ТП",
            R.CONTENT_TYPES: "Демонстрация, white paper по сбору данных",
        },
        "desire": {
            R.INFORMATION_NEEDED: "Как будет выглядеть целевая архитектура именно у них",
            R.ACTIONS_WANTED: "Стать спонсором внутри ИТ и привести техдиректора",
            R.OUR_ACTIONS: "Эскиз архитектуры на одной странице, встреча с техдиректором",
            R.KEY_MESSAGES: "«Одна правда о производстве» вместо Excel",
            R.INFLUENCE_SOURCES: "Техдиректор Иванов, начальники цехов",
            R.CONTENT_TYPES: "Схема архитектуры, дорожная карта этапов",
        },
        "study": {
            R.INFORMATION_NEEDED: "Риски миграции с 1С:УПП, трудоёмкость интеграции",
            R.ACTIONS_WANTED: "Заказать платный аудит и дать доступ к системам",
            R.OUR_ACTIONS: "Экспресс-аудит за 6 недель, интервью с командой 1С",
            R.KEY_MESSAGES: "Контрольная точка: отчёт аудита защищён без критичных замечаний",
            R.INFLUENCE_SOURCES: "Группа 1С (Лазарева), архитектор АСУ ТП (Никитин)",
            R.CONTENT_TYPES: "Отчёт аудита, карта потоков данных",
        },
        "comparison": {
            R.INFORMATION_NEEDED: "Сравнение с платформой холдинга («ЦифраПром»), ТКО на 5 лет",
            R.ACTIONS_WANTED: "Добиться пилота и допуска СБ; защитить выбор на техсовете",
            R.OUR_ACTIONS: "Пилот на ТЭСА 20-76, пакет документов для СБ, сравнительная таблица",
            R.KEY_MESSAGES: "Контрольная точка: KPI пилота достигнуты; совместимость с шиной холдинга",
            R.INFLUENCE_SOURCES: "Орлов (холдинг), Волков (СБ), результаты пилота",
            R.CONTENT_TYPES: "Отчёт пилота, сравнительная таблица, расчёт ТКО",
        },
        "action": {
            R.INFORMATION_NEEDED: "План внедрения, состав команды, условия поддержки",
            R.ACTIONS_WANTED: "Подписать ТЗ и договор, выделить команду 1С на интеграцию",
            R.OUR_ACTIONS: "Устав проекта, план первой очереди, обучение команды 1С",
            R.KEY_MESSAGES: "Контрольная точка: kick-off проведён, рабочая группа назначена",
            R.INFLUENCE_SOURCES: "Юристы, закупки, финдиректор",
            R.CONTENT_TYPES: "Проект договора, план-график, устав проекта",
        },
        "first_deal": {
            R.INFORMATION_NEEDED: "Достигнут ли эффект первой очереди",
            R.ACTIONS_WANTED: "Подписать приёмку и выступить референсом",
            R.OUR_ACTIONS: "Отчёт об эффекте, совместный доклад на CNews",
            R.KEY_MESSAGES: "Контрольная точка: акт приёмки подписан",
            R.INFLUENCE_SOURCES: "Пользователи цехов, техдиректор",
            R.CONTENT_TYPES: "Отчёт об эффекте, совместный кейс",
        },
    }
    sokolova = {
        "awareness": {
            R.INFORMATION_NEEDED: "Сколько денег завод теряет на простоях и долгом закрытии месяца",
            R.ACTIONS_WANTED: "Увидеть потери производства в рублях",
            R.OUR_ACTIONS: "Через Зайцева дать оценку потерь: 1 час простоя стана = 1,1 млн ₽",
            R.KEY_MESSAGES: "«Простой — это деньги, а не техническая проблема»",
            R.INFLUENCE_SOURCES: "ПЭО (Зайцев), отчётность для холдинга",
            R.CONTENT_TYPES: "Одна страница с расчётом потерь",
        },
        "interest": {
            R.INFORMATION_NEEDED: "Чем этот проект отличается от провального внедрения ERP",
            R.ACTIONS_WANTED: "Согласиться на встречу по модели окупаемости",
            R.OUR_ACTIONS: "Поэтапная модель оплаты, фиксированная цена первой очереди",
            R.KEY_MESSAGES: "«Платите за результат этапа, без перерасхода»",
            R.INFLUENCE_SOURCES: "Опыт прошлого внедрения ERP, аудиторы холдинга",
            R.CONTENT_TYPES: "Справка о рисках и их снижении",
        },
        "desire": {
            R.INFORMATION_NEEDED: "Реальный эффект у аналогичных заводов",
            R.ACTIONS_WANTED: "Поручить ПЭО проверить бизнес-кейс",
            R.OUR_ACTIONS: "Бизнес-кейс на данных завода, разговор с финдиректором референса",
            R.KEY_MESSAGES: "«Окупаемость 28 месяцев на ваших цифрах»",
            R.INFLUENCE_SOURCES: "Финдиректор референс-завода, Зайцев",
            R.CONTENT_TYPES: "Финансовая модель в Excel, звонок с референсом",
        },
        "study": {
            R.INFORMATION_NEEDED: "Допущения модели, чувствительность к срокам",
            R.ACTIONS_WANTED: "Признать модель ПЭО корректной",
            R.OUR_ACTIONS: "Рабочая сессия с ПЭО, сценарии пессимистичный/базовый",
            R.KEY_MESSAGES: "Контрольная точка: ПЭО подтвердил модель ТКО",
            R.INFLUENCE_SOURCES: "Зайцев, казначейство",
            R.CONTENT_TYPES: "Модель ТКО, анализ чувствительности",
        },
        "comparison": {
            R.INFORMATION_NEEDED: "ТКО конкурента и стандарта холдинга",
            R.ACTIONS_WANTED: "Включить проект в инвестпрограмму 2027",
            R.OUR_ACTIONS: "Сравнение ТКО на 5 лет, график платежей под бюджет",
            R.KEY_MESSAGES: "Контрольная точка: решение инвесткомитета по бюджету",
            R.INFLUENCE_SOURCES: "Гендиректор, холдинг (Орлов), закупки",
            R.CONTENT_TYPES: "Сравнительная таблица ТКО, график платежей",
        },
        "action": {
            R.INFORMATION_NEEDED: "Условия оплаты, гарантии, штрафы",
            R.ACTIONS_WANTED: "Согласовать договор и график платежей",
            R.OUR_ACTIONS: "Оплата по этапам, банковская гарантия возврата аванса",
            R.KEY_MESSAGES: "Контрольная точка: договор подписан, аванс получен",
            R.INFLUENCE_SOURCES: "Юристы, закупки",
            R.CONTENT_TYPES: "Проект договора, протокол разногласий",
        },
    }
    gorbunov = {
        "awareness": {
            R.INFORMATION_NEEDED: "Почему план выпуска недостижим без нового стана",
            R.ACTIONS_WANTED: "Связать рост выпуска с загрузкой существующих станов",
            R.OUR_ACTIONS: "Через Иванова — одна страница о резерве мощности в простоях",
            R.KEY_MESSAGES: "«Новый стан уже стоит у вас в цехе — это его простои»",
            R.INFLUENCE_SOURCES: "Техдиректор, совет директоров холдинга",
            R.CONTENT_TYPES: "Одностраничная записка",
        },
        "interest": {
            R.INFORMATION_NEEDED: "Кто в отрасли уже так сделал",
            R.ACTIONS_WANTED: "Поручить техдиректору вести проект",
            R.OUR_ACTIONS: "Короткая встреча директора по продажам с гендиректором",
            R.KEY_MESSAGES: "«+12 % выпуска без капвложений в оборудование»",
            R.INFLUENCE_SOURCES: "Гендиректора других заводов, Орлов",
            R.CONTENT_TYPES: "Кейс, рекомендательное письмо",
        },
        "desire": {
            R.INFORMATION_NEEDED: "Что он покажет холдингу и когда",
            R.ACTIONS_WANTED: "Поддержать пилот публично",
            R.OUR_ACTIONS: "Дорожная карта с вехами для отчёта холдингу",
            R.KEY_MESSAGES: "«Витрина цифрового завода для холдинга к 2028»",
            R.INFLUENCE_SOURCES: "Иванов, Соколова",
            R.CONTENT_TYPES: "Дорожная карта на одной странице",
        },
        "study": {
            R.INFORMATION_NEEDED: "Риски для производства и безопасности",
            R.ACTIONS_WANTED: "Снять блокировку СБ своим решением, если потребуется",
            R.OUR_ACTIONS: "Справка о мерах ИБ, согласованная с Тарасовым",
            R.KEY_MESSAGES: "«Пилот без внешних подключений к АСУ ТП»",
            R.INFLUENCE_SOURCES: "Волков, Тарасов",
            R.CONTENT_TYPES: "Справка по рискам",
        },
        "comparison": {
            R.INFORMATION_NEEDED: "Почему не стандарт холдинга",
            R.ACTIONS_WANTED: "Принять рекомендацию техсовета завода",
            R.OUR_ACTIONS: "Результаты пилота + совместимость с шиной холдинга",
            R.KEY_MESSAGES: "Контрольная точка: презентация гендиректору, поддержка получена",
            R.INFLUENCE_SOURCES: "Орлов, Иванов, Соколова",
            R.CONTENT_TYPES: "Итоги пилота, сравнительная таблица",
        },
        "action": {
            R.INFORMATION_NEEDED: "Итоговая цена и сроки",
            R.ACTIONS_WANTED: "Подписать договор",
            R.OUR_ACTIONS: "Встреча первых лиц при подписании",
            R.KEY_MESSAGES: "Контрольная точка: договор подписан",
            R.INFLUENCE_SOURCES: "Финдиректор, закупки",
            R.CONTENT_TYPES: "Договор, пресс-релиз",
        },
    }
    return [
        JourneyGrid(id="jg-petrov", stakeholder_id="sh-petrov", role="technical_buyer", cells=petrov),
        JourneyGrid(id="jg-sokolova", stakeholder_id="sh-sokolova", role="economic_buyer",
                    cells=sokolova),
        JourneyGrid(id="jg-gorbunov", stakeholder_id="sh-gorbunov", role="decision_maker",
                    cells=gorbunov),
    ]


def uzts_history() -> list[JourneyEvent]:
    return [
        JourneyEvent(id="je-awareness", date=d("2026-03-06"), journey_stage="awareness",
                     temperature="cold",
                     reason="Техдиректор признал потери от простоев после доклада на «Иннопроме».",
                     evidence="Визитка и запрос кейса; цифра «14 % простоев» названа им самим."),
        JourneyEvent(id="je-interest", date=d("2026-03-20"), journey_stage="interest",
                     temperature="cool",
                     reason="Директор по ИТ сам предложил встречу и рассказал о бэклоге.",
                     evidence="Протокол первой встречи; приглашение на встречу с производством."),
        JourneyEvent(id="je-study", date=d("2026-06-25"), journey_stage="study",
                     temperature="warm",
                     reason="Готовы к диагностической сессии и платному аудиту.",
                     evidence="Диагностическая сессия в цехе № 2; договор на аудит от 20.07."),
        JourneyEvent(id="je-comparison", date=d("2026-10-23"), journey_stage="comparison",
                     temperature="warm",
                     reason="Холдинг предложил альтернативу; клиент сравнивает и просит пилот.",
                     evidence="Письмо Орлова о стандарте холдинга; решение о пилоте 02.11."),
    ]


def uzts_account() -> Account:
    centres = uzts_centres()
    people = uzts_people()
    layout_map(centres, people, columns=3)
    return Account(
        id="acc-uzts",
        name="АО «Уральский завод трубных систем»",
        industry="Металлургия: производство сварных и бесшовных труб",
        offering="MES для трубных цехов с интеграцией в ERP (замена 1С:УПП), сбор данных со "
                 "станов ТЭСА, прослеживаемость плавки до сертификата качества.",
        deal_value=148_500_000.0,
        currency="RUB",
        owner=KAM,
        target_close=d("2027-06-30"),
        journey_stage="comparison",
        temperature="warm",
        notes="Завод входит в УК «ТрубМет Холдинг»; холдинг продвигает платформу конкурента "
              "(«ЦифраПром»). Наш козырь — аудит и пилот на данных завода. Главный риск сейчас: "
              "допуск службы безопасности к сети АСУ ТП (встреча 26.11).",
        decision_centres=centres,
        stakeholders=people,
        relationships=uzts_relationships(),
        open_questions=uzts_questions(),
        roadmap=uzts_roadmap(),
        meetings=uzts_meetings(),
        touchpoints=uzts_touchpoints(),
        journey_grids=uzts_grids(),
        journey_history=uzts_history(),
    )


# --------------------------------------------------------------------------- account 2
def northwind_account() -> Account:
    centres = [
        DecisionCentre(id="dc-nw-ops", name="Fleet operations",
                       interest="Fewer empty miles and idle hours; on-time delivery above 97 %."),
        DecisionCentre(id="dc-nw-finance", name="Finance",
                       interest="Fuel savings that pay back within 18 months; no capex spike."),
        DecisionCentre(id="dc-nw-it", name="IT",
                       interest="Clean integration with the TMS; secure vehicle data."),
    ]
    people = [
        person("sh-nw-harper", "Emily Harper", "Chief Operating Officer", "dc-nw-ops",
               ["decision_maker", "economic_buyer"], "high", "supporter", 3, "James Carter",
               [("business", "Cut fuel cost per mile by 8 %"),
                ("pain", "Two large retail clients complained about late deliveries")],
               "study", "2026-11-05", "emily.harper@northwind-logistics.com", "+44 20 7946 0101"),
        person("sh-nw-diaz", "Carlos Diaz", "Fleet Operations Manager", "dc-nw-ops",
               ["user_buyer", "champion"], "medium", "champion", 4, "James Carter",
               [("pain", "Dispatchers phone drivers all day to find the trucks"),
                ("dream", "A live map of all 240 trucks on one screen")],
               "comparison", "2026-11-19", "carlos.diaz@northwind-logistics.com",
               "+44 20 7946 0134"),
        person("sh-nw-chen", "Linda Chen", "Chief Financial Officer", "dc-nw-finance",
               ["economic_buyer"], "high", "sceptic", 1, "James Carter",
               [("business", "Payback under 18 months"),
                ("personal", "Burnt by a route-planning tool that was never adopted")],
               "interest", "2026-09-30", "linda.chen@northwind-logistics.com", "+44 20 7946 0150"),
        person("sh-nw-okafor", "Daniel Okafor", "Financial Controller", "dc-nw-finance",
               ["influencer"], "low", "neutral", 2, "Priya Shah",
               [("business", "Accurate fuel accruals per depot")],
               "interest", "2026-10-21", "daniel.okafor@northwind-logistics.com",
               "+44 20 7946 0155"),
        person("sh-nw-walsh", "Peter Walsh", "IT Director", "dc-nw-it",
               ["technical_buyer", "blocker"], "high", "opponent", 1, "Priya Shah",
               [("pain", "The legacy TMS breaks with every new integration"),
                ("personal", "Wants to build an in-house tracking app")],
               "study", "2026-10-02", "peter.walsh@northwind-logistics.com", "+44 20 7946 0170"),
        person("sh-nw-novak", "Sara Novak", "Integration Architect", "dc-nw-it",
               ["technical_buyer"], "medium", "neutral", 2, "Priya Shah",
               [("business", "Standard REST API and webhooks"),
                ("dream", "Retire the nightly CSV imports")],
               "comparison", "2026-11-12", "sara.novak@northwind-logistics.com",
               "+44 20 7946 0177"),
    ]
    layout_map(centres, people, columns=3)
    relationships = [
        Relationship(id="rl-nw-diaz-harper", from_id="sh-nw-diaz", to_id="sh-nw-harper",
                     kind="reports_to"),
        Relationship(id="rl-nw-okafor-chen", from_id="sh-nw-okafor", to_id="sh-nw-chen",
                     kind="reports_to"),
        Relationship(id="rl-nw-novak-walsh", from_id="sh-nw-novak", to_id="sh-nw-walsh",
                     kind="reports_to"),
        Relationship(id="rl-nw-chen-harper", from_id="sh-nw-chen", to_id="sh-nw-harper",
                     kind="influences", strength=4, label="Signs off every investment"),
        Relationship(id="rl-nw-diaz-novak", from_id="sh-nw-diaz", to_id="sh-nw-novak",
                     kind="ally", strength=3, label="Both want the CSV imports gone"),
        Relationship(id="rl-nw-walsh-diaz", from_id="sh-nw-walsh", to_id="sh-nw-diaz",
                     kind="conflict", strength=3, label="Buy versus build"),
    ]
    questions = [
        OpenQuestion(id="oq-nw-payback", question="What payback period will the board accept "
                     "for fleet technology?", stakeholder_id="sh-nw-chen", channel="meeting",
                     due=d("2026-12-09")),
        OpenQuestion(id="oq-nw-tms", question="Which TMS version runs in production and who "
                     "owns its API?", stakeholder_id="sh-nw-novak", channel="call",
                     due=d("2026-11-27"), status="asked"),
        OpenQuestion(id="oq-nw-build", question="How far has the in-house tracking app got, "
                     "and what budget does it have?", stakeholder_id="sh-nw-walsh",
                     channel="meeting", due=d("2026-12-02")),
    ]
    r = Road()
    n, e = r.node, r.edge
    n("st-nw-start", "start", "Start: inbound demo request", status="done", owner="James Carter",
      due="2026-09-15", stage="interest")
    n("cp-nw-discovery", "checkpoint", "Discovery call with the COO", status="done",
      owner="James Carter", due="2026-09-29", people=["sh-nw-harper"], stage="interest",
      description="Goals, fleet size, current tools.",
      criteria=["Fleet size and depots known", "Business goal stated in numbers"])
    n("cp-nw-ride-along", "checkpoint", "Ride-along with dispatch", status="done",
      owner="Priya Shah", due="2026-10-16", people=["sh-nw-diaz"], stage="desire",
      description="A day with the dispatch team at the Leeds depot.",
      criteria=["Dispatch pains listed", "Champion confirmed"])
    n("cp-nw-requirements", "checkpoint", "Requirements workshop", status="active",
      activated_on="2026-11-10", owner="Priya Shah", due="2026-11-30",
      people=["sh-nw-diaz", "sh-nw-novak", "sh-nw-walsh"], stage="study",
      description="Integration, data security and reporting needs.",
      criteria=["Integration requirements signed off by IT", "Reporting needs listed",
                "Security questions answered"])
    n("dc-nw-pilot", "decision", "Pilot on 20 trucks?", owner="James Carter", due="2026-12-04",
      people=["sh-nw-harper", "sh-nw-walsh"], stage="study")
    n("cp-nw-pilot-install", "checkpoint", "Pilot devices installed", row=-1, owner="Priya Shah",
      description="Telematics units fitted to 20 trucks of the Leeds depot.",
      due="2027-01-15", people=["sh-nw-diaz"], stage="comparison",
      criteria=["20 trucks reporting live", "Dispatchers trained"])
    n("cp-nw-pilot-review", "checkpoint", "Pilot review with COO and CFO", row=-1,
      description="Eight weeks of pilot data reviewed against fuel and idle-time goals.",
      owner="James Carter", due="2027-02-26", people=["sh-nw-harper", "sh-nw-chen"],
      stage="comparison", criteria=["Fuel saving measured", "Go decision recorded"])
    n("cp-nw-references", "checkpoint", "Reference calls with two fleets", row=1,
      description="Calls with two fleets of similar size that run the platform.",
      owner="James Carter", people=["sh-nw-harper", "sh-nw-chen"], stage="comparison", due="2027-01-22",
      criteria=["Two reference calls held", "Both references confirm fuel savings"])
    n("cp-nw-business-case", "checkpoint", "Business case accepted by the CFO",
      description="Fuel, idle-time and admin savings against the subscription cost.",
      owner="James Carter", due="2027-03-12", people=["sh-nw-chen", "sh-nw-okafor"],
      stage="comparison", criteria=["Payback under 18 months agreed", "Budget line confirmed"])
    n("cp-nw-proposal", "checkpoint", "Proposal and contract terms agreed", owner="James Carter",
      description="Subscription price, roll-out plan and data processing terms.",
      due="2027-03-26", people=["sh-nw-harper", "sh-nw-chen"], stage="action",
      criteria=["Price agreed", "Data processing agreement signed"])
    n("cp-nw-contract", "checkpoint", "Contract signed", owner="James Carter", due="2027-04-09",
      description="Three-year subscription signed; roll-out to 240 trucks scheduled.",
      people=["sh-nw-harper"], stage="action", criteria=["Contract signed by both parties", "Roll-out schedule attached"])
    n("won-nw", "won", "Won: fleet roll-out starts", stage="first_deal")
    n("lost-nw", "lost", "Lost: project frozen", row=2, stage="study")
    r.chain("st-nw-start", "cp-nw-discovery", "cp-nw-ride-along", "cp-nw-requirements",
            "dc-nw-pilot")
    e("dc-nw-pilot", "cp-nw-pilot-install", "Yes, 20-truck pilot")
    e("dc-nw-pilot", "cp-nw-references", "No, references suffice")
    e("dc-nw-pilot", "lost-nw", "Not now: budget frozen")
    r.chain("cp-nw-pilot-install", "cp-nw-pilot-review", "cp-nw-business-case")
    e("cp-nw-references", "cp-nw-business-case")
    r.chain("cp-nw-business-case", "cp-nw-proposal", "cp-nw-contract", "won-nw")
    roadmap = r.build()
    return Account(
        id="acc-northwind",
        name="Northwind Logistics Ltd",
        industry="Road freight and warehousing",
        offering="Fleet telematics platform: live tracking, fuel and driver-behaviour analytics, "
                 "TMS integration for 240 trucks.",
        deal_value=420_000.0,
        currency="GBP",
        owner="James Carter",
        target_close=d("2027-04-09"),
        journey_stage="study",
        temperature="cool",
        notes="Champion in dispatch; the IT director prefers to build in-house.",
        decision_centres=centres,
        stakeholders=people,
        relationships=relationships,
        open_questions=questions,
        roadmap=roadmap,
        meetings=[Meeting(id="mt-nw-workshop", date=d("2026-11-27"), time="14:00",
                          place="Northwind HQ, Leeds — meeting room 2",
                          goal="Agree the integration requirements and decide on a pilot.",
                          attendee_ids=["sh-nw-diaz", "sh-nw-novak", "sh-nw-walsh"],
                          checkpoint_id="cp-nw-requirements")],
        touchpoints=[
            Touchpoint(id="tp-nw-webinar", date=d("2026-09-10"), phase="before",
                       channel="webinar", stakeholder_ids=["sh-nw-diaz"],
                       checkpoint_id="st-nw-start", summary="Webinar on cutting idle time.",
                       emotion="Curious", result="Requested a demo."),
            Touchpoint(id="tp-nw-discovery", date=d("2026-09-29"), phase="during",
                       channel="call", stakeholder_ids=["sh-nw-harper"],
                       checkpoint_id="cp-nw-discovery", summary="Discovery call.",
                       emotion="Interested", result="Agreed to a ride-along."),
            Touchpoint(id="tp-nw-ride-along", date=d("2026-10-16"), phase="during",
                       channel="meeting", stakeholder_ids=["sh-nw-diaz"],
                       checkpoint_id="cp-nw-ride-along", summary="Day at the Leeds depot.",
                       emotion="Enthusiastic", result="Pains documented; champion on board."),
        ],
        journey_history=[
            JourneyEvent(id="je-nw-interest", date=d("2026-09-15"), journey_stage="interest",
                         temperature="cool", reason="Inbound demo request after the webinar.",
                         evidence="Demo request form."),
            JourneyEvent(id="je-nw-study", date=d("2026-11-10"), journey_stage="study",
                         temperature="cool", reason="Agreed to a requirements workshop.",
                         evidence="Workshop invitation from the COO's office."),
        ],
    )


def build_document() -> WorkspaceExport:
    doc = WorkspaceExport(
        language="ru",
        journey_framework=TWELVE_STATIONS.model_copy(deep=True),
        accounts=[uzts_account(), northwind_account()],
    )
    check(doc)
    return doc


def check(doc: WorkspaceExport) -> None:
    """Refuse to write a demo that the app's own rules would complain about."""
    stations = {s.id for s in doc.journey_framework.stations}
    for account in doc.accounts:
        problems = validate_roadmap(account.roadmap) + validate_account(account)
        if problems:
            raise SystemExit(f"{account.name}: {problems}")
        if single_active(account.roadmap) is None:
            raise SystemExit(f"{account.name}: the road needs exactly one active checkpoint")
        used = {account.journey_stage} | {s.journey_stage for s in account.stakeholders}
        used |= {n.journey_stage for n in account.roadmap.nodes}
        used |= {e.journey_stage for e in account.journey_history}
        used |= {st for g in account.journey_grids for st in g.cells}
        unknown = used - stations - {None}
        if unknown:
            raise SystemExit(f"{account.name}: unknown journey stations {unknown}")


def main() -> int:
    doc = build_document()
    write_json(doc.model_dump(mode="json"), OUTPUT)
    for account in doc.accounts:
        nodes = account.roadmap.nodes
        print(f"{account.name}: {len(account.decision_centres)} centres, "
              f"{len(account.stakeholders)} people, {len(account.open_questions)} questions, "
              f"{sum(n.kind == 'checkpoint' for n in nodes)} checkpoints, "
              f"{sum(n.kind == 'decision' for n in nodes)} crossroads")
    print(f"written {OUTPUT.relative_to(OUTPUT.parents[2])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
