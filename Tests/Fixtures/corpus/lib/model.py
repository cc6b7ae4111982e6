"""A paper as the generator writes it: header rows as the paper prints them (label, the
front-matter key they belong to, the value), then body blocks, then closing sections. The
house style decides how each is drawn and numbered; the truth is read from the same values."""

from dataclasses import dataclass, field


@dataclass
class Row:
    """One header row: the printed label, its Quire front-matter key ("fields" when it has
    none) and its value: text; a list of texts (recommendation); a list of (name, role)
    people (by); an ISO date (date). `date` is a meeting date printed inside the To row."""
    label: str
    key: str
    value: object
    date: str = None


@dataclass
class H:
    """A heading (level 1: a section; level 2: an unnumbered subheading)."""
    text: str
    level: int = 1


@dataclass
class P:
    """A body paragraph; `key` names it for {ref:key} cross-references; `run_in` is a bold
    lead ("Background:"); `numbered=False` for a lead-in or closing line the paper leaves
    unnumbered; `boxed` draws it in a bordered, shaded panel."""
    text: str
    run_in: str = None
    key: str = None
    numbered: bool = True
    boxed: bool = False


@dataclass
class L:
    """An ordered list of items under the paragraph before it; an item is text or
    (text, [sub-items])."""
    items: list
    ordered: bool = True


@dataclass
class B:
    """Bullets, nested: an item is text or (text, [sub-items]) ("•", then "o", then "–")."""
    items: list


def c(text, colspan=1, rowspan=1):
    """A table cell in truth form."""
    cell = {"text": text}
    if colspan > 1:
        cell["colspan"] = colspan
    if rowspan > 1:
        cell["rowspan"] = rowspan
    return cell


@dataclass
class T:
    """A table: rows in truth form (cells from c(), None where a merged cell covers),
    `header_rows` head it (and repeat on each page); `align` per column ("l"/"r");
    `widths` in centimetres; `caption` printed above it in bold."""
    caption: str
    rows: list
    header_rows: int = 1
    align: str = None
    widths: list = None
    total_row: bool = True


@dataclass
class Img:
    """A picture in the body with its alt text; `png` is the file's bytes."""
    alt: str
    name: str
    png: bytes
    width_cm: float = 12.0


@dataclass
class Contact:
    name: str
    role: str
    phone: str
    email: str
    heading: str = None  # "Report Author:", "Relevant Director:" in a two-column block


@dataclass
class Paper:
    id: str
    style: str
    rows: list
    body: list
    contacts: list = field(default_factory=list)
    background: list = field(default_factory=list)
    lead_in: str = None          # the recommendation's lead-in ("Cabinet is asked to:")
    people_order: str = "name-role"   # how `by` people are printed: "name-role" or "role-name"
    byline: bool = False         # Welsh form: "Report of the …" printed as a by-line, not a row
    logo: bytes = None
    logo_alt: str = None
    tagged: bool = False         # also export paper-tagged.pdf
    boxed_table: bool = False    # county: summary panel as a one-cell shaded table, not bordered paragraphs
    agenda_item: str = None
