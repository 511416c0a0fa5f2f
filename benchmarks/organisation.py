#!/usr/bin/env python3
"""A synthetic organisation's app specs, for bin/bench: APPS apps in one multi-document YAML file.

Every 100th app (1%) is an application inference profile in us-east-1 calling Meta Llama 3.3
70B through the us. profile, which no example uses: a catalog change to that profile's routes
makes exactly those apps stale. The others are copies of the specs in examples/ (all six
patterns, seven Regions, profiles shared between apps), in turn: copy K of app NAME is
NAME-K, references to other apps point at the same copy, and each copy belongs to one of 20
teams, with its own cost-center and environment tags; usage stays the example's.

Usage: benchmarks/organisation.py APPS OUT.yaml [EXAMPLES_DIR]
"""
import os
import re
import sys

TEAMS = ["payments", "search", "support", "claims", "fraud", "marketing", "legal", "finance", "hr", "analytics",
         "storefront", "logistics", "risk", "security", "devtools", "mobile", "media", "research", "sales", "ops"]


def main():
    count = int(sys.argv[1])
    out = sys.argv[2]
    folder = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), "..", "examples")
    examples = []
    for entry in sorted(os.listdir(folder)):
        if entry.endswith(".yaml"):
            with open(os.path.join(folder, entry)) as f:
                examples += [doc for doc in re.split(r"^---$", f.read(), flags=re.M) if re.search(r"^name:", doc, re.M)]
    names = [re.search(r"^name: (\S+)", text, re.M).group(1) for text in examples]
    copied = 0
    with open(out, "w") as f:
        for i in range(count):
            team = TEAMS[i % len(TEAMS)]
            environment = "staging" if i % 4 == 0 else "prod"
            if i % 100 == 0:
                f.write(f"---\nname: llama-{i}\nteam: {team}\npattern: application-inference-profile\n"
                        f"regions: [us-east-1]\ntags: {{ cost-center: CC-{i % 60:03d}, environment: {environment} }}\n"
                        "properties: { modelSource: { crossRegion: { geography: us, "
                        "model: meta.llama3-3-70b-instruct-v1:0 } } }\n")
                continue
            k, j = divmod(copied, len(examples))
            copied += 1
            text = examples[j]
            for name in names:
                text = re.sub(rf"^(\s*(name|inferenceProfileApp): ){re.escape(name)}$", rf"\g<1>{name}-{k}", text,
                              flags=re.M)
            text = re.sub(r"^team: .*$", f"team: {team}", text, flags=re.M)
            text = re.sub(r"^(\s+cost-center: ).*$", rf"\g<1>CC-{i % 60:03d}", text, flags=re.M)
            text = re.sub(r"^(\s+environment: ).*$", rf"\g<1>{environment}", text, flags=re.M)
            f.write("---\n" + text.lstrip("\n"))


if __name__ == "__main__":
    main()
