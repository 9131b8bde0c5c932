#!/usr/bin/env python3
"""Writes Sources/ContentModel/UIText.swift from Assets/content/en/ui.yaml.

English's ui.yaml is the list of every text the program shows besides the content: its ids
become the cases of `UIText`, and the {placeholders} of each English text the placeholders
every language must use. Run it after adding or removing an id:

    python3 scripts/ui_texts.py
"""
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "Assets/content/en/ui.yaml")
TARGET = os.path.join(ROOT, "Sources/ContentModel/UIText.swift")


def case_name(text_id):
    words = re.split(r"[._]", text_id)
    return words[0] + "".join(word[:1].upper() + word[1:] for word in words[1:])


def main():
    with open(SOURCE, encoding="utf-8") as file:
        texts = yaml.safe_load(file)
    cases, ids, placeholders = [], [], []
    for text_id, text in texts.items():
        cases.append(case_name(text_id))
        ids.append(text_id)
        names = list(dict.fromkeys(re.findall(r"\{([a-z_]+)\}", text)))
        placeholders.append(names)
    lines = [
        "// Written by scripts/ui_texts.py from Assets/content/en/ui.yaml: edit that file and run the script.",
        "",
        "/// Each text the program shows besides the content, by its id in `ui.yaml`. The pack",
        "/// holds the words in its language (`UIStrings`); the code names only these cases.",
        "public enum UIText: Int, CaseIterable, Sendable {",
    ]
    for name, text_id in zip(cases, ids):
        lines.append(f"    /// `{text_id}`")
        lines.append(f"    case {name}")
    lines += [
        "",
        "    /// The id of each case in `ui.yaml`, in case order.",
        "    public static let ids: [String] = [",
    ]
    lines += [f'        "{text_id}",' for text_id in ids]
    lines += [
        "    ]",
        "",
        "    /// The {placeholders} each text takes, in case order: every language uses exactly these.",
        "    static let placeholders: [[String]] = [",
    ]
    lines += ["        [" + ", ".join(f'"{name}"' for name in names) + "]," for names in placeholders]
    lines += [
        "    ]",
        "",
        "    /// How many texts there are.",
        f"    public static let count = {len(ids)}",
        "",
        "    public var id: String { Self.ids[rawValue] }",
        "}",
        "",
    ]
    output = "\n".join(lines)
    if "--check" in sys.argv:
        with open(TARGET, encoding="utf-8") as file:
            if file.read() != output:
                sys.exit(f"{TARGET} is not what {SOURCE} gives: run python3 scripts/ui_texts.py")
        return
    with open(TARGET, "w", encoding="utf-8") as file:
        file.write(output)
    print(f"wrote {len(ids)} texts to {os.path.relpath(TARGET, ROOT)}")


if __name__ == "__main__":
    main()
