"""Port Aldwick City Council: reports in the city's style (logo in the page header, run-in
capitalised header lines with coloured values, typed numbers, OFFICIAL footer)."""

from . import images
from .helpers import r
from .model import B, Contact, H, Img, L, P, Paper, Row, T, c

LOGO = images.logo(["PORT ALDWICK", "CITY COUNCIL"])
LOGO_ALT = "Port Aldwick City Council logo: a blue and gold shield"

PARKING = Paper(
    id="city-parking-strategy-2025", style="city", logo=LOGO, logo_alt=LOGO_ALT,
    rows=[
        Row("REPORT TO:", "to", "Cabinet"),
        Row("DATE:", "date", "2025-03-12"),
        Row("SUBJECT:", "subject", "Parking strategy 2025 to 2030"),
        Row("REPORT OF:", "by", [("", "Director of Place")]),
        Row("PURPOSE:", "summary", "Final decision report"),
        Row("WARD(S):", "electoral-divisions", "All wards"),
        Row("KEY DECISION:", "key-decision", "Yes"),
        Row("FORWARD PLAN REF:", "fields", "FP/2025/041"),
        Row("RECOMMENDATIONS:", "recommendation", [
            "Approves the parking strategy 2025 to 2030 at Appendix 1;",
            "Approves the tariffs in Table 1 from 1 June 2025; and",
            "Authorises the Director of Place to make the traffic regulation orders needed."]),
    ],
    lead_in="That Cabinet:",
    body=[
        H("Background"),
        P("The current parking strategy was adopted in 2018. Since then the number of cars registered in the city "
          "has risen by 6%, while demand in the city centre has fallen as more people work from home.",
          run_in="Context:"),
        P("A new strategy is needed to support the city's *Local Transport Plan*, its air quality action plan "
          "and the regeneration of the waterfront.", run_in="Why now:"),
        H("The strategy"),
        P("The strategy has four aims:", run_in="Aims:"),
        L(["to manage demand for parking so that people can find a space where they need one;",
           "to support the city centre economy and its evening trade;",
           "to encourage walking, cycling and public transport; and",
           "to keep residential streets free of commuter parking."]),
        P("Tariffs would change in three zones. Table 1 shows the current and proposed hourly charges.",
          run_in="Tariffs:"),
        T("Table 1: Hourly parking tariffs",
          [[c("Zone", rowspan=2), c("Tariff per hour £", colspan=2), None, c("Change £", rowspan=2)],
           [None, c("Current"), c("Proposed"), None],
           r("Zone A (city centre)", "2.80", "3.20", "0.40"),
           r("Zone B (waterfront)", "2.20", "2.50", "0.30"),
           r("Zone C (district centres)", "1.20", "1.20", "0.00"),
           r("Park and Ride", "", "", "")],
          header_rows=2, widths=[6.0, 3.2, 3.2, 3.0], total_row=False),
        P("Park and Ride parking stays free; the bus fare covers it.", numbered=False),
        H("Consultation"),
        P("The draft strategy was published for consultation from 4 November to 16 December 2024. There were "
          "1,806 responses.", run_in="Response:"),
        P("The main themes raised were:"),
        B([("the cost of parking for people who work in the city centre:", [
               "shift workers at the hospital and the port;",
               ("staff of small shops, who asked for:", ["cheaper season tickets;", "more spaces near the market."])]),
           "the lack of disabled parking bays in the district centres;",
           "support for more electric vehicle charging points."]),
        H("Financial implications"),
        P("The new tariffs are expected to raise additional income of £412,000 a year. The costs of the "
          "traffic regulation orders and new signs, about £85,000, will be met from the parking account."),
        P("Any surplus on the parking account must be spent on transport purposes under section 55 of the Road "
          "Traffic Regulation Act 1984.", run_in="Legal:"),
        H("Equalities"),
        P("An equality impact assessment found that the free parking for Blue Badge holders should be kept in "
          "every zone. The strategy does this."),
    ],
    background=["Parking strategy 2018", "Consultation report, January 2025"],
    contacts=[Contact("Dev Patel", "Head of Parking Services", "01632 960 417", "dev.patel@portaldwick.gov.uk")],
)

HOUSING = Paper(
    id="city-housing-repairs-2025", style="city", logo=LOGO, logo_alt=LOGO_ALT, people_order="role-name",
    rows=[
        Row("REPORT TO:", "to", "Housing and Communities Committee"),
        Row("DATE:", "date", "2025-06-18"),
        Row("SUBJECT:", "subject", "Responsive repairs contract for council homes"),
        Row("REPORT OF:", "by", [("Kwame Asante", "Director of Housing")]),
        Row("PURPOSE:", "summary", "To seek approval to procure a new responsive repairs contract for the "
            "council's 14,200 homes."),
        Row("WARD(S):", "electoral-divisions", "All wards"),
        Row("KEY DECISION:", "key-decision", "Yes"),
        Row("CONFIDENTIAL OR EXEMPT:", "fields", "No"),
        Row("RECOMMENDATIONS:", "recommendation", [
            "Approves the procurement of a responsive repairs contract in two lots, as set out in section 2;",
            "Delegates the award of the contract to the Director of Housing after consulting the Chair."]),
    ],
    lead_in="That the Committee:",
    body=[
        H("Background"),
        P("The current contract for responsive repairs ends on 31 March 2026. It was let in 2019 for five years "
          "with an option to extend for two, of which one year has been used.", run_in="Current contract:"),
        P("Tenants rated the repairs service 71% satisfied in the 2024 survey{^Tenant satisfaction measures "
          "survey 2024, carried out for the council by an independent research company.^}, below the 80% "
          "target.", run_in="Performance:"),
        H("Proposed approach"),
        P("Officers propose to split the work into two lots, so that local firms can bid for the smaller one:",
          run_in="Lots:"),
        L(["Lot 1: general repairs, plumbing, carpentry and electrical work across the city;",
           "Lot 2: roofing, external walls and drainage."]),
        P("The estimated value of each lot is shown in Table 1.", run_in="Value:"),
        T("Table 1: Estimated contract value",
          [[c("Lot", rowspan=2), c("Estimated value £m", colspan=3), None, None],
           [None, c("2026/27"), c("2027/28"), c("2028/29")],
           r("Lot 1: general repairs", "9.4", "9.7", "10.0"),
           r("Lot 2: roofing and external", "3.1", "3.2", "3.3"),
           r("Total", "12.5", "12.9", "13.3")],
          header_rows=2, widths=[6.4, 3.0, 3.0, 3.0]),
        P("The contract would run for five years from 1 April 2026 with an option to extend for up to five more, "
          "one year at a time{+, subject to performance+}."),
        H("Tenant involvement"),
        P("The Tenants' Panel has helped to write the specification. Its members will sit on the evaluation panel "
          "and score the bidders' answers on customer care.", run_in="Tenants' Panel:"),
        P("The draft specification is on the [council's website](https://www.portaldwick.gov.uk/repairs-contract) "
          "and tenants can comment on it until 31 July 2025."),
        H("Financial and legal implications"),
        P("The cost will be met from the Housing Revenue Account. The estimates allow for inflation of 3% a year."),
        P("The procurement will follow the Procurement Act 2023, which applies to contracts started after "
          "24 February 2025.", run_in="Legal:"),
    ],
    background=["Tenant satisfaction measures survey 2024"],
    contacts=[Contact("Lena Kowalczyk", "Repairs Contract Manager", "01632 960 288",
                      "lena.kowalczyk@portaldwick.gov.uk")],
)

VISITS = images.bar_chart("Library visits (thousands)", ["2019/20", "2022/23", "2023/24", "2024/25"],
                          [1240, 760, 880, 935], "")

LIBRARIES = Paper(
    id="city-libraries-review-2025", style="city", logo=LOGO, logo_alt=LOGO_ALT,
    rows=[
        Row("REPORT TO:", "to", "Cabinet"),
        Row("DATE:", "date", "2025-09-10"),
        Row("SUBJECT:", "subject", "Library opening hours review"),
        Row("REPORT OF:", "by", [("Sarah Ng", "Executive Director of Communities")]),
        Row("PURPOSE:", "summary", "To agree new opening hours for the city's eleven libraries from January 2026."),
        Row("WARD(S):", "electoral-divisions", "Central; Harbour; Northfield; Saltmarsh"),
        Row("KEY DECISION:", "key-decision", "No"),
        Row("RECOMMENDATIONS:", "recommendation", [
            "Agrees the opening hours in Table 1 from 5 January 2026.",
            "Notes that the hours will be reviewed after twelve months."]),
    ],
    lead_in="That Cabinet:",
    body=[
        H("Background"),
        P("Visits to the city's libraries fell sharply during the pandemic and have recovered slowly since. The "
          "chart shows visits in four years.", run_in="Visits:"),
        Img("Bar chart of library visits in thousands: 1,240 in 2019/20, 760 in 2022/23, 880 in 2023/24 and 935 "
            "in 2024/25.", "visits.png", VISITS, 11.0),
        P("Use now peaks on Saturday mornings and weekday afternoons, when children come in after school.",
          run_in="Patterns:"),
        H("Proposals"),
        P("The review proposes three changes:", run_in="Changes:"),
        L(["opening the four busiest libraries on Sunday afternoons;",
           "opening every library later on weekday mornings, at 10am instead of 9am; and",
           "keeping the *digital help* sessions at their current times."]),
        P("Table 1 shows the proposed weekly hours. A blank cell means the library stays closed that day.",
          run_in="Hours:"),
        T("Table 1: Proposed opening hours",
          [r("Library", "Weekdays", "Saturday", "Sunday", "Hours a week"),
           r("Central Library", "10am to 7pm", "9am to 5pm", "12pm to 4pm", "57"),
           r("Harbour", "10am to 6pm", "9am to 4pm", "12pm to 4pm", "51"),
           r("Northfield", "10am to 6pm", "9am to 4pm", "12pm to 4pm", "51"),
           r("Saltmarsh", "10am to 6pm", "9am to 1pm", "12pm to 4pm", "48"),
           r("Seven other libraries", "10am to 5pm", "9am to 1pm", "", "39")],
          widths=[4.6, 3.2, 3.0, 3.0, 2.8], align="llllr", total_row=False),
        H("Consultation"),
        P("The council asked library users and staff for their views over the summer.{#Add the final response "
          "numbers from the survey team.#}", run_in="Survey:"),
        B(["62% of respondents supported Sunday opening;",
           ("later weekday opening was accepted by most, but some asked for an early start on one day:", [
               "for job seekers using the computers;",
               "for parents after the school run."])]),
        H("Financial implications"),
        P("The proposals cost no more than the current hours: the Sunday hours are paid for by opening later on "
          "weekday mornings, when few people visit."),
    ],
    background=[],
    contacts=[Contact("Tom Achterberg", "Libraries Manager", "01632 960 553", "tom.achterberg@portaldwick.gov.uk")],
)

PAPERS = [PARKING, HOUSING, LIBRARIES]
