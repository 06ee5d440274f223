#!/usr/bin/env python3
"""Build texts.jsonl and gold.jsonl from the hand-written sources in src/*.txt, and check the gold.

usage: python3 build.py            # write texts.jsonl and gold.jsonl, fail on an annotation error
       python3 build.py --check    # also draw every gold annotation as BPMN and print score.py's table for it
       python3 build.py --verify   # write nothing; fail unless the .jsonl files are what the sources give and
                                   # every gold annotation, drawn as BPMN, scores 1.0 on activities, actors and flows
Source format (see README.md): a record starts with `=== id | domain | style, style`, then the text, then
optionally `--- gold` and one annotation line per activity, actor, gateway, condition and flow chain.
Standard library only; reads the scorer from ../../../../shared/gen-eval (or $GEN_EVAL_DIR).
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
EVAL_DIR = Path(os.environ.get("GEN_EVAL_DIR", HERE.parents[3] / "shared" / "gen-eval"))
DOMAINS = {"health", "public-administration", "it-operations", "manufacturing", "finance", "hr", "logistics",
           "software-delivery", "insurance", "education", "retail"}
STYLES = {"narrative", "short-prompt", "bullets", "numbered", "passive", "notes", "long", "multi-org", "deadline",
          "wait", "schedule", "parallel", "reject-ends", "reject-loops", "one-or-more", "meta", "form-fields",
          "pronouns", "first-person", "we", "imperative", "bureaucratic", "chatty", "non-native", "title"}


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", EVAL_DIR / "score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["score"] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def sentences(text: str) -> list[str]:
    """Sentences as a reader counts them: split after . ! ? : followed by a capital, and at line breaks."""
    parts = []
    for line in text.split("\n"):
        parts += [p for p in re.split(r"(?<=[.!?:])\s+(?=[\"'(A-Z0-9])", line.strip()) if p.strip()]
    return parts


def find(words: str, text: str) -> bool:
    return re.search(r"(?<![\w-])" + re.escape(words) + r"(?![\w-])", text, re.IGNORECASE) is not None


def parse_records(path: Path) -> list[dict]:
    records, cur, part = [], None, None
    for n, raw in enumerate(path.read_text().splitlines(), 1):
        line = raw.rstrip()
        if line.startswith("=== "):
            head = [h.strip() for h in line[4:].split("|")]
            cur = {"id": head[0], "domain": head[1], "style": [s.strip() for s in head[2].split(",") if s.strip()],
                   "lines": [], "gold": None, "where": f"{path.name}:{n}"}
            records.append(cur)
            part = "text"
        elif line == "--- gold":
            cur["gold"] = []
            part = "gold"
        elif part == "text":
            cur["lines"].append(line)
        elif part == "gold" and line.strip() and not line.startswith("#"):
            cur["gold"].append((n, line.strip()))
    for r in records:
        r["text"] = "\n".join(r.pop("lines")).strip()
    return records


def parse_gold(rec: dict, errors: list[str]) -> dict:
    """Lines: `a1 verb | object | actor` (object/actor `-` for none, `@n` after the actor sets the sentence),
    `p mention; mention`, `x1 mention; mention`, `g1 mention`, `c1 text`, `f a1 a2 x1 c1 a3` (a chain of flows)."""
    text, sents = rec["text"], sentences(rec["text"])
    gold = {"activities": [], "actors": [], "xor_gateways": [], "and_gateways": [], "conditions": [], "flows": []}
    where = rec["id"]

    def err(n, msg):
        errors.append(f"{where} (line {n}): {msg}")

    for n, line in rec["gold"]:
        key, _, rest = line.partition(" ")
        if re.fullmatch(r"a\d+", key):
            fields = [f.strip() for f in rest.split("|")]
            if len(fields) != 3:
                err(n, f"activity needs verb | object | actor: {line}")
                continue
            verb, obj, actor = fields
            sent = None
            m = re.search(r"\s*@(\d+)$", actor)
            if m:
                sent, actor = int(m.group(1)), actor[: m.start()].strip()
            obj = None if obj == "-" else obj
            actor = None if actor == "-" else actor
            for words, what in ((verb, "verb"), (obj, "object"), (actor, "actor")):
                if words and not find(words, text):
                    err(n, f"{what} '{words}' is not in the text")
            if sent is None:
                sent = next((i for i, s in enumerate(sents) if find(verb, s) and (not obj or find(obj, s))),
                            next((i for i, s in enumerate(sents) if find(verb, s)), 0))
            gold["activities"].append({"id": key, "verb": verb, "object": obj, "actor": actor, "sentence": sent})
        elif key == "p":
            mentions = [m.strip() for m in rest.split(";")]
            for m_ in mentions:
                if not find(m_, text):
                    err(n, f"actor mention '{m_}' is not in the text")
            gold["actors"].append({"id": f"p{len(gold['actors']) + 1}", "mentions": mentions})
        elif re.fullmatch(r"[xg]\d+", key):
            mentions = [m.strip() for m in rest.split(";")]
            for m_ in mentions:
                if not find(m_, text):
                    err(n, f"gateway mention '{m_}' is not in the text")
            gold["xor_gateways" if key[0] == "x" else "and_gateways"].append({"id": key, "mentions": mentions})
        elif re.fullmatch(r"c\d+", key):
            if not find(rest, text):
                err(n, f"condition '{rest}' is not in the text")
            gold["conditions"].append({"id": key, "text": rest})
        elif key == "f":
            chain = rest.split()
            gold["flows"] += [[a, b] for a, b in zip(chain, chain[1:])]
        else:
            err(n, f"unknown annotation: {line}")
    ids = {x["id"] for k in ("activities", "xor_gateways", "and_gateways", "conditions") for x in gold[k]}
    for s, t in gold["flows"]:
        if s not in ids or t not in ids:
            err(0, f"flow {s}->{t} names an unknown node")
    flowing = {x for f in gold["flows"] for x in f}
    for x in ids - flowing:
        if len(ids) > 1:
            err(0, f"{x} has no flow")
    gold["flows"] = sorted({tuple(f) for f in gold["flows"]})
    gold["flows"] = [list(f) for f in gold["flows"]]
    return gold


def check_labels(rec: dict, gold: dict, scorer, errors: list[str]) -> None:
    for a in gold["activities"]:
        words = scorer.content_words(f"{a['verb']} {a['object'] or ''}")
        if not scorer.content_words(a["verb"]):
            errors.append(f"{rec['id']}: {a['id']} verb '{a['verb']}' is only stopwords, no label can match it")
        if len(words) > scorer.MAX_LABEL_WORDS:
            errors.append(f"{rec['id']}: {a['id']} '{a['verb']} {a['object']}' is longer than a label may be")


def gold_as_bpmn(gold: dict) -> str:
    """The annotation drawn as a modeller would: a task per activity, a lane per actor, gateways, flows."""
    conds = {c["id"] for c in gold["conditions"]}
    flows = set()
    for s, t in gold["flows"]:  # a condition is a label on the branch, not a node
        if s in conds:
            continue
        targets = [b for a, b in gold["flows"] if a == t] if t in conds else [t]
        flows |= {(s, b) for b in targets}
    nodes = {a["id"]: ("task", f"{a['verb']} {a['object'] or ''}".strip()) for a in gold["activities"]}
    nodes |= {g["id"]: ("exclusiveGateway", "") for g in gold["xor_gateways"]}
    nodes |= {g["id"]: ("parallelGateway", "") for g in gold["and_gateways"]}
    incoming = {t for _, t in flows}
    outgoing = {s for s, _ in flows}
    starts = [n for n in nodes if n not in incoming] or [gold["activities"][0]["id"]]
    flows |= {("start", n) for n in starts}
    flows |= {(n, "end") for n in nodes if n not in outgoing}
    # a gateway with one annotated branch: the other branch is "otherwise the process ends"
    flows |= {(g, "end") for g, (kind, _) in nodes.items() if kind != "task" and sum(s == g for s, _ in flows) == 1}
    lanes = []
    for p in gold["actors"]:
        named = [m for m in p["mentions"] if m.lower() not in {"i", "we", "he", "she", "they", "it", "who"}]
        if named:
            lanes.append(named[0])
    body = ['<startEvent id="start"/>', '<endEvent id="end"/>']
    body += [f'<{kind} id="{i}" name="{escape(label, {chr(34): "&quot;"})}"/>' for i, (kind, label) in nodes.items()]
    body += [f'<sequenceFlow id="f{k}" sourceRef="{s}" targetRef="{t}"/>' for k, (s, t) in enumerate(sorted(flows))]
    lane_xml = "".join(f'<lane id="l{k}" name="{escape(n)}"/>' for k, n in enumerate(lanes))
    return ('<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p">'
            f'<laneSet id="ls">{lane_xml}</laneSet>' + "".join(body) + "</process></definitions>")


def drawn_gold_errors(golds: list[dict], scorer) -> list[str]:
    """Every gold annotation, drawn as BPMN, must be valid and match itself fully: otherwise a label, actor or flow
    of the annotation is one the scorer cannot match (a stopword verb, a generic actor, a flow into nothing)."""
    errors = []
    with tempfile.TemporaryDirectory() as tmp:
        for g in golds:
            path = Path(tmp, f"{g['id']}.bpmn")
            path.write_text(gold_as_bpmn(g["gold"]))
            model = scorer.read_model(path)
            if not scorer.is_valid(model):
                errors.append(f"{g['id']}: the gold drawn as BPMN is not valid")
            for metric, (tp, pred, gold) in scorer.score_doc(g, model).items():
                if metric in ("activity", "actor", "flow") and not tp == pred == gold:
                    errors.append(f"{g['id']}: the gold drawn as BPMN matches {tp} of {gold} {metric} items")
    return errors


def main() -> int:
    scorer = load_scorer()
    errors: list[str] = []
    records = [r for p in sorted((HERE / "src").glob("*.txt")) for r in parse_records(p)]
    seen = set()
    texts, golds = [], []
    for r in records:
        if r["id"] in seen:
            errors.append(f"{r['where']}: duplicate id {r['id']}")
        seen.add(r["id"])
        if r["domain"] not in DOMAINS:
            errors.append(f"{r['where']}: unknown domain {r['domain']}")
        for s in r["style"]:
            if s not in STYLES:
                errors.append(f"{r['where']}: unknown style {s}")
        if not r["text"]:
            errors.append(f"{r['where']}: empty text")
        texts.append({"id": r["id"], "domain": r["domain"], "style": r["style"], "text": r["text"]})
        if r["gold"]:
            gold = parse_gold(r, errors)
            check_labels(r, gold, scorer, errors)
            golds.append({"id": r["id"], "text": r["text"], "gold": gold})
    files = {"texts.jsonl": texts, "gold.jsonl": golds}
    contents = {name: "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in rows) for name, rows in files.items()}
    if "--verify" in sys.argv:
        errors += [f"{name} is not what src/ gives: run python3 build.py" for name, text in contents.items()
                   if not (HERE / name).exists() or (HERE / name).read_text() != text]
        errors += drawn_gold_errors(golds, scorer)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    if "--verify" not in sys.argv:
        for name, text in contents.items():
            (HERE / name).write_text(text)
    print(f"{len(texts)} texts, {len(golds)} with gold")
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            for g in golds:
                Path(tmp, f"{g['id']}.bpmn").write_text(gold_as_bpmn(g["gold"]))
            out = subprocess.run([sys.executable, str(EVAL_DIR / "score.py"), "--gold", str(HERE / "gold.jsonl"),
                                  "--pred", tmp], capture_output=True, text=True, check=True).stdout
            print(out, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
