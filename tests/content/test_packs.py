"""Content packs: course.yaml, teaching order pack by pack, and every problem at its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from dprk_it_tutor.content import load_course
from dprk_it_tutor.content.packs import pack_root
from dprk_it_tutor.paths import builtin_course_dir

from .test_course import add, lesson_md, quiz_yaml


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "my-pack"
    (root / "lessons").mkdir(parents=True)
    (root / "quizzes").mkdir()
    add(root, "lessons/10-alpha.md", lesson_md("alpha", order=10))
    add(root, "lessons/20-beta.md", lesson_md("beta", order=20))
    add(root, "lessons/30-gamma.md", lesson_md("gamma", order=30))
    add(root, "quizzes/beta.yaml", quiz_yaml("beta", question_id="beta-q"))
    return root


def messages(root: Path) -> list[str]:
    return [str(d) for d in load_course([root]).diagnostics]


def test_a_pack_without_course_yaml_is_named_after_its_folder(pack: Path) -> None:
    course = load_course([pack])
    assert [p.name for p in course.packs] == ["my-pack"]
    assert [(lesson.id, lesson.pack, lesson.part) for lesson in course.lessons] == [
        ("alpha", "my-pack", ""),
        ("beta", "my-pack", ""),
        ("gamma", "my-pack", ""),
    ]


def test_course_yaml_parts_set_the_teaching_order_and_name_the_pack(pack: Path) -> None:
    add(
        pack,
        "course.yaml",
        "name: extras\ntitle: Extra lessons\ndescription: More.\nparts:\n"
        "  - title: First\n    lessons: [gamma]\n"
        "  - title: Second\n    lessons: [alpha, beta]\n",
    )
    course = load_course([pack])
    assert course.diagnostics == ()
    assert course.packs[0].title == "Extra lessons" and course.packs[0].label == "Extra lessons"
    assert [(lesson.id, lesson.pack, lesson.part) for lesson in course.lessons] == [
        ("gamma", "extras", "First"),
        ("alpha", "extras", "Second"),
        ("beta", "extras", "Second"),
    ]


def test_a_pack_follows_the_built_in_course_and_may_use_its_lessons(pack: Path) -> None:
    add(pack, "lessons/20-beta.md", lesson_md("beta", order=20, prerequisites="[origins]"))
    course = load_course([builtin_course_dir(), pack])
    assert course.diagnostics == ()
    assert [p.name for p in course.packs] == ["built-in", "my-pack"]
    assert [lesson.id for lesson in course.lessons][-4:] == [
        "after-2013",
        "alpha",
        "beta",
        "gamma",
    ]
    assert course.lesson("origins").pack == "built-in"


def test_a_pack_lesson_may_not_reuse_a_built_in_id(pack: Path) -> None:
    clash = add(pack, "lessons/40-origins.md", lesson_md("origins", order=40))
    course = load_course([builtin_course_dir(), pack])
    first = builtin_course_dir() / "lessons" / "01-origins.md"
    assert f"{clash}:2:1: error: lesson id 'origins' is already used by {first}:2" in [
        str(d) for d in course.diagnostics
    ]
    assert course.lesson("origins").pack == "built-in"


def test_a_part_listing_a_lesson_not_in_the_pack_points_at_it(pack: Path) -> None:
    manifest = add(
        pack, "course.yaml", "title: T\nparts:\n  - title: P\n    lessons: [alpha, betta, gamma]\n"
    )
    assert (
        f"{manifest}:4:22: error: part 'P' lists lesson 'betta', which is not a lesson of this "
        "pack; did you mean 'beta'?"
    ) in messages(pack)


def test_a_lesson_in_no_part_is_a_warning_at_its_id(pack: Path) -> None:
    manifest = add(
        pack, "course.yaml", "title: T\nparts:\n  - title: P\n    lessons: [beta, alpha]\n"
    )
    course = load_course([pack])
    assert [lesson.id for lesson in course.lessons] == ["beta", "alpha", "gamma"]
    assert [str(d) for d in course.diagnostics] == [
        f"{pack / 'lessons' / '30-gamma.md'}:2:1: warning: lesson 'gamma' is in no part of "
        f"{manifest}; it is taught after the parts. Add its id to a part's 'lessons'"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("titel: T\n", "1:1: error: unknown key 'titel' in course.yaml; did you mean 'title'?"),
        ("description: D\n", "1:1: error: course.yaml is missing the required key 'title'"),
        ("", "1:1: error: course.yaml is empty; it needs at least a 'title'"),
        ("title: T\nparts: a\n", "2:8: error: 'parts' must be a list of parts, not text"),
        (
            "title: T\nparts:\n  - title: P\n    lessons: [alpha]\n  - title: Q\n"
            "    lessons: [beta, alpha]\n",
            "6:21: error: lesson 'alpha' is already listed on line 4; list each lesson in one "
            "part only",
        ),
        (
            "title: T\nparts:\n  - lessons: [alpha]\n",
            "3:5: error: a part is missing the required key 'title'",
        ),
        (
            "title: T\nname: a name far longer than any table column\n",
            "2:7: error: 'name' is the short label shown beside each lesson; keep it to 24 "
            "characters (it has 39)",
        ),
    ],
    ids=[
        "unknown-key",
        "no-title",
        "empty",
        "parts-not-list",
        "listed-twice",
        "part-no-title",
        "long-name",
    ],
)
def test_course_yaml_problems_are_reported_at_their_place(
    pack: Path, text: str, expected: str
) -> None:
    manifest = add(pack, "course.yaml", text)
    found = messages(pack)
    assert f"{manifest}:{expected}" in found
    course = load_course([pack])
    assert [item.kind for item in course.broken] == ["course"]
    assert len(course.lessons) == 3  # the lessons still load, in their own order


def test_pack_root_of_files_and_folders(pack: Path) -> None:
    assert pack_root(pack) == pack
    assert pack_root(pack / "lessons" / "10-alpha.md") == pack
    assert pack_root(pack / "quizzes" / "beta.yaml") == pack
    loose = add(pack, "loose.md", lesson_md("loose"))
    assert pack_root(loose) == pack


def test_course_yaml_is_never_read_as_a_quiz(tmp_path: Path) -> None:
    add(tmp_path, "one.md", lesson_md("one"))
    add(tmp_path, "one.yaml", quiz_yaml("one"))
    add(tmp_path, "course.yaml", "title: Flat pack\n")
    course = load_course([tmp_path])
    assert course.diagnostics == ()
    assert course.packs[0].title == "Flat pack"
    assert set(course.quizzes) == {"one"}


def test_orders_are_compared_only_within_a_pack(pack: Path, tmp_path: Path) -> None:
    """A pack numbering its lessons 10, 20... like the built-in course shares no order with it."""
    course = load_course([builtin_course_dir(), pack])
    assert course.diagnostics == ()
    assert course.lesson("alpha").order == course.lesson("origins").order == 10


def test_a_prerequisite_in_a_later_pack_is_a_warning_saying_so(pack: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    (other / "lessons").mkdir(parents=True)
    lesson = add(other, "lessons/10-first.md", lesson_md("first", prerequisites="[gamma]"))
    add(pack, "lessons/30-gamma.md", lesson_md("gamma", order=30))
    course = load_course([other, pack])
    assert [str(d) for d in course.diagnostics] == [
        f"{lesson}:7:17: warning: prerequisite 'gamma' is taught after lesson 'first' (it is in "
        "pack 'my-pack', which comes after pack 'other'); load that pack first or drop the "
        "prerequisite"
    ]


def test_a_prerequisite_later_in_the_parts_is_a_warning_naming_course_yaml(pack: Path) -> None:
    lesson = add(pack, "lessons/10-alpha.md", lesson_md("alpha", order=10, prerequisites="[beta]"))
    add(pack, "course.yaml", "title: T\nparts:\n  - title: P\n    lessons: [alpha, beta, gamma]\n")
    assert [str(d) for d in load_course([pack]).diagnostics] == [
        f"{lesson}:7:17: warning: prerequisite 'beta' is taught after lesson 'alpha' (it comes "
        "later in the parts of course.yaml); list 'beta' before 'alpha' there or drop the "
        "prerequisite"
    ]
    add(pack, "course.yaml", "title: T\nparts:\n  - title: P\n    lessons: [beta, alpha, gamma]\n")
    assert load_course([pack]).diagnostics == ()  # the parts, not the orders, decide


def test_lessons_in_parts_may_share_an_order(pack: Path) -> None:
    add(pack, "lessons/20-beta.md", lesson_md("beta", order=10))
    add(pack, "course.yaml", "title: T\nparts:\n  - title: P\n    lessons: [beta, alpha, gamma]\n")
    assert load_course([pack]).diagnostics == ()


def test_a_pack_lesson_that_does_not_load_is_not_said_to_come_before_its_prerequisite(
    pack: Path,
) -> None:
    text = lesson_md("delta", order=40, prerequisites="[origins]").replace(
        "minutes: 5", "minutes: x"
    )
    broken = add(pack, "lessons/40-delta.md", text)
    course = load_course([builtin_course_dir(), pack])
    assert [str(d) for d in course.diagnostics] == [
        f"{broken}:8:10: error: 'minutes' must be a whole number, not text"
    ]
