#!/usr/bin/env python3
"""Reference values for the readability check (crates/plan/src/readability/): Python's textstat
(Dutch: Flesch with Douma's constants, syllables by Pyphen's nl_NL hyphenation dictionary) on the
texts of tests/fixtures/leesbaarheid/teksten/, written to tests/fixtures/leesbaarheid/referentie.json.

Usage (once: python3 -m venv /tmp/venv && /tmp/venv/bin/pip install textstat pyphen):
    /tmp/venv/bin/python scripts/leesbaarheid-referentie.py
The test `readability::reference` reads the JSON; README.md beside it says what it compares.
"""

import json
import pathlib
import platform
from importlib.metadata import version

import textstat
# textstat's own word list, the one its counts use (not exported at the top level).
from textstat.backend.selections._list_words import list_words

ROOT = pathlib.Path(__file__).resolve().parent.parent
FOLDER = ROOT / "tests" / "fixtures" / "leesbaarheid"

# Where each text comes from.
SOURCES = {
    "01-v1-omschrijving.txt": "V1-plan (tests/fixtures/seed/V1-dienstverlening.yaml): omschrijving",
    "02-v1-klantgericht.txt": "V1-plan: toetstermen V1.01-V1.03",
    "03-v1-communiceren.txt": "V1-plan: toetstermen V1.04-V1.11",
    "04-v1-conflicthantering.txt": "V1-plan: toetstermen V1.12-V1.15",
    "05-v1-informatie.txt": "V1-plan: toetstermen V1.16-V1.20, cesuur, instructies",
    "06-opdracht-kandidaat.txt": "toetsgen: vaste tekst van templates/opdracht-kandidaat.md.tera (december 2026), voor V1 ingevuld",
    "07-heel-eenvoudig.txt": "eigen tekst voor deze fixture: heel korte zinnen",
    "08-instructie-b1.txt": "eigen tekst voor deze fixture: instructie op B1",
    "09-ambtelijk.txt": "eigen tekst voor deze fixture: ambtelijk, lange zinnen",
    "10-verhaal.txt": "eigen tekst voor deze fixture: verhaal met dialoog",
    "11-lijst-en-afkortingen.txt": "eigen tekst voor deze fixture: lijst, afkortingen, getallen",
    "12-theorie-uitleg.txt": "eigen tekst voor deze fixture: uitleg bij een theorietoets",
}


def main() -> None:
    textstat.set_lang("nl")
    texts = []
    for path in sorted((FOLDER / "teksten").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        words = list_words(text, lowercase=True)
        per_word = [[w, textstat.syllable_count(w)] for w in words]
        syllables = textstat.syllable_count(text)
        # The word list is the one textstat counts with.
        assert len(words) == textstat.lexicon_count(text), path.name
        assert sum(n for _, n in per_word) == syllables, path.name
        texts.append(
            {
                "bestand": path.name,
                "bron": SOURCES[path.name],
                "woorden": textstat.lexicon_count(text),
                "zinnen": textstat.sentence_count(text),
                "lettergrepen": syllables,
                "flesch_douma": textstat.flesch_reading_ease(text),
                "per_woord": per_word,
            }
        )
    out = {
        "gemaakt_door": "scripts/leesbaarheid-referentie.py",
        "textstat": version("textstat"),
        "pyphen": version("pyphen"),
        "python": platform.python_version(),
        "teksten": texts,
    }
    # One line per text for its word list, so that a change in a count shows as one line.
    text = json.dumps({**out, "teksten": "@"}, ensure_ascii=False, indent=1)
    items = []
    for t in texts:
        head = json.dumps({k: v for k, v in t.items() if k != "per_woord"}, ensure_ascii=False)
        words = json.dumps(t["per_woord"], ensure_ascii=False)
        items.append(head[:-1] + ',\n   "per_woord": ' + words + "}")
    text = text.replace('"@"', "[\n  " + ",\n  ".join(items) + "\n ]")
    target = FOLDER / "referentie.json"
    target.write_text(text + "\n", encoding="utf-8")
    print(f"{target.relative_to(ROOT)}: {len(texts)} teksten")


if __name__ == "__main__":
    main()
