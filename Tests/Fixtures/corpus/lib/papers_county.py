"""Wealdshire County Council: cover reports in the county's style (label grid, boxed
summary, "1." sections with "1.1" paragraphs from Word's multi-level list, OFFICIAL footer)."""

from . import images
from .helpers import r
from .model import B, Contact, H, Img, L, P, Paper, Row, T, c

BUDGET = Paper(
    id="county-budget-2025", style="county", tagged=True,
    rows=[
        Row("From:", "by", [("Graham Whitlock", "Cabinet Member for Finance, Corporate and Traded Services"),
                            ("Zara Okafor", "Corporate Director of Finance")]),
        Row("To:", "to", "Cabinet", date="2025-01-30"),
        Row("Subject:", "subject", "Revenue budget 2025/26 and medium-term financial plan 2025 to 2028"),
        Row("Decision No:", "decision-number", "25/00012"),
        Row("Key decision:", "key-decision", "Yes"),
        Row("Classification:", "classification", "Unrestricted"),
        Row("Past Pathway of report:", "past-pathway", "Policy and Resources Cabinet Committee, 15 January 2025"),
        Row("Future Pathway of report:", "future-pathway", "County Council, 13 February 2025"),
        Row("Electoral Division:", "electoral-divisions", "All"),
        Row("Summary:", "summary", "This report sets out the draft revenue budget for 2025/26 and the medium-term "
            "financial plan to 2028. It proposes a net budget of £1,342.0m, a council tax increase of 4.99% and "
            "savings of £58.7m, and explains the *risks* that remain in the plan."),
        Row("Recommendation(s):", "recommendation", [
            "ENDORSE the draft revenue budget for 2025/26 for submission to County Council;",
            "NOTE the savings and income proposals set out in section 3; and",
            "AGREE that the Corporate Director of Finance may make technical changes before the budget is published."]),
    ],
    lead_in="Cabinet is asked to:",
    body=[
        H("Introduction"),
        P("The council must set a balanced budget before 11 March each year. This report brings together the "
          "proposals consulted on in the autumn, the provisional local government finance settlement and the "
          "latest forecasts of demand for the council's services.{^The provisional settlement was published on "
          "18 December 2024; the final settlement is expected in early February.^}"),
        P("The budget has been prepared against a background of rising demand in adult social care and "
          "children's services, where costs have grown faster than the council's income for three years in a row."),
        H("Revenue budget 2025/26"),
        P("The proposed net revenue budget for 2025/26 is £1,342.0m, an increase of £68.9m on the current year. "
          "Table 1 shows the budget for each directorate."),
        T("Table 1: Net revenue budget by directorate",
          [[c("Directorate", rowspan=2), c("Budget £m", colspan=2), None, c("Change £m", rowspan=2)],
           [None, c("2024/25"), c("2025/26"), None],
           r("Adult Social Care and Health", "512.4", "548.9", "36.5"),
           r("Children, Young People and Education", "341.7", "362.0", "20.3"),
           r("Growth, Environment and Transport", "188.2", "191.6", "3.4"),
           r("Chief Executive's Department", "27.9", "25.1", "(2.8)"),
           r("Deputy Chief Executive's Department", "84.3", "81.0", "(3.3)"),
           r("Non-attributable costs", "118.6", "121.4", "2.8"),
           r("Corporate contingency", "", "12.0", "12.0"),
           r("Total", "1,273.1", "1,342.0", "68.9")],
          header_rows=2, widths=[7.4, 3.2, 3.2, 3.2]),
        P("The corporate contingency is new for 2025/26. It is held centrally and may only be released by the "
          "Corporate Director of Finance after consulting the Cabinet Member."),
        P("The main pressures the budget has to meet are:"),
        B([("more older people needing care, and more complex care:", [
               "an estimated 3.2% rise in people receiving long-term support;",
               ("the cost of care packages rising faster than inflation, in particular:", [
                   "nursing placements;",
                   "supported living for younger adults."])]),
           ("higher costs of home to school transport for children with special educational needs;", []),
           "the national living wage rising to £12.21 an hour from April 2025."]),
        H("Savings and income"),
        P("The plan needs savings and additional income of £58.7m in 2025/26. The proposals fall into three groups:",
          key="savings"),
        L(["transformation of services, which delivers £24.1m by changing how services are provided;",
           "efficiency savings of £21.3m from contracts, property and back-office functions; and",
           "additional income of £13.3m from fees, charges and grants."]),
        P("Each proposal has been assessed for its deliverability. Proposals rated amber or red are listed in "
          "the appendix, with the action being taken to reduce the risk."),
        P("If the savings in paragraph {ref:savings} are not delivered in full, the shortfall will have to be met "
          "from reserves, which would leave the council less able to respond to unexpected events."),
        H("Reserves"),
        P("The council's reserves are forecast to fall to £101.7m by 31 March 2025, as Table 2 shows. The "
          "Chartered Institute of Public Finance and Accountancy publishes a "
          "[financial resilience index](https://www.cipfa.org/services/financial-resilience-index) against which "
          "the council compares its position each year."),
        T("Table 2: Reserves forecast",
          [r("Reserve", "Balance 1 April 2024 £m", "Forecast movement £m", "Balance 31 March 2025 £m"),
           r("General reserve", "42.1", "(3.5)", "38.6"),
           r("Risk reserve", "18.0", "(6.2)", "11.8"),
           r("Smoothing reserve", "25.4", "4.0", "29.4"),
           r("Schools' reserves (ring-fenced)", "31.7", "(9.8)", "21.9"),
           r("Total", "117.2", "(15.5)", "101.7")],
          widths=[6.2, 3.6, 3.6, 3.6]),
        P("The general reserve should not fall below 3% of the net budget. At £38.6m it remains above that level, "
          "but with little margin."),
        H("Consultation"),
        P("The budget consultation ran from 7 October to 17 November 2024 and received 2,914 responses. Most "
          "respondents supported *protecting services for vulnerable people*, and a majority accepted a council "
          "tax increase at or below the referendum limit."),
        H("Legal and equalities implications"),
        P("The Local Government Finance Act 1992 requires the council to set a balanced budget and a council tax "
          "for the year. The Corporate Director of Finance must report on the robustness of the estimates and the "
          "adequacy of reserves under section 25 of the Local Government Act 2003."),
        P("An equality impact assessment has been completed for each proposal. None is expected to have a "
          "disproportionate effect on people with a protected characteristic that cannot be mitigated."),
    ],
    background=["Budget consultation report, November 2024",
                "Provisional local government finance settlement 2025/26, December 2024"],
    contacts=[Contact("Marcus Bell", "Head of Finance Operations", "03000 416 882", "marcus.bell@wealdshire.gov.uk",
                      heading="Report Author:"),
              Contact("Zara Okafor", "Corporate Director of Finance", "03000 419 205", "zara.okafor@wealdshire.gov.uk",
                      heading="Relevant Director:")],
)

SCHEMES = [
    ("A2070 Hamstreet bypass resurfacing", "Weald South", "1,240", "310"),
    ("A229 Linton crossroads junction", "Maidwell Rural", "860", ""),
    ("A251 Challock to Faversham drainage", "Downs West", "415", "120"),
    ("A256 Eastry roundabout improvements", "Sandwich Vale", "2,310", "1,050"),
    ("A26 Tonbridge Road footway", "Maidwell North", "298", ""),
    ("A268 Hawkhurst signals upgrade", "Cranfield", "540", "45"),
    ("A274 Sutton Road bus lane", "Maidwell South", "1,725", "2,100"),
    ("A28 Bethersden bridge strengthening", "Weald Central", "930", "610"),
    ("A290 Blean cycle route", "Harbour Villages", "480", "220"),
    ("B2017 Badsell Road safety scheme", "Tonford Rural", "175", ""),
    ("B2067 Woodchurch verge works", "Weald Central", "88", ""),
    ("B2068 Stone Street resurfacing", "Downs East", "640", "160"),
    ("B2163 Coxheath traffic calming", "Maidwell Rural", "210", "30"),
    ("B2169 Lamberhurst drainage", "Cranfield", "365", ""),
    ("B258 Green Street Green crossing", "Dartley East", "142", ""),
    ("Canterbury Road street lighting", "Folkham West", "720", "720"),
    ("Coastal Park and Ride access", "Folkham East", "1,980", "2,450"),
    ("Cranbrook town centre paving", "Cranfield", "455", "95"),
    ("Dover Road retaining wall", "Harbour Villages", "1,110", "380"),
    ("Eastern Quarry access road", "Dartley East", "3,400", "4,200"),
    ("Edenbridge High Street crossing", "Sevenley", "190", ""),
    ("Faversham Creek bridge", "Downs West", "2,750", "600"),
    ("Gravesend Road bus priority", "Dartley West", "870", "1,340"),
    ("Hythe seafront drainage", "Folkham East", "305", "60"),
    ("Lower Road safety barrier", "Sheppey", "260", ""),
    ("Margate Road resurfacing", "Thanley North", "1,045", "515"),
    ("M2 junction 5 local access", "Sittingford", "600", "1,800"),
    ("New Romney school crossing", "Romney Marsh", "96", ""),
    ("Ramsgate Port access signals", "Thanley South", "430", "210"),
    ("Sandgate Hill landslip repairs", "Folkham West", "2,180", "1,150"),
    ("Sevenley bus station shelters", "Sevenley", "155", "40"),
    ("Sheerness Road cycle lane", "Sheppey", "690", "420"),
    ("Swanley Lane footbridge", "Swanford", "1,320", "260"),
    ("Tenterden High Street paving", "Weald South", "385", "90"),
    ("Thanet Way drainage", "Harbour Villages", "510", ""),
    ("Westwell Lane resurfacing", "Downs West", "225", "75"),
    ("Whitstable Road junction", "Harbour Villages", "980", "1,260"),
    ("Wrotham Heath signals", "Tonford Rural", "340", "35"),
]


def _schemes_table():
    rows = [r("Scheme", "Electoral Division", "2025/26 £000s", "2026/27 £000s")]
    rows += [r(*scheme) for scheme in SCHEMES]
    total_a = sum(int(s[2].replace(",", "")) for s in SCHEMES)
    total_b = sum(int(s[3].replace(",", "")) for s in SCHEMES if s[3])
    rows.append(r("Total", "", f"{total_a:,}", f"{total_b:,}"))
    return rows


HIGHWAYS = Paper(
    id="county-highways-capital-2025", style="county", people_order="role-name", boxed_table=True,
    rows=[
        Row("From:", "by", [("Priya Deshmukh", "Cabinet Member for Highways and Transport"),
                            ("Simon Ashdown", "Corporate Director of Growth, Environment and Transport")]),
        Row("To:", "to", "Environment and Transport Cabinet Committee"),
        Row("Date:", "date", "2025-03-11"),
        Row("Subject:", "subject", "Highways capital programme 2025/26"),
        Row("Decision No:", "decision-number", "25/00031"),
        Row("Key decision:", "key-decision", "Yes – it involves expenditure of more than £1m"),
        Row("Classification:", "classification", "Unrestricted"),
        Row("Past Pathway of report:", "past-pathway", "Corporate Management Team, 25 February 2025"),
        Row("Future Pathway of report:", "future-pathway", "Cabinet Member decision"),
        Row("Electoral Division:", "electoral-divisions", "All"),
        Row("Summary:", "summary", "This report sets out the highways schemes proposed for 2025/26 and 2026/27, "
            "funded by the Department for Transport's maintenance grant and the council's own borrowing."),
        Row("Recommendation(s):", "recommendation", [
            "ENDORSE the programme of schemes in Table 1; and",
            "NOTE that schemes may be reordered within the approved budget as designs are completed."]),
    ],
    lead_in="The Cabinet Committee is asked to consider and endorse, or make recommendations to the Cabinet "
            "Member for Highways and Transport on, the proposed decision to:",
    body=[
        H("Introduction"),
        P("The council maintains 8,700 kilometres of road, 6,100 kilometres of footway and 1,450 bridges and "
          "other structures. The capital programme pays for the work that keeps them safe and extends their life."),
        P("The programme for 2025/26 is {-£27.4m-}{+£29.5m+}, after the Department for Transport confirmed an "
          "additional allocation in January.{#Check the final allocation letter before publication.#}"),
        H("How schemes are chosen"),
        P("Schemes are ranked using the asset management plan, which scores each length of road on its "
          "condition, the traffic it carries and the risk to users. The ranking is then checked against:"),
        L(["the council's road safety priorities;",
           "schemes planned by utility companies and developers, so that roads are not dug up soon after they "
           "are resurfaced; and",
           "the views of local members, collected through the joint transportation boards."]),
        P("Where a scheme costs more than £1m it is approved separately, with its own business case, before "
          "construction starts."),
        H("The proposed programme"),
        P("Table 1 lists the schemes, with their expected spend in each of the two years. Figures are in "
          "thousands of pounds; a blank cell means no spend is planned in that year."),
        T("Table 1: Highways capital schemes 2025/26 and 2026/27", _schemes_table(),
          widths=[7.2, 3.8, 3.0, 3.0], align="llrr"),
        P("The largest single scheme is the Eastern Quarry access road, which is funded in part by developer "
          "contributions secured through planning agreements."),
        H("Risks"),
        P("Construction prices rose by 4.6% in the year to December 2024. The programme includes an allowance "
          "for inflation of 3%, and schemes will be reviewed each quarter{+ against the latest price indices+}."),
        B(["weather: a wet winter delays resurfacing and drainage work;",
           "utility diversions: these can add months to a junction scheme;",
           "supply chain: bitumen and steel prices remain volatile."]),
        H("Financial and legal implications"),
        P("The programme is funded by £18.2m of government grant, £7.9m of council borrowing and £3.4m of "
          "developer contributions. The borrowing costs are included in the revenue budget agreed in February."),
        P("The council is the highway authority under the Highways Act 1980 and has a duty to maintain the "
          "highway. The programme helps it meet that duty."),
    ],
    background=["Highways asset management plan 2023 to 2028",
                "Department for Transport maintenance allocation letter, January 2025"],
    contacts=[Contact("Owen Tranter", "Capital Programme Manager", "03000 412 640", "owen.tranter@wealdshire.gov.uk",
                      heading="Report Author:"),
              Contact("Simon Ashdown", "Corporate Director of Growth, Environment and Transport", "03000 415 981",
                      "simon.ashdown@wealdshire.gov.uk", heading="Relevant Director:")],
)

CARE_CHART = images.bar_chart("Average weekly fee, residential care (£)", ["2021/22", "2022/23", "2023/24", "2024/25"],
                              [742, 798, 856, 903], "")

CARE = Paper(
    id="county-adult-care-fees-2025", style="county",
    rows=[
        Row("From:", "by", [("Helen Marchetti", "Cabinet Member for Adult Social Care and Public Health")]),
        Row("To:", "to", "Cabinet"),
        Row("Date:", "date", "2025-03-27"),
        Row("Subject:", "subject", "Fees paid to adult social care providers in 2025/26"),
        Row("Decision No:", "decision-number", "25/00044"),
        Row("Key decision:", "key-decision", "Yes"),
        Row("Classification:", "classification", "Unrestricted"),
        Row("Past Pathway of report:", "past-pathway", "Adult Social Care Cabinet Committee, 12 March 2025"),
        Row("Future Pathway of report:", "future-pathway", "Cabinet Member decision"),
        Row("Electoral Division:", "electoral-divisions", "All"),
        Row("Is the decision eligible for call-in?", "fields", "Yes"),
        Row("Summary:", "summary", "The council buys care from more than 600 independent providers. This report "
            "proposes the increases in the fees it pays them from April 2025, which cost £31.6m in a full year."),
        Row("Recommendation(s):", "recommendation", [
            "AGREE the fee increases set out in Table 1; and",
            "DELEGATE to the Director of Adult Social Care the setting of individual rates within those increases."]),
    ],
    lead_in="Cabinet is asked to:",
    body=[
        H("Introduction"),
        P("Each year the council reviews the fees it pays for residential care, nursing care, home care and "
          "supported living. The review takes account of the *national living wage*, inflation and what "
          "providers say about their costs."),
        P("The council wrote to every provider in December 2024 and met the three provider associations in "
          "January 2025. Their comments are summarised in section 3."),
        H("Proposed fees"),
        P("Table 1 shows the proposed weekly rates for residential and nursing care and the hourly rate for home "
          "care. Blank cells are rates the council does not set centrally."),
        T("Table 1: Proposed fee rates",
          [r("Care type", "Band", "2024/25 £", "2025/26 £", "Increase %"),
           [c("Residential care", rowspan=2), c("Standard"), c("903.00"), c("948.15"), c("5.0")],
           [None, c("Enhanced"), c("1,046.00"), c("1,098.30"), c("5.0")],
           [c("Nursing care", rowspan=2), c("Standard"), c("1,012.00"), c("1,067.70"), c("5.5")],
           [None, c("Enhanced"), c("1,188.00"), c(""), c("")],
           r("Home care (per hour)", "All areas", "24.10", "25.70", "6.6"),
           r("Supported living (per hour)", "All areas", "22.40", "23.85", "6.5")],
          widths=[4.6, 2.6, 3.0, 3.0, 2.8], align="llrrr", total_row=False),
        P("The enhanced nursing rate is agreed with each provider for each person, so no central rate is shown."),
        P("The chart below shows how the average weekly fee for residential care has risen over four years."),
        Img("Bar chart: the average weekly fee for residential care rose from £742 in 2021/22 to £798 in "
            "2022/23, £856 in 2023/24 and £903 in 2024/25.", "chart.png", CARE_CHART, 12.0),
        H("What providers told us"),
        P("Providers said that staff costs make up about 70% of their costs and that the rise in employers' "
          "national insurance contributions adds a further pressure. Their main points were:"),
        B([("recruitment and retention of care workers remains difficult, especially in rural areas;", [
               "vacancy rates of 9% in home care;",
               "a reliance on agency staff at night."]),
           "energy and food costs have stabilised but remain well above 2021 levels;",
           "the council should pay the same rate for the same care, wherever it is provided."]),
        P("The [provider engagement summary](https://www.wealdshire.gov.uk/care-fees-2025) is published on the "
          "council's website."),
        H("Financial implications"),
        P("The increases cost £31.6m in 2025/26, which is within the growth allowed for in the budget agreed by "
          "County Council in February. A 1% change in the home care rate costs about £2.1m a year."),
        H("Legal implications"),
        P("Under the Care Act 2014 the council must promote a diverse and sustainable market of care and have "
          "regard to the actual cost of care when setting its fees."),
    ],
    background=["Cost of care exercise report, October 2024"],
    contacts=[Contact("Anita Rowe", "Head of Commissioning for Older People", "03000 417 334",
                      "anita.rowe@wealdshire.gov.uk", heading="Report Author:"),
              Contact("Robert Lindqvist", "Director of Adult Social Care", "03000 415 772",
                      "robert.lindqvist@wealdshire.gov.uk", heading="Relevant Director:")],
)

PAPERS = [BUDGET, HIGHWAYS, CARE]
