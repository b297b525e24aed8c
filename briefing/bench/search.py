"""Search benchmark (`make bench`): synthetic knowledge bases of 1,000 and 10,000 questions in
Dutch-like municipal language; index build rate, in-process query latency (median, p95) and the
wall time of `briefing ask` with a warm cache.

    python -m briefing.bench.search [--sizes 1000,10000] [--queries 400] [--json]

Everything happens in a temporary folder with its own XDG_CACHE_HOME; nothing of the user's is
touched. Targets at 10,000 questions on a 2-core machine: p95 <= 20 ms, build >= 300 q/s,
warm ask <= 1.0 s."""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# --- a Dutch-like vocabulary of municipal briefing language ------------------------------------
NOUNS = """
medewerker werkgever gemeente organisatie directie afdeling cluster team leidinggevende manager
wethouder college raad commissie fractie raadslid motie toezegging voordracht besluit brief
raadsbrief rapport onderzoek rapportage evaluatie monitor cijfer streefcijfer doelstelling
ambitie aanpak maatregel interventie actie programma project traject plan agenda
uitvoeringsagenda bestuursopdracht begroting budget kosten middelen subsidie regeling beleid
inclusie diversiteit discriminatie racisme integriteit melding meldpunt klacht signaal sanctie
vertrouwenspersoon bureau werving selectie vacature functie talent doorstroom instroom
uitstroom opleiding training workshop bijeenkomst dialoog gesprek sessie cultuur gedrag
veiligheid welzijn werkdruk verzuim ziekteverzuim re-integratie personeel formatie inhuur
externe adviseur bijstand uitkering inkomen participatie schuldhulp armoede minimaregeling
jeugdzorg wijkteam zorg woning huur woningbouw corporatie wachtlijst urgentie dakloosheid
opvang verkeer parkeren fiets fietspad kademuur brug openbare ruimte groen afval container
handhaving toezicht vergunning horeca evenement festival toerisme overlast veiligheidsregio
stadsdeel buurt wijk bewoner ondernemer onderwijs school kinderopvang sport cultuurinstelling
museum bibliotheek klimaat energie warmtenet zonnepanelen duurzaamheid laadpaal luchtkwaliteit
digitalisering privacy datalek informatiebeveiliging archief wob woo openbaarheid
""".split()
PARTS = """
werk plan beleid zorg wijk stad bouw huur school sport klant dienst data meld punt kader
programma onderzoek cijfer norm team traject geld fonds regeling loket netwerk overleg
""".split()
VERBS = """
verbeteren versterken uitbreiden onderzoeken evalueren monitoren rapporteren informeren
toezeggen invoeren afronden starten verlengen stoppen aanpassen uitvoeren organiseren
betrekken ondersteunen begeleiden aanpakken voorkomen verminderen vergroten bespreken
""".split()
ADJECTIVES = """
nieuwe extra structurele tijdelijke externe interne onafhankelijke gemeentelijke stedelijke
lokale landelijke inclusieve diverse veilige betaalbare duurzame digitale concrete
""".split()
DISTRICTS = ["Centrum", "Noord", "Oost", "West", "Nieuw-West", "Zuid", "Zuidoost", "Weesp"]
QUESTION_TEMPLATES = [
    "Hoe staat het met de {n1} van de {n2} in {d}?",
    "Wanneer wordt de raad geïnformeerd over de {a} {n1}?",
    "Kan de wethouder toezeggen dat de {n1} voor {y} wordt {v_pp}?",
    "Hoeveel {n1_pl} zijn er inmiddels bij de {n2} gemeld?",
    "Waarom duurt het zo lang voordat de {n1} van de {n2} {v_inf} wordt?",
    "Wat gaat het college doen om de {n1} rond {n2} te {v_inf}?",
    "Is de wethouder bereid om de {a} {n1} ook in {d} in te zetten?",
    "Klopt het dat de {n1} van {y} nog niet is {v_pp}?",
    "Welke {n1_pl} worden er genomen om {n2} te {v_inf}?",
    "Hoe verhoudt de {n1} zich tot de {n2} van het {c}?",
]
ANSWER_TEMPLATES = [
    "We {v_inf_3} de {n1} samen met de {n2} en {n3}.",
    "In {y} is de {a} {n1} gestart; de eerste resultaten verwachten we na de zomer.",
    "De {n1} is onderdeel van het {c} en wordt jaarlijks met de raad gedeeld.",
    "Er zijn {k} {n1_pl} afgerond en {k2} lopen nog.",
    "Dat beeld herken ik niet: de {n1} in {d} is juist {a_pred} geworden.",
    "We informeren de raad voor {m} {y} over de {n1} en de {n2}.",
    "De kosten van de {n1} worden gedekt uit de bestaande {n2}.",
    "Het {c} kijkt ook naar de {n1} en de rol van de {n2}.",
    "Samen met {d} werken we aan een {a} {n1} voor {n2_pl}.",
    "Medewerkers kunnen terecht bij het {c} en bij een {n1}.",
]
MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()
SURNAMES = """
Jansen de Vries van den Berg Bakker Visser Smit Meijer de Boer Mulder de Groot Bos Vos Peters
Hendriks van Leeuwen Dekker Brouwer de Wit Dijkstra Smits de Graaf van der Meer Kok Jacobs
Haddou El Amrani Yilmaz Demir Kaya Öztürk Boukhari Ramdin Sewnath Tjon Kartosen Wijnaldum
""".split()
PARTIES = [("GroenLinks", ["GL"]), ("Partij van de Arbeid", ["PvdA"]), ("Democraten 66", ["D66"]),
           ("Volkspartij voor Vrijheid en Democratie", ["VVD"]), ("Partij voor de Dieren", ["PvdD"]),
           ("Christen-Democratisch Appèl", ["CDA"]), ("Socialistische Partij", ["SP"]),
           ("BIJ1", []), ("DENK", []), ("Volt", []), ("JA21", []), ("Forum voor Democratie", ["FvD"]),
           ("ChristenUnie", ["CU"]), ("Partij voor de Amsterdammers", ["PvdA'ers"])]
ABBREVIATIONS = [("WPI", "Werk, Participatie en Inkomen"), ("BI", "Bureau Integriteit"),
                 ("GMT", "Gemeentelijk Management Team"), ("P&O", "Personeel en Organisatie"),
                 ("I&D", "Inclusie en Diversiteit"), ("OOV", "Openbare Orde en Veiligheid"),
                 ("RVE", "resultaatverantwoordelijke eenheid"), ("MTO", "medewerkerstevredenheidsonderzoek"),
                 ("KTO", "klanttevredenheidsonderzoek"), ("GGD", "Gemeentelijke Gezondheidsdienst")]


SYLLABLES = """
ber bos dam dijk veld hout kerk land laan lin mar mol noord oost rijn sloot stein ter ven
vliet wal wes zand zee zuid ams gaas hoog laag nieu oud rood wit groen blauw
""".split()


class Generator:
    """Sentences from templates over a lexicon with a Zipf distribution, like real briefing
    text: a few words everywhere ('medewerker', 'raad'), most words in a handful of cards.
    About 8,000 word types: base nouns, compounds ('wijkzorgplan') and proper names."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        r = self.rng
        compounds: set[str] = set()
        while len(compounds) < 6000:
            first = r.choice(PARTS + NOUNS).replace("-", "")
            second = r.choice(NOUNS).replace("-", "")
            if first != second:
                compounds.add(first + ("s" if r.random() < 0.2 else "") + second)
        names: set[str] = set()
        while len(names) < 1500:
            names.add("".join(r.sample(SYLLABLES, r.randint(2, 3))).capitalize())
        self.nouns = NOUNS + sorted(compounds) + sorted(names)
        # Zipf: the base nouns come up most, compounds and names in few cards each.
        self.weights = [1.0 / (i + 1) ** 1.0 for i in range(len(self.nouns))]
        # Cumulative once (random.choices would add them up on every call): same draws.
        self.cum_weights = list(itertools.accumulate(self.weights))
        self.members = []
        for i in range(45):
            name = " ".join(self.rng.sample(SURNAMES, 1 + (i % 3 == 0)))
            party = PARTIES[i % len(PARTIES)]
            self.members.append((name, party[1][0] if party[1] else party[0]))

    def noun(self) -> str:
        return self.rng.choices(self.nouns, cum_weights=self.cum_weights)[0]

    def fill(self, template: str) -> str:
        r = self.rng
        verb = r.choice(VERBS)
        values = {
            "n1": self.noun(), "n2": self.noun(), "n3": self.noun(),
            "n1_pl": plural(self.noun()), "n2_pl": plural(self.noun()),
            "a": r.choice(ADJECTIVES), "a_pred": r.choice(ADJECTIVES).rstrip("e"),
            "d": r.choice(DISTRICTS), "y": str(r.randint(2019, 2028)), "m": r.choice(MONTHS),
            "c": r.choice(["programma", "actieplan", "project", "meldpunt", "bureau", "team"]),
            "v_inf": verb, "v_inf_3": verb[:-1] if verb.endswith("n") else verb,
            "v_pp": "ge" + verb[:-2] + "d" if verb.endswith("en") else verb,
            "k": str(r.randint(2, 90)), "k2": str(r.randint(1, 40)),
        }
        return template.format(**values)

    def sentence(self) -> str:
        return self.fill(self.rng.choice(ANSWER_TEMPLATES))

    def question(self) -> str:
        return self.fill(self.rng.choice(QUESTION_TEMPLATES))

    def dossier(self, number: int, questions: int) -> dict:
        r = self.rng
        topic = self.noun()
        asked = []
        for q in range(1, questions + 1):
            member, party = r.choice(self.members)
            item = {"nummer": q, "raadslid": member, "fractie": party, "vraag": self.question(),
                    "antwoord": [self.sentence() for _ in range(r.randint(1, 4))]}
            if r.random() < 0.25:
                other, other_party = r.choice(self.members)
                item["varianten"] = [{"raadslid": other, "fractie": other_party,
                                      "vraag": self.question()}]
            if r.random() < 0.3:
                item["antwoord"].append({"tekst": self.sentence(),
                                         "sub": [self.sentence() for _ in range(2)]})
            if r.random() < 0.3:
                item["doorvragen"] = [self.sentence()]
            if r.random() < 0.05:
                item["status"] = "concept"
            asked.append(item)
        dossier = {
            "id": f"dossier-{number:05d}",
            "titel": f"{topic.capitalize()} en {self.noun()} in {r.choice(DISTRICTS)}",
            "vergadering": "Raadscommissie " + r.choice(["FKD", "WIA", "MOW", "SED", "JEK"]),
            "status": "vastgesteld" if r.random() < 0.9 else "concept",
            "classificatie": "openbaar",
            "bron": f"annotatie-{number:05d}.docx",
            "kernboodschap": [self.sentence() for _ in range(r.randint(3, 6))],
            "themas": [{"titel": f"{self.noun().capitalize()} en {self.noun()}",
                        "regels": [self.sentence() for _ in range(r.randint(2, 5))]}
                       for _ in range(r.randint(2, 6))],
            "vragen": asked,
        }
        if r.random() < 0.03:
            dossier["embargo_tot"] = "2099-01-01T09:00:00"
        return dossier

    def queries(self, count: int) -> list[str]:
        """What advisers type: keywords, typos, questions, spoken sentences, names."""
        r = self.rng
        out = []
        for i in range(count):
            kind = i % 6
            if kind == 0:
                out.append(" ".join(self.noun() for _ in range(r.randint(2, 3))))
            elif kind == 1:
                words = [self.noun() for _ in range(3)]
                word = words[0]
                if len(word) > 5:
                    j = r.randrange(1, len(word) - 1)
                    words[0] = word[:j] + word[j + 1:]  # a dropped letter
                out.append(" ".join(words))
            elif kind == 2:
                out.append(self.question())
            elif kind == 3:
                out.append("Ja, dank u voorzitter. Ik wil even terug naar " + self.question().lower()
                           + " Want daar hoor ik eigenlijk nog niks over.")
            elif kind == 4:
                member, party = r.choice(self.members)
                out.append(f"{member} ({party}) vraagt naar de {self.noun()}")
            else:
                abbreviation = r.choice(ABBREVIATIONS)[0]
                out.append(f"{abbreviation} {self.noun()} {self.noun()[:4]}")  # last word typed half
        return out


def plural(noun: str) -> str:
    if noun.endswith(("e", "er", "el", "en")):
        return noun + "s"
    if noun.endswith("ie"):
        return noun + "s"
    return noun + "en"


def write_kb(root: Path, questions: int, seed: int = 7) -> Generator:
    import yaml

    gen = Generator(seed)
    (root / "dossiers").mkdir(parents=True)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    members = [{"naam": m, "fractie": p, "aliassen": []} for m, p in gen.members]
    (root / "raadsleden.yaml").write_text(yaml.dump(members, Dumper=dumper, allow_unicode=True),
                                          encoding="utf-8")
    parties = [{"naam": n, "afkortingen": a} for n, a in PARTIES]
    (root / "fracties.yaml").write_text(yaml.dump(parties, Dumper=dumper, allow_unicode=True),
                                        encoding="utf-8")
    abbreviations = [{"afkorting": a, "betekenis": m} for a, m in ABBREVIATIONS]
    (root / "afkortingen.yaml").write_text(
        yaml.dump(abbreviations, Dumper=dumper, allow_unicode=True), encoding="utf-8")
    bundled = Path(__file__).resolve().parents[2] / "knowledge" / "synoniemen.yaml"
    if bundled.is_file():
        shutil.copy(bundled, root / "synoniemen.yaml")
    per_dossier = 20
    number = 0
    left = questions
    while left > 0:
        number += 1
        size = min(per_dossier, left)
        data = gen.dossier(number, size)
        (root / "dossiers" / f"{data['id']}.yaml").write_text(
            yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
        left -= size
    return gen


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lower = int(k)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (k - lower)


def bench_size(questions: int, query_count: int, workdir: Path) -> dict:
    from briefing.model import load_knowledge
    from briefing.search.engine import SearchEngine
    from briefing.search.results import SearchOptions

    root = workdir / f"kb-{questions}"
    cache = workdir / f"cache-{questions}"
    os.environ["XDG_CACHE_HOME"] = str(cache)
    gen = write_kb(root, questions)
    start = time.perf_counter()
    kb = load_knowledge(root)
    load_seconds = time.perf_counter() - start
    assert not kb.errors, kb.errors[:3]
    start = time.perf_counter()
    engine = SearchEngine.open(kb)
    build_seconds = time.perf_counter() - start
    cards = len(engine.cards)
    queries = gen.queries(query_count)
    options = SearchOptions(limit=10)
    # The knowledge base stays loaded, as in the app; the build's garbage is collected first so
    # that it does not land in the first timings.
    gc.collect()
    for text in queries[:10]:  # warm-up: first-use caches, like the app after start
        engine.search(text, options)
    timings = []
    empty = 0
    for text in queries:
        t0 = time.perf_counter()
        results = engine.search(text, options)
        timings.append((time.perf_counter() - t0) * 1000)
        empty += not results
    # Keystroke by keystroke: every prefix of a few questions (what the app does live).
    typing = []
    for text in queries[2:60:6]:
        for end in range(3, len(text) + 1, 2):
            t0 = time.perf_counter()
            engine.search(text[:end], options)
            typing.append((time.perf_counter() - t0) * 1000)
    asks = []
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    for text in queries[:3]:
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "briefing", "ask", "--kb", str(root), "--",
                               text], env=env, capture_output=True, text=True)
        asks.append(time.perf_counter() - t0)
        if done.returncode != 0:
            raise SystemExit(f"briefing ask faalde: {done.stderr}")
    # One line edited in one dossier, as an adviser does during a meeting: what the app's
    # reload does (load again, reusing unchanged files; update the index), and `ask` right after.
    edited = sorted((root / "dossiers").glob("*.yaml"))[len(kb.dossiers) // 2]
    text = edited.read_text(encoding="utf-8")
    marker = "Het pontveer naar Zeeburgereiland vaart vanaf maart elke tien minuten."
    first_line = next(line for line in text.splitlines() if line.startswith("- ")
                      or line.startswith("  - "))
    edited.write_text(text.replace(first_line, first_line.split("- ")[0] + "- " + marker, 1),
                      encoding="utf-8")
    start = time.perf_counter()
    kb2 = load_knowledge(root, previous=kb)
    engine2 = SearchEngine.open(kb2)
    reload_seconds = time.perf_counter() - start
    found_live = any(marker in r.line_texts or marker in (r.title or "")
                     for r in engine2.search("pontveer zeeburgereiland tien minuten", options))
    edited.write_text(text.replace(first_line, first_line.split("- ")[0] + "- " + marker
                                   + " Ook in het weekend.", 1), encoding="utf-8")
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "briefing", "ask", "--kb", str(root), "--",
                           "pontveer zeeburgereiland weekend"], env=env, capture_output=True,
                          text=True)
    ask_after_edit = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"briefing ask faalde: {done.stderr}")
    return {
        "vragen": questions, "kaarten": cards, "dossiers": len(kb.dossiers),
        "laden_s": round(load_seconds, 2),
        "bouwen_s": round(build_seconds, 2),
        "bouwsnelheid_vragen_per_s": round(questions / build_seconds),
        "zoekvragen": len(timings),
        "zoeken_mediaan_ms": round(statistics.median(timings), 2),
        "zoeken_p95_ms": round(percentile(timings, 0.95), 2),
        "zoeken_max_ms": round(max(timings), 2),
        "typen_mediaan_ms": round(statistics.median(typing), 2),
        "typen_p95_ms": round(percentile(typing, 0.95), 2),
        "zonder_resultaat": empty,
        "ask_warm_s": round(statistics.median(asks), 3),
        "herladen_na_bewerking_s": round(reload_seconds, 3),
        "herladen_gevonden": found_live,
        "ask_na_bewerking_s": round(ask_after_edit, 3),
        "ask_na_bewerking_gevonden": "zeeburgereiland" in done.stdout.lower(),
    }


BUILD_ONLY = """
import json, os, resource, sys, time
from pathlib import Path
from briefing.model import load_knowledge
from briefing.search.engine import SearchEngine
kb = load_knowledge(Path(sys.argv[1]))
start = time.perf_counter()
engine = SearchEngine.open(kb)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "cards": len(engine.cards),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
"""


def bench_build(questions: int, workdir: Path) -> dict:
    """Index build speed and peak memory (of the whole process, knowledge base loaded) for a
    knowledge base of this size, in a process of its own."""
    root = workdir / f"kb-build-{questions}"
    write_kb(root, questions)
    env = dict(os.environ, XDG_CACHE_HOME=str(workdir / f"cache-build-{questions}"))
    done = subprocess.run([sys.executable, "-c", BUILD_ONLY, str(root)], env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"bouwen faalde: {done.stderr}")
    result = json.loads(done.stdout)
    shutil.rmtree(root, ignore_errors=True)
    return {"vragen": questions, "kaarten": result["cards"],
            "bouwen_s": round(result["seconds"], 2),
            "bouwsnelheid_vragen_per_s": round(questions / result["seconds"]),
            "piekgeheugen_mb": result["peak_mb"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m briefing.bench.search",
                                     description="Zoekbenchmark op synthetische kennisbanken.")
    parser.add_argument("--sizes", default="1000,10000",
                        help="aantallen vragen, komma-gescheiden (standaard 1000,10000)")
    parser.add_argument("--queries", type=int, default=400, help="zoekvragen per grootte")
    parser.add_argument("--build-sizes", default="50000",
                        help="alleen bouwen (snelheid, piekgeheugen), komma-gescheiden "
                        "(standaard 50000; leeg: niet)")
    parser.add_argument("--json", action="store_true", help="uitvoer als JSON")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    build_sizes = [int(s) for s in args.build_sizes.split(",") if s.strip()]
    workdir = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    old_cache = os.environ.get("XDG_CACHE_HOME")
    rows = []
    try:
        for size in sizes:
            rows.append(bench_size(size, args.queries, workdir))
            if not args.json:
                print(format_row(rows[-1]), flush=True)
        for size in build_sizes:
            rows.append(bench_build(size, workdir))
            if not args.json:
                print(format_build_row(rows[-1]), flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if old_cache is None:
            os.environ.pop("XDG_CACHE_HOME", None)
        else:
            os.environ["XDG_CACHE_HOME"] = old_cache
    if args.json:
        print(json.dumps(rows, indent=2))
    return 0


def format_row(row: dict) -> str:
    return (
        f"{row['vragen']:>6} vragen ({row['kaarten']} kaarten, {row['dossiers']} dossiers): "
        f"laden {row['laden_s']} s; index bouwen {row['bouwen_s']} s = "
        f"{row['bouwsnelheid_vragen_per_s']} vragen/s; zoeken mediaan {row['zoeken_mediaan_ms']} ms, "
        f"p95 {row['zoeken_p95_ms']} ms (max {row['zoeken_max_ms']} ms, {row['zoekvragen']} vragen); "
        f"per toetsaanslag mediaan {row['typen_mediaan_ms']} ms, p95 {row['typen_p95_ms']} ms; "
        f"briefing ask (warme cache) {row['ask_warm_s']} s; na een bewerkte regel: "
        f"herladen (app) {row['herladen_na_bewerking_s']} s"
        f"{'' if row['herladen_gevonden'] else ' (NIET GEVONDEN)'}, briefing ask "
        f"{row['ask_na_bewerking_s']} s{'' if row['ask_na_bewerking_gevonden'] else ' (NIET GEVONDEN)'}"
    )


def format_build_row(row: dict) -> str:
    return (f"{row['vragen']:>6} vragen ({row['kaarten']} kaarten): index bouwen "
            f"{row['bouwen_s']} s = {row['bouwsnelheid_vragen_per_s']} vragen/s; piekgeheugen "
            f"{row['piekgeheugen_mb']} MB")


if __name__ == "__main__":
    sys.exit(main())
