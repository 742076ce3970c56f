"""Small JSON Schema pieces shared by the content schemas (see schema.py)."""

from __future__ import annotations

from typing import Any

from dprk_it_tutor.content.fields import ID_PATTERN, ID_RULE

Schema = dict[str, Any]

# "patternErrorMessage" is not JSON Schema but the YAML language server's own keyword: it says
# what a pattern means instead of printing the regular expression. Other tools ignore it.
#
# The loaders read a number where text is expected as that number's text ("1990"), so a schema
# that allowed only strings would flag lines that load fine. Blank text is refused, as there.
TEXT: Schema = {
    "type": ["string", "number"],
    "pattern": r"\S",
    "patternErrorMessage": "This must not be blank.",
}
# An id goes through the same reading, so a whole number such as 2013 is an id too; each keyword
# applies only to its own type: the pattern to text, the minimum to numbers.
IDENTIFIER: Schema = {
    "type": ["string", "integer"],
    "pattern": ID_PATTERN.pattern,
    "patternErrorMessage": f"An id must be {ID_RULE}.",
    "minimum": 0,
}


def pick(table: dict[str, Schema], keys: tuple[str, ...], where: str) -> dict[str, Schema]:
    """The schemas of ``keys``, in the loader's order. A key that a loader reads and the schema
    does not describe is a programming error, so the tests fail until it is described."""
    missing = [key for key in keys if key not in table]
    if missing:
        raise LookupError(f"the {where} schema does not describe the key(s): {', '.join(missing)}")
    return {key: table[key] for key in keys}


def mapping(properties: dict[str, Schema], required: tuple[str, ...], description: str) -> Schema:
    """A mapping with exactly these keys, of which ``required`` must be there."""
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }


def text(description: str) -> Schema:
    return {**TEXT, "description": description}


def identifier(description: str) -> Schema:
    return {**IDENTIFIER, "description": f"{description} Written as {ID_RULE}."}


def whole_number(limits: tuple[int, int], description: str, **extra: Any) -> Schema:
    low, high = limits
    return {"type": "integer", "minimum": low, "maximum": high, "description": description, **extra}


def flag(description: str) -> Schema:
    return {"type": "boolean", "description": description}


def listing(
    description: str, *, items: Schema = TEXT, nullable: bool = False, **extra: Any
) -> Schema:
    """A list of ``items``; ``nullable`` when the loader also takes an empty key (``see:``)."""
    kinds: str | list[str] = ["array", "null"] if nullable else "array"
    return {"type": kinds, "items": items, "description": description, **extra}
