"""What verification found, as plain data the printers and the JSON output share."""

from __future__ import annotations

from dataclasses import asdict, dataclass

PROVED, NUMERIC_ONLY, FAILED = "proved", "numeric-only", "failed"


@dataclass
class StepReport:
    because: str
    relation: str
    symbolic: str  # proved | numeric-only | failed
    symbolic_method: str  # how SymPy closed it, or why it could not
    numeric_max_rel_error: float  # largest error over the points (violation for inequalities)
    points: int
    counterexample: str = ""  # first failing point, when numeric checking failed
    numeric_path: str = ""  # how the two sides were evaluated: "compiled" (a plan), "instantiated", or both


@dataclass
class OracleReport:
    passed: bool
    max_rel_error: float
    points: int
    digits: int
    counterexample: str = ""


@dataclass
class ClaimReport:
    label: str
    relation: str
    chain_problem: str  # "" when the steps lead from lhs to rhs
    steps: list
    oracle: OracleReport
    evaluations: int

    @property
    def passed(self) -> bool:
        return not self.chain_problem and self.oracle.passed and all(s.symbolic != FAILED for s in self.steps)


@dataclass
class RemarkReport:
    text: str  # LaTeX prose with the computed value filled in
    value: str


@dataclass
class ResultReport:
    name: str
    title: str
    claims: list
    remarks: list
    seconds: float
    working_digits: int
    required_digits: int
    error: str = ""  # set when the result could not be checked at all
    cached = False  # not a field: set on a report read back from the cache

    @property
    def verified(self) -> bool:
        return not self.error and all(c.passed for c in self.claims)

    @property
    def steps(self) -> list:
        return [s for c in self.claims for s in c.steps]

    @property
    def symbolic_status(self) -> str:
        states = {s.symbolic for s in self.steps}
        if FAILED in states or not self.verified:
            return FAILED
        return NUMERIC_ONLY if NUMERIC_ONLY in states else PROVED

    @property
    def oracle(self) -> OracleReport:
        reports = [c.oracle for c in self.claims]
        return OracleReport(
            passed=bool(reports) and all(r.passed for r in reports),
            max_rel_error=max((r.max_rel_error for r in reports), default=0.0),
            points=sum(r.points for r in reports),
            digits=self.required_digits,
            counterexample=next((r.counterexample for r in reports if r.counterexample), ""),
        )

    @property
    def evaluations(self) -> int:
        return sum(c.evaluations for c in self.claims)

    def to_json(self) -> dict:
        """The machine-readable form printed by ``--json``."""
        steps = []
        for claim in self.claims:
            for step in claim.steps:
                steps.append({"claim": claim.label, **asdict(step)})
        return {
            "name": self.name,
            "title": self.title,
            "verified": self.verified,
            "symbolic_status": self.symbolic_status,
            "error": self.error,
            "steps": steps,
            "oracle": asdict(self.oracle),
            "claims": [
                {
                    "label": c.label,
                    "relation": c.relation,
                    "passed": c.passed,
                    "chain_problem": c.chain_problem,
                    "oracle": asdict(c.oracle),
                }
                for c in self.claims
            ],
            "remarks": [asdict(r) for r in self.remarks],
            "working_digits": self.working_digits,
            "seconds": round(self.seconds, 3),
        }
