"""Tresham Valley Combined Authority: reports in the combined authority's style (capitalised
labels wrapped over two lines, "1)" recommendations, one paragraph count through the report)."""

from .helpers import r
from .model import B, Contact, H, L, P, Paper, Row, T, c

BUS = Paper(
    id="combined-bus-franchising-2025", style="combined",
    rows=[
        Row("REPORT TO:", "to", "TRANSPORT COMMITTEE"),
        Row("DATE:", "date", "2025-06-20"),
        Row("REPORT TITLE:", "subject", "BUS FRANCHISING: TRANSITION PLAN AND FUNDING"),
        Row("RESPONSIBLE OFFICER:", "by", [("", "DIRECTOR OF TRANSPORT")]),
        Row("KEY DECISION:", "key-decision", "YES"),
        Row("WARDS AFFECTED:", "electoral-divisions", "ALL"),
        Row("Purpose of Report", "summary", "To set out the plan for moving the region's bus services into "
            "franchising from September 2026, and the funding needed for the transition."),
        Row("Recommendations", "recommendation", [
            "Approves the transition plan for the first franchising area;",
            "Approves a transition budget of £18.6m for 2025/26 and 2026/27; and",
            "Notes the risks set out in paragraphs 25 to 28."]),
    ],
    lead_in="That the Committee:",
    body=[
        H("Background"),
        P("The Combined Authority decided in March 2025 to introduce bus franchising under the Transport Act "
          "2000, as amended by the Bus Services Act 2017. Under franchising the Combined Authority will set the "
          "routes, timetables and fares, and operators will run the services under contract."),
        P("Franchising will be introduced in three areas, one at a time. The first area covers the city of "
          "Tresham and the towns to its north; the second and third areas follow in 2027 and 2028."),
        P("This report deals with the transition in the first area. It follows the assessment published in "
          "2024, which found that franchising offered the best value of the options considered.", key="assessment"),
        P("Bus use in the region is still 12% below its level in 2019. Punctuality has improved over the last "
          "year but remains below the national average."),
        P("Passengers told the Combined Authority's survey in 2024 that the reliability of services and the "
          "cost of fares mattered most to them, followed by the number of evening and Sunday services."),
        P("The Combined Authority already pays for about a fifth of the region's bus journeys through contracts "
          "for services that would not otherwise run, so it has experience of letting and managing bus contracts."),
        H("The Transition Plan"),
        P("The transition plan has four stages:", key="stages"),
        L(["procurement of the first contracts, from July 2025 to March 2026;",
           "mobilisation, when operators take on staff, depots and vehicles, from April to August 2026;",
           "the start of franchised services on 6 September 2026; and",
           "a period of close monitoring for the first six months."]),
        P("The Combined Authority will buy two depots, at Northgate and Kestrel Park, so that operators bidding "
          "for contracts do not need a depot of their own. This is intended to attract more bidders.", key="depots"),
        P("Staff of the current operators will transfer to the new operators under the Transfer of Undertakings "
          "regulations. The unions have been consulted on the arrangements."),
        P("Fares will be simplified from the start of franchising: a single adult fare of £2 will apply to any "
          "journey in the first area, and a day ticket will cost £5."),
        P("Timetables will at first be the same as today's. Changes will be made once the Combined Authority has "
          "data on how the network is used, as described in paragraph {ref:network}."),
        P("A network review will start in spring 2027 and will look at the frequency of services, the areas "
          "that have no service in the evening and links to the new railway station.", key="network"),
        P("Passengers will be able to find times, fares and disruption notices in one place: a new website and "
          "app will be launched in August 2026, and printed timetables will still be available at bus stations."),
        P("Operators' performance will be measured each month against targets for punctuality, lost mileage and "
          "the cleanliness of vehicles, and payments will be reduced where targets are missed."),
        H("Financial Implications"),
        P("The transition will cost £18.6m over two years. Table 1 shows how it will be funded.", key="cost"),
        T("Table 1: Transition costs and funding",
          [[c("Item", rowspan=2), c("£m", colspan=3), None, None],
           [None, c("2025/26"), c("2026/27"), c("Total")],
           r("Depots", "6.8", "1.2", "8.0"),
           r("Ticketing and data systems", "1.9", "2.3", "4.2"),
           r("Programme team", "1.6", "1.8", "3.4"),
           r("Contingency", "", "3.0", "3.0"),
           r("Funded by: Bus Service Improvement Plan grant", "(7.5)", "(4.0)", "(11.5)"),
           r("Funded by: transport levy reserve", "(2.8)", "(4.3)", "(7.1)"),
           r("Net cost", "0.0", "0.0", "0.0")],
          header_rows=2, widths=[7.5, 2.8, 2.8, 2.8]),
        P("The contingency is held for 2026/27 because the risks are greatest during mobilisation. It will only be "
          "released by the Director of Transport after consulting the Chair of the Committee."),
        P("Once franchising starts, fare income will be received by the Combined Authority rather than by the "
          "operators. The assessment referred to in paragraph {ref:assessment} estimated income of £46m a year in "
          "the first area."),
        P("The cost of running franchised services is higher than the support paid to operators today. The "
          "difference is met from the transport levy and from government grant, as agreed in March."),
        H("Legal Implications"),
        P("The Combined Authority made the franchising scheme under section 123G of the Transport Act 2000. The "
          "scheme sets the date when each area may first be franchised."),
        P("The contracts will be let under the Procurement Act 2023. The Combined Authority must publish a tender "
          "notice and give bidders at least 25 days to respond."),
        P("Legal advice has been taken on the purchase of the depots, which will be bought by agreement. No "
          "compulsory purchase powers are needed."),
        H("Equalities Implications"),
        P("An equality impact assessment was published with the franchising assessment. It found that "
          "franchising is likely to benefit older and disabled people, who use buses more than others."),
        P("All new vehicles will meet the accessibility regulations and will show the next stop on screens and "
          "by announcement."),
        P("The single fare will be available to every passenger. Concessionary passes for older and disabled people "
          "will continue to be accepted at all times of day, not only after 9.30am as now."),
        H("Risk Management"),
        P("The main risk is that too few operators bid for the contracts. The purchase of depots, described in "
          "paragraph {ref:depots}, is the main way of reducing it.", key="risk-1"),
        P("A second risk is delay to the ticketing system. The supplier has been chosen and a test system will be "
          "ready by March 2026."),
        P("A third risk is the cost of fuel and wages, which will now fall on the Combined Authority. The "
          "contracts include an index so that prices move with costs."),
        P("A fourth risk is that passengers are confused by the change. A campaign will explain the new fares "
          "and ticket types from July 2026."),
        H("Conclusion"),
        P("The transition plan sets out how the first area will move to franchising in September 2026 within the "
          "budget in paragraph {ref:cost}."),
        P("The Committee will receive a report on progress at each of its meetings until franchised services "
          "have started."),
    ],
    background=["Bus franchising assessment, Tresham Valley Combined Authority, 2024",
                "Franchising scheme decision report, March 2025"],
    contacts=[Contact("Helen Marsh", "Director of Transport", "01632 961 200", "helen.marsh@treshamvalley-ca.gov.uk")],
)

PROVIDERS = [
    ("Ashby Road Training Ltd", "412", "398", "(14)"),
    ("Beckford College", "2,150", "2,260", "110"),
    ("Brindley Adult Learning Service", "1,036", "1,092", "56"),
    ("Castle Vale Skills Partnership", "288", "301", "13"),
    ("Deanery Community Learning", "154", "", ""),
    ("East Tresham College", "3,420", "3,575", "155"),
    ("Fenwick Construction Academy", "506", "540", "34"),
    ("Greenway Digital Skills", "221", "236", "15"),
    ("Halden Adult Education", "874", "861", "(13)"),
    ("Hollins Care Training", "332", "355", "23"),
    ("Kestrel Park Learning Centre", "190", "204", "14"),
    ("Langford Workers' Education", "145", "139", "(6)"),
    ("Marlow Street Academy", "267", "281", "14"),
    ("Northgate College", "2,890", "3,010", "120"),
    ("Oakfield Training Services", "318", "", ""),
    ("Penrose Engineering Skills", "455", "498", "43"),
    ("Queensway Hospitality School", "176", "183", "7"),
    ("Riverside Community College", "1,612", "1,690", "78"),
    ("St Anne's Learning Trust", "98", "104", "6"),
    ("Tresham City Council Adult Learning", "1,985", "2,040", "55"),
    ("Tresham University Continuing Education", "720", "745", "25"),
    ("Upton Green Skills Hub", "134", "152", "18"),
    ("Valley Logistics Training", "389", "412", "23"),
    ("Westbrook Sixth Form College", "243", "238", "(5)"),
    ("Wharfside Creative Learning", "167", "175", "8"),
    ("Wolds Rural Learning Network", "204", "221", "17"),
    ("Yardley Health and Care Academy", "451", "476", "25"),
]


def _num(text):
    return int(text.strip("()").replace(",", "")) * (-1 if text.startswith("(") else 1) if text else 0


def _money(value):
    return f"({-value:,})" if value < 0 else f"{value:,}"


def _providers_table():
    rows = [[c("Provider", rowspan=2), c("Allocation £000s", colspan=2), None, c("Change £000s", rowspan=2)],
            [None, c("2024/25"), c("2025/26"), None]]
    rows += [r(*p) for p in PROVIDERS]
    totals = [sum(_num(p[i]) for p in PROVIDERS) for i in (1, 2, 3)]
    rows.append(r("Total", *(_money(t) for t in totals)))
    return rows


SKILLS = Paper(
    id="combined-adult-skills-2025", style="combined", people_order="name-role",
    rows=[
        Row("REPORT TO:", "to", "SKILLS AND EMPLOYMENT BOARD"),
        Row("DATE:", "date", "2025-07-08"),
        Row("REPORT TITLE:", "subject", "ADULT SKILLS FUND ALLOCATIONS 2025/26"),
        Row("RESPONSIBLE OFFICER:", "by", [("Daniel Osei", "Head of Skills")]),
        Row("KEY DECISION:", "key-decision", "YES"),
        Row("WARDS AFFECTED:", "electoral-divisions", "ALL"),
        Row("FORWARD PLAN REFERENCE:", "fields", "TVCA/2025/019"),
        Row("Purpose of Report", "summary", "To agree the allocations of the Adult Skills Fund to training providers "
            "for the academic year 2025/26."),
        Row("Recommendations", "recommendation", [
            "Approves the allocations in Table 1; and",
            "Delegates to the Head of Skills the reallocation of any funds not used by 31 January 2026."]),
    ],
    lead_in="That the Board:",
    body=[
        H("Background"),
        P("The Combined Authority has been responsible for the Adult Skills Fund in its area since 2019. The fund "
          "pays for courses for adults aged 19 and over, from basic English and maths to qualifications at level 3."),
        P("The Combined Authority's grant for 2025/26 is £19.9m, an increase of 3.4% on the previous year."),
        P("Allocations are based on what each provider delivered in the last full year, adjusted for the "
          "priorities in the skills strategy."),
        H("Priorities for 2025/26"),
        P("The skills strategy sets three priorities for the fund:"),
        L(["courses that lead to jobs in construction, health and care and digital;",
           "English for speakers of other languages, where waiting lists remain long; and",
           "learning for adults in the most deprived neighbourhoods."]),
        P("Providers whose delivery in these areas grew in 2024/25 receive a larger share of the increase."),
        H("Allocations"),
        P("Table 1 shows the allocation for each provider. A blank cell means the provider has not yet confirmed "
          "that it will deliver in 2025/26; its allocation will be agreed once it has.", key="table"),
        T("Table 1: Adult Skills Fund allocations by provider", _providers_table(), header_rows=2,
          widths=[7.0, 2.9, 2.9, 3.2]),
        P("Four providers receive less than last year because their delivery fell short of their allocation in "
          "2024/25. Each has been offered support to recover."),
        H("Financial Implications"),
        P("The allocations in paragraph {ref:table} are within the grant. A reserve of £0.5m is held for "
          "in-year growth, in line with the funding rules."),
        H("Legal Implications"),
        P("The Combined Authority exercises the adult education functions of the Secretary of State under the "
          "order that transferred them in 2019. Allocations are made by grant agreement or contract."),
        H("Equalities Implications"),
        P("Adults with no qualifications are more likely to be from ethnic minority groups or to have a "
          "disability. The priorities are designed to reach them."),
    ],
    background=["Tresham Valley skills strategy 2023 to 2028"],
    contacts=[Contact("Daniel Osei", "Head of Skills", "01632 961 455", "daniel.osei@treshamvalley-ca.gov.uk")],
)

NETZERO = Paper(
    id="combined-net-zero-2025", style="combined", people_order="role-name",
    rows=[
        Row("REPORT TO:", "to", "COMBINED AUTHORITY BOARD"),
        Row("DATE:", "date", "2025-09-26"),
        Row("REPORT TITLE:", "subject", "NET ZERO PROGRAMME: ANNUAL PROGRESS REPORT"),
        Row("RESPONSIBLE OFFICER:", "by", [("Ruth Adeyemi", "Director of Environment and Net Zero")]),
        Row("KEY DECISION:", "key-decision", "NO"),
        Row("WARDS AFFECTED:", "electoral-divisions", "ALL"),
        Row("Purpose of Report", "summary", "To report progress on the net zero programme in 2024/25 and the "
            "priorities for the coming year."),
        Row("Recommendations", "recommendation", ["Notes the progress made in 2024/25."]),
    ],
    lead_in="That the Board:",
    body=[
        H("Background"),
        P("The Combined Authority's net zero plan, agreed in 2022, aims for the region to reach net zero carbon "
          "emissions by 2041, nine years before the national target."),
        P("Emissions in the region fell by 4.1% in 2023, the latest year for which figures are available.{^Local "
          "authority greenhouse gas emissions estimates, published by the Department for Energy Security and Net "
          "Zero in June 2025.^}"),
        H("Progress in 2024/25"),
        P("The main achievements of the year were:"),
        B([("homes: 1,420 homes were insulated under the warm homes scheme;", [
               "of which 610 were owned by housing associations;",
               ("and 810 were privately owned, including:", ["290 privately rented homes;", "520 owner-occupied homes."])]),
           ("transport: 46 new public charging points for electric vehicles;", []),
           "business: 118 small firms received energy audits."]),
        P("Spending on the programme is shown in Table 1."),
        T("Table 1: Net zero programme spending 2024/25",
          [r("Project", "Budget £m", "Spent £m", "Variance £m"),
           r("Warm homes", "9.2", "8.7", "(0.5)"),
           r("Public charging points", "2.1", "2.4", "0.3"),
           r("Business energy audits", "0.8", "0.6", "(0.2)"),
           r("Community energy fund", "1.5", "", ""),
           r("Total", "13.6", "11.7", "(0.4)")],
          widths=[7.0, 3.0, 3.0, 3.0]),
        P("The community energy fund opened for bids in March 2025 and no grants had been paid by the end of the "
          "year, so no spending is shown."),
        H("Priorities for 2025/26"),
        P("The priorities for the coming year are to extend the warm homes scheme to {-2,000-}{+2,400+} homes, to "
          "award the first community energy grants and to publish a plan for heat networks."),
        P("More information is in the [net zero programme dashboard](https://www.treshamvalley-ca.gov.uk/net-zero)."),
        H("Financial Implications"),
        P("The underspend of £0.4m will be carried forward to 2025/26 for the warm homes scheme."),
        H("Legal Implications"),
        P("There are no legal implications arising directly from this report."),
        H("Equalities Implications"),
        P("The warm homes scheme is targeted at households on low incomes, who spend a larger share of their "
          "income on energy."),
    ],
    background=[],
    contacts=[Contact("Imran Chaudhry", "Net Zero Programme Manager", "01632 961 718",
                      "imran.chaudhry@treshamvalley-ca.gov.uk")],
)

PAPERS = [BUS, SKILLS, NETZERO]
