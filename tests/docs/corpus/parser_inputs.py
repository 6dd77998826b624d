"""Write tests/docs/data/parser_inputs.json: every distinct text the checker hands its LaTeX parser while it
checks the corpus (tagged and untagged), the benchmark's equalities and the project's own documents.

``python tests/docs/corpus/parser_inputs.py`` (about as long as scoring the corpus). The file is the
reference set on which tests/docs/test_arithmetic_grammar.py checks that the arithmetic grammar builds
what the full grammar builds.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(Path(__file__).parent))

import derive.docs.parse as parse  # noqa: E402

TARGET = ROOT / "tests" / "docs" / "data" / "parser_inputs.json"


def main() -> None:
    log = Path(tempfile.mkdtemp(prefix="derive-parser-inputs-"))
    original = parse._latex2sympy

    def logged(text, two_stage=True):
        with open(log / str(os.getpid()), "a", encoding="utf-8") as out:
            out.write(json.dumps(text) + "\n")
        return original(text, two_stage)

    parse._latex2sympy = logged
    import score

    from derive.docs.report import check_paths

    check_paths([ROOT / "bench" / "equalities.md", ROOT / "docs", ROOT / "README.md"], use_cache=False)
    score.score_all()
    texts = {json.loads(line) for part in log.iterdir() for line in part.read_text(encoding="utf-8").splitlines()}
    TARGET.write_text(json.dumps(sorted(texts), indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(texts)} distinct texts written to {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
