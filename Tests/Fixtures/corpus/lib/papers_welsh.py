"""Nant-y-Ffin County Borough Council: reports in the Welsh council's style ("Report of the …"
by-line, "Agenda Item No.", bilingual labels, the date in English and Welsh, "1.1" numbering,
a Background Papers closing section)."""

from .helpers import r
from .model import B, Contact, H, L, P, Paper, Row, T, c


def _rows(item, to, date, subject, wards, key, summary, recommendations, by):
    return [Row("Agenda Item No.", "agenda-item", item),
            Row("Meeting / Cyfarfod:", "to", to),
            Row("Date / Dyddiad:", "date", date),
            Row("Subject / Pwnc:", "subject", subject),
            Row("Wards Affected / Wardiau dan Sylw:", "electoral-divisions", wards),
            Row("Key Decision / Penderfyniad Allweddol:", "key-decision", key),
            Row("Summary / Crynodeb:", "summary", summary),
            Row("Recommendations / Argymhellion:", "recommendation", recommendations),
            Row("Report of the", "by", [("", by)])]


TRANSPORT = Paper(
    id="welsh-school-transport-2025", style="welsh",
    rows=_rows("7", "Cabinet", "2025-10-21", "Home to school transport policy 2026/27", "All", "Yes",
               "The report proposes changes to the home to school transport policy from September 2026, following "
               "consultation, to keep the service within its budget while meeting the council's legal duties.",
               ["approves the revised policy at Appendix A for the school year starting in September 2026;",
                "agrees that the change to post-16 transport applies only to learners starting a course from "
                "September 2026."],
               "Director of Education"),
    lead_in="It is recommended that Cabinet:",
    body=[
        H("Introduction"),
        P("The council provides free transport to school for learners who live beyond the distances set in the "
          "Learner Travel (Wales) Measure 2008: two miles for primary school and three miles for secondary school."),
        P("The council's policy is more generous than the Measure requires in two ways: it provides transport "
          "from one and a half miles for primary learners, and it provides free transport for learners aged 16 "
          "to 18."),
        H("Budget position"),
        P("The cost of home to school transport has risen by more than a third in three years, as Table 1 shows."),
        T("Table 1: Cost of home to school transport",
          [[c("Service", rowspan=2), c("Cost £000s", colspan=3), None, None],
           [None, c("2022/23"), c("2023/24"), c("2024/25")],
           r("Mainstream primary", "2,140", "2,390", "2,655"),
           r("Mainstream secondary", "3,870", "4,210", "4,480"),
           r("Post-16", "1,020", "1,115", "1,240"),
           r("Additional learning needs", "2,960", "3,540", "4,105"),
           r("Welsh-medium and faith schools", "", "615", "690"),
           r("Total", "9,990", "11,870", "13,170")],
          header_rows=2, widths=[6.2, 3.2, 3.2, 3.2]),
        P("Costs for Welsh-medium and faith schools were included in the mainstream figures before 2023/24."),
        P("The main reasons for the increase are:"),
        B([("higher contract prices, as fewer operators bid for routes:", [
               "some routes received a single bid;",
               "two operators left the market in 2024."]),
           "more learners with additional learning needs who need individual transport;",
           "the cost of fuel and drivers' wages."]),
        H("Consultation"),
        P("The council consulted on three options between 2 June and 14 July 2025:", key="options"),
        L(["keeping the current policy and meeting the cost from other budgets;",
           "removing the discretionary distance for primary learners; and",
           "charging a contribution for post-16 transport."]),
        P("There were 1,247 responses. Most respondents opposed option (ii); views on option (iii) were evenly "
          "divided."),
        P("Having considered the responses, the proposal is to keep the primary distance and to introduce a "
          "contribution for post-16 transport of £150 a year, with exemptions for learners from low-income "
          "families."),
        H("Welsh language implications"),
        P("The policy continues to provide free transport to the nearest Welsh-medium school, in line with the "
          "council's Welsh in Education Strategic Plan."),
        H("Financial implications"),
        P("The post-16 contribution is expected to raise £185,000 a year once it applies to all year groups. "
          "This would reduce, but not close, the gap described in paragraph {ref:gap}."),
        P("The remaining gap of about £1.1m will be met from the council's budget for 2026/27.", key="gap"),
    ],
    background=["Learner Travel (Wales) Measure 2008",
                "Consultation report: home to school transport, August 2025"],
    contacts=[Contact("Gareth Pritchard", "Head of School Transport", "01633 210 442",
                      "gareth.pritchard@nantyffin.gov.wales")],
)

PLACES = Paper(
    id="welsh-school-places-2025", style="welsh",
    rows=_rows("9", "Cabinet", "2025-11-18", "Sufficiency of school places: annual review", "All", "No",
               "This report sets out the number of pupils and the capacity of the council's schools in January "
               "2025 and where there are too many or too few places.",
               ["notes the position on school places set out in the report;",
                "agrees that officers prepare options for the Cwm Isaf area."],
               "Chief Education Officer"),
    lead_in="It is recommended that Cabinet:",
    body=[
        H("Introduction"),
        P("The council must make sure there are enough school places in its area and that they are in the right "
          "places. It reviews the position each year using the pupil census taken in January."),
        H("Pupil numbers"),
        P("The number of pupils in the council's schools fell by 1.4% between January 2024 and January 2025. The "
          "fall is greatest in the primary schools in the north of the county."),
        T("Table 1: Capacity and pupils on roll",
          [[c("Schools", rowspan=2), c("Capacity", rowspan=2), c("Pupils on roll", colspan=2), None,
            c("Surplus places %", rowspan=2)],
           [None, None, c("January 2024"), c("January 2025"), None],
           r("English-medium primary", "9,820", "8,410", "8,233", "16.2"),
           r("Welsh-medium primary", "3,150", "2,905", "2,948", "6.4"),
           r("English-medium secondary", "7,400", "6,880", "6,812", "7.9"),
           r("Welsh-medium secondary", "1,800", "1,702", "1,731", "3.8"),
           r("Special schools", "420", "438", "451", "(7.4)"),
           r("Total", "22,590", "20,335", "20,175", "10.7")],
          header_rows=2, widths=[5.4, 2.4, 2.9, 2.9, 3.0]),
        P("A figure in brackets means there are more pupils than places. The special schools are above capacity "
          "and use temporary classrooms."),
        H("Areas of concern"),
        P("Three areas need action:"),
        L(["Cwm Isaf, where two primary schools each have more than 30% surplus places;",
           "the Welsh-medium primary schools in the south, which will be full by 2027; and",
           "the special schools, which are over capacity."]),
        P("For Welsh-medium education the council's strategic plan sets a target that 30% of Year 1 learners are "
          "taught through Welsh by 2032. In January 2025 the figure was 24%."),
        B(["a new Welsh-medium starter class opened in Trefelin in September 2025;",
           ("a feasibility study is looking at extending two schools:", ["Ysgol Gymraeg y Bryn;", "Ysgol Gymraeg Glan Afon."])]),
        H("Next steps"),
        P("Officers will prepare options for Cwm Isaf for Cabinet to consider in spring 2026. Any proposal to "
          "change a school would follow the School Organisation Code."),
    ],
    background=["Pupil Level Annual School Census, January 2025", "Welsh in Education Strategic Plan 2022 to 2032"],
    contacts=[Contact("Sioned Hughes", "School Organisation Manager", "01633 210 517", "sioned.hughes@nantyffin.gov.wales")],
)

ALN = Paper(
    id="welsh-additional-learning-2025", style="welsh",
    rows=_rows("5", "Education Scrutiny Committee", "2025-12-02", "Additional learning needs: implementation update",
               "All", "No",
               "The report updates the Committee on the move to the new additional learning needs system and on the "
               "cost of support for learners.",
               ["notes the progress made;",
                "considers whether it wishes to receive a further report on funding in 2026."],
               "Head of Inclusion"),
    lead_in="It is recommended that the Committee:",
    body=[
        H("Introduction"),
        P("The Additional Learning Needs and Education Tribunal (Wales) Act 2018 replaced the system of special "
          "educational needs with a single system for learners aged 0 to 25. Schools have been moving learners "
          "into the new system since September 2021.{^The implementation period was extended by the Welsh "
          "Government in 2024 and now ends in August 2026.^}"),
        H("Progress"),
        P("By the end of the summer term 2025, 2,940 learners had an individual development plan. Of these:"),
        B([("2,610 have a plan maintained by their school;", []),
           ("330 have a plan maintained by the council, including:", ["learners in special schools;",
                                                                       "learners educated other than at school."])]),
        P("The council's [guidance for parents](https://www.nantyffin.gov.wales/aln) has been updated and is "
          "available in English and Welsh."),
        H("Cost of support"),
        P("Spending on additional learning needs has risen each year, as Table 1 shows."),
        T("Table 1: Spending on additional learning needs",
          [r("Area", "2023/24 £000s", "2024/25 £000s", "Change £000s"),
           r("Special schools", "11,240", "12,115", "875"),
           r("Specialist resource bases", "3,480", "3,905", "425"),
           r("Support in mainstream schools", "5,610", "5,390", "(220)"),
           r("Out of county placements", "2,870", "3,460", "590"),
           r("Total", "23,200", "24,870", "1,670")],
          widths=[6.4, 3.2, 3.2, 3.2]),
        P("The fall in support in mainstream schools reflects the end of a grant{+ from the Welsh Government+}, "
          "not a reduction in need.{#Finance to confirm this wording.#}"),
        H("Challenges"),
        P("The main challenges are:"),
        L(["recruiting specialist teachers and educational psychologists, especially Welsh speakers;",
           "the rising number of learners with social, emotional and mental health needs; and",
           "{-keeping-}{+reducing+} the number of placements outside the county."]),
        P("The council is working with the regional consortium on a joint recruitment campaign."),
        H("Well-being of Future Generations"),
        P("The work supports the council's well-being objective that every learner can reach their potential, and "
          "follows the five ways of working in the Well-being of Future Generations (Wales) Act 2015."),
    ],
    background=["Additional Learning Needs Code for Wales 2021"],
    contacts=[Contact("Catrin Bowen", "Head of Inclusion", "01633 210 603", "catrin.bowen@nantyffin.gov.wales")],
)

PAPERS = [TRANSPORT, PLACES, ALN]
