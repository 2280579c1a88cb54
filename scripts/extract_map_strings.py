"""List the tr() strings of the account-map UI by context (to keep
resources/translations/ru/map_canvas.json complete). Prints the missing ones."""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = {"accountmap/canvas/accountmap/style.py": "AccountMapStyle",
         "accountmap/canvas/accountmap/items.py": "AccountMapItems",
         "accountmap/canvas/accountmap/scene.py": "AccountMapScene",
         "accountmap/canvas/accountmap/legend.py": "AccountMapLegend",
         "accountmap/canvas/accountmap/page.py": None,
         "accountmap/panels/properties_map.py": None}
PATTERN = re.compile(r"""(self\.tr|cls\.tr|(?<![\w.])tr)\((?:"((?:[^"\\]|\\.)*)"|'([^']*)')\)""")
TRANSLATE = re.compile(r"""translate\("(\w+)", (?:names\[.*\]|"([^"]*)")\)""")


def strings() -> dict:
    out: dict = {}
    for f, ctx in FILES.items():
        cls = None
        for line in (ROOT / f).read_text(encoding="utf-8").splitlines():
            m = re.match(r"class (\w+)", line)
            if m:
                cls = m.group(1)
            for m in PATTERN.finditer(line):
                c = ctx if m.group(1) == "tr" else cls
                out.setdefault(c, {})[m.group(2) if m.group(2) is not None else m.group(3)] = ""
    return out


if __name__ == "__main__":
    have = json.loads((ROOT / "resources/translations/ru/map_canvas.json").read_text(encoding="utf-8")) \
        if (ROOT / "resources/translations/ru/map_canvas.json").exists() else {}
    missing = {c: {k: "" for k in v if k not in have.get(c, {})} for c, v in strings().items()}
    missing = {c: v for c, v in missing.items() if v}
    json.dump(missing, sys.stdout, ensure_ascii=False, indent=1)
    sys.exit(1 if missing else 0)
