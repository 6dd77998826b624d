"""The bibliography: the original sources results cite, by key.

The catalog's sources are built in; a user's own come from a BibTeX file
(:func:`use_bibtex`, ``--bib refs.bib``), read by a small parser that takes the
fields a reference list shows (author, title, journal/booktitle/publisher, year) and
never evaluates anything. A key in the user's file takes precedence over a built-in one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from derive.errors import DefinitionError, ResultModuleError


@dataclass(frozen=True)
class Reference:
    key: str
    authors: str
    year: int
    title: str
    venue: str

    def latex(self) -> str:
        return rf"{self.authors}. \emph{{{self.title}}}. {self.venue}, {self.year}."

    def short(self) -> str:
        """``Shannon 1948``, ``Bradley and Terry 1952``, ``Vaswani et al. 2017``."""
        names = [part.strip() for chunk in self.authors.split(",") for part in chunk.split(" and ") if part.strip()]
        surnames = [name.split()[-1] for name in names]
        if len(surnames) == 1:
            return f"{surnames[0]} {self.year}"
        if len(surnames) == 2:
            return f"{surnames[0]} and {surnames[1]} {self.year}"
        return f"{surnames[0]} et al. {self.year}"


REFERENCES = {
    r.key: r
    for r in [
        Reference(
            "bayes1763",
            "Thomas Bayes",
            1763,
            "An Essay towards Solving a Problem in the Doctrine of Chances",
            "Philosophical Transactions of the Royal Society of London 53:370--418",
        ),
        Reference(
            "bishop2006",
            "Christopher M. Bishop",
            2006,
            "Pattern Recognition and Machine Learning",
            "Springer, New York",
        ),
        Reference(
            "condorcet1785",
            "Nicolas de Condorcet",
            1785,
            "Essai sur l'application de l'analyse {\\`a} la probabilit{\\'e} des d{\\'e}cisions "
            "rendues {\\`a} la pluralit{\\'e} des voix",
            "Imprimerie Royale, Paris",
        ),
        Reference(
            "cover2006",
            "Thomas M. Cover and Joy A. Thomas",
            2006,
            "Elements of Information Theory",
            "2nd edition, Wiley-Interscience, Hoboken",
        ),
        Reference(
            "eckart1936",
            "Carl Eckart and Gale Young",
            1936,
            "The Approximation of One Matrix by Another of Lower Rank",
            "Psychometrika 1(3):211--218",
        ),
        Reference(
            "fisher1922",
            "Ronald A. Fisher",
            1922,
            "On the Mathematical Foundations of Theoretical Statistics",
            "Philosophical Transactions of the Royal Society A 222:309--368",
        ),
        Reference(
            "golub2013",
            "Gene H. Golub and Charles F. Van~Loan",
            2013,
            "Matrix Computations",
            "4th edition, Johns Hopkins University Press, Baltimore",
        ),
        Reference(
            "goodfellow2016",
            "Ian Goodfellow, Yoshua Bengio and Aaron Courville",
            2016,
            "Deep Learning",
            "MIT Press, Cambridge, MA",
        ),
        Reference(
            "hendrycks2016",
            "Dan Hendrycks and Kevin Gimpel",
            2016,
            "Gaussian Error Linear Units (GELUs)",
            "arXiv:1606.08415",
        ),
        Reference(
            "hinton2015",
            "Geoffrey Hinton, Oriol Vinyals and Jeff Dean",
            2015,
            "Distilling the Knowledge in a Neural Network",
            "arXiv:1503.02531",
        ),
        Reference(
            "jaynes1957",
            "Edwin T. Jaynes",
            1957,
            "Information Theory and Statistical Mechanics",
            "Physical Review 106(4):620--630",
        ),
        Reference(
            "jelinek1977",
            "Fred Jelinek, Robert L. Mercer, Lalit R. Bahl and James K. Baker",
            1977,
            "Perplexity---a Measure of the Difficulty of Speech Recognition Tasks",
            "Journal of the Acoustical Society of America 62(S1):S63",
        ),
        Reference(
            "kalamkar2019",
            "Dhiraj Kalamkar, Dheevatsa Mudigere, Naveen Mellempudi and others",
            2019,
            "A Study of BFLOAT16 for Deep Learning Training",
            "arXiv:1905.12322",
        ),
        Reference(
            "kingma2015",
            "Diederik P. Kingma and Jimmy Ba",
            2015,
            "Adam: A Method for Stochastic Optimization",
            "International Conference on Learning Representations (ICLR 2015), arXiv:1412.6980",
        ),
        Reference(
            "loshchilov2019",
            "Ilya Loshchilov and Frank Hutter",
            2019,
            "Decoupled Weight Decay Regularization",
            "International Conference on Learning Representations (ICLR 2019), arXiv:1711.05101",
        ),
        Reference(
            "ouyang2022",
            "Long Ouyang, Jeff Wu, Xu Jiang and others",
            2022,
            "Training Language Models to Follow Instructions with Human Feedback",
            "Advances in Neural Information Processing Systems 35 (NeurIPS 2022)",
        ),
        Reference(
            "robbins1951",
            "Herbert Robbins and Sutton Monro",
            1951,
            "A Stochastic Approximation Method",
            "Annals of Mathematical Statistics 22(3):400--407",
        ),
        Reference(
            "rumelhart1986",
            "David E. Rumelhart, Geoffrey E. Hinton and Ronald J. Williams",
            1986,
            "Learning Representations by Back-Propagating Errors",
            "Nature 323:533--536",
        ),
        Reference(
            "schulman2017",
            "John Schulman, Filip Wolski, Prafulla Dhariwal, Alec Radford and Oleg Klimov",
            2017,
            "Proximal Policy Optimization Algorithms",
            "arXiv:1707.06347",
        ),
        Reference(
            "shao2024",
            "Zhihong Shao, Peiyi Wang, Qihao Zhu and others",
            2024,
            "DeepSeekMath: Pushing the Limits of Mathematical Reasoning in Open Language Models",
            "arXiv:2402.03300",
        ),
        Reference(
            "su2021",
            "Jianlin Su, Yu Lu, Shengfeng Pan, Ahmed Murtadha, Bo Wen and Yunfeng Liu",
            2021,
            "RoFormer: Enhanced Transformer with Rotary Position Embedding",
            "arXiv:2104.09864",
        ),
        Reference(
            "wang2023",
            "Xuezhi Wang, Jason Wei, Dale Schuurmans and others",
            2023,
            "Self-Consistency Improves Chain of Thought Reasoning in Language Models",
            "International Conference on Learning Representations (ICLR 2023), arXiv:2203.11171",
        ),
        Reference(
            "williams1992",
            "Ronald J. Williams",
            1992,
            "Simple Statistical Gradient-Following Algorithms for Connectionist Reinforcement Learning",
            "Machine Learning 8:229--256",
        ),
        Reference(
            "ba2016",
            "Jimmy Lei Ba, Jamie Ryan Kiros and Geoffrey E. Hinton",
            2016,
            "Layer Normalization",
            "arXiv:1607.06450",
        ),
        Reference(
            "bradley1952",
            "Ralph Allan Bradley and Milton E. Terry",
            1952,
            "Rank Analysis of Incomplete Block Designs: I. The Method of Paired Comparisons",
            "Biometrika 39(3/4):324--345",
        ),
        Reference(
            "bridle1990",
            "John S. Bridle",
            1990,
            "Probabilistic Interpretation of Feedforward Classification Network Outputs, "
            "with Relationships to Statistical Pattern Recognition",
            "Neurocomputing: Algorithms, Architectures and Applications, Springer, 227--236",
        ),
        Reference(
            "gibbs1902",
            "J. Willard Gibbs",
            1902,
            "Elementary Principles in Statistical Mechanics",
            "Charles Scribner's Sons, New York",
        ),
        Reference(
            "hu2021",
            "Edward J. Hu, Yelong Shen, Phillip Wallis, Zeyuan Allen-Zhu, Yuanzhi Li, "
            "Shean Wang, Lu Wang and Weizhu Chen",
            2021,
            "LoRA: Low-Rank Adaptation of Large Language Models",
            "arXiv:2106.09685 (ICLR 2022)",
        ),
        Reference(
            "kullback1951",
            "Solomon Kullback and Richard A. Leibler",
            1951,
            "On Information and Sufficiency",
            "Annals of Mathematical Statistics 22(1):79--86",
        ),
        Reference(
            "rafailov2023",
            "Rafael Rafailov, Archit Sharma, Eric Mitchell, Stefano Ermon, Christopher D. Manning and Chelsea Finn",
            2023,
            "Direct Preference Optimization: Your Language Model is Secretly a Reward Model",
            "Advances in Neural Information Processing Systems 36 (NeurIPS 2023)",
        ),
        Reference(
            "shannon1948",
            "Claude E. Shannon",
            1948,
            "A Mathematical Theory of Communication",
            "Bell System Technical Journal 27:379--423, 623--656",
        ),
        Reference(
            "vaswani2017",
            "Ashish Vaswani, Noam Shazeer, Niki Parmar, Jakob Uszkoreit, Llion Jones, "
            "Aidan N. Gomez, {\\L}ukasz Kaiser and Illia Polosukhin",
            2017,
            "Attention Is All You Need",
            "Advances in Neural Information Processing Systems 30 (NIPS 2017)",
        ),
    ]
}


_USER: dict[str, Reference] = {}


def reference(key: str) -> Reference:
    found = _USER.get(key) or REFERENCES.get(key)
    if found is None:
        source = (
            "the BibTeX file given with --bib" if _USER else "the built-in sources; give your own with --bib refs.bib"
        )
        raise DefinitionError(f"unknown reference {key!r}: not in {source}")
    return found


def _bibtex_entries(text: str, where: str):
    """(type, key, {field: value}) for each ``@type{key, field = {…} | "…" | 123, …}`` in ``text``."""
    position = 0
    while True:
        start = re.compile(r"@\s*(\w+)\s*\{", re.ASCII).search(text, position)
        if not start:
            return
        kind = start.group(1).lower()
        depth, end = 1, start.end()
        while depth and end < len(text):
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
        if depth:
            line = text.count("\n", 0, start.start()) + 1
            raise ResultModuleError(f"{where}:{line}: the @{kind} entry is not closed (a '}}' is missing)")
        body, position = text[start.end() : end - 1], end
        if kind in ("comment", "preamble", "string"):
            continue
        key, _, rest = body.partition(",")
        yield kind, key.strip(), dict(_bibtex_fields(rest, where, text.count("\n", 0, start.start()) + 1))


def _bibtex_fields(rest: str, where: str, line: int):
    position = 0
    pattern = re.compile(r"\s*,?\s*(\w[\w-]*)\s*=\s*", re.ASCII)
    while position < len(rest.rstrip().rstrip(",")):
        match = pattern.match(rest, position)
        if not match:
            raise ResultModuleError(
                f"{where}:{line}: cannot read the fields of this entry near {rest[position : position + 30].strip()!r}"
            )
        name, position = match.group(1).lower(), match.end()
        opener = rest[position : position + 1]
        if opener == "{":
            depth, end = 1, position + 1
            while depth and end < len(rest):
                depth += {"{": 1, "}": -1}.get(rest[end], 0)
                end += 1
            value, position = rest[position + 1 : end - 1], end
        elif opener == '"':
            end = rest.find('"', position + 1)
            if end < 0:
                raise ResultModuleError(f"{where}:{line}: field {name} opens a quote it does not close")
            value, position = rest[position + 1 : end], end + 1
        else:
            bare = re.compile(r"[\w.-]+", re.ASCII).match(rest, position)
            if not bare:
                raise ResultModuleError(f"{where}:{line}: field {name} has no value")
            value, position = bare.group(0), bare.end()
        yield name, " ".join(value.split())


def _person(name: str) -> str:
    """``Vaswani, Ashish`` → ``Ashish Vaswani``."""
    last, comma, first = name.partition(",")
    return f"{first.strip()} {last.strip()}".strip() if comma else name.strip()


def from_bibtex(key: str, fields: dict, where: str) -> Reference:
    """A :class:`Reference` from one BibTeX entry's fields."""
    for needed in ("title", "year"):
        if needed not in fields:
            raise ResultModuleError(
                f"{where}: entry {key!r} has no {needed} field; a reference needs author, title and year"
            )
    people = [
        _person(name) for name in re.split(r"\s+and\s+", fields.get("author") or fields.get("editor") or "Anonymous")
    ]
    authors = people[0] if len(people) == 1 else ", ".join(people[:-1]) + " and " + people[-1]
    venue = (
        fields.get("journal")
        or fields.get("booktitle")
        or fields.get("publisher")
        or fields.get("howpublished")
        or fields.get("school")
        or fields.get("institution")
        or fields.get("note")
        or ""
    )
    for extra in ("volume", "pages"):
        if fields.get(extra):
            venue += (":" if extra == "pages" else " ") + fields[extra]
    year = re.search(r"\d{4}", fields["year"])
    if not year:
        raise ResultModuleError(f"{where}: entry {key!r} has year {fields['year']!r}; give a four-digit year")
    return Reference(key, authors, int(year.group(0)), fields["title"].strip("{}"), venue.strip() or "unpublished")


def read_bibtex(path) -> dict[str, Reference]:
    """Every entry of the BibTeX file at ``path``, by key."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ResultModuleError(
            f"cannot read the BibTeX file {path}: {getattr(exc, 'strerror', None) or exc}"
        ) from None
    entries = {key: from_bibtex(key, fields, str(path)) for _, key, fields in _bibtex_entries(text, str(path))}
    if not entries:
        raise ResultModuleError(f"{path} holds no BibTeX entry (@article{{key, ...}})")
    return entries


def use_bibtex(paths) -> None:
    """Make the entries of these BibTeX files citable (replacing any given before)."""
    _USER.clear()
    for path in paths:
        _USER.update(read_bibtex(path))
