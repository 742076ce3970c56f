"""Loading a whole course: many files, cross-file checks, broken files listed not fatal."""

from __future__ import annotations

from pathlib import Path

from dprk_it_tutor.content.course import find_content_files, load_course
from dprk_it_tutor.content.model import BrokenFile, Diagnostic


def lesson_md(lesson_id: str, order: int = 1, steps: int = 2, prerequisites: str = "[]") -> str:
    """A valid lesson; ``id:`` is on line 2."""
    body = "".join(f"\n## Step {n}\n\nBody {n}.\n" for n in range(1, steps + 1))
    return (
        "---\n"
        f"id: {lesson_id}\n"
        f"title: Lesson {lesson_id}\n"
        f"order: {order}\n"
        "summary: A summary.\n"
        "objectives: [Learn something]\n"
        f"prerequisites: {prerequisites}\n"
        "minutes: 5\n"
        "---\n" + body
    )


def quiz_yaml(lesson_id: str, question_id: str = "q-one", step: int = 1) -> str:
    """A valid quiz; ``lesson:`` is on line 2, the question on line 5, ``step:`` on line 11."""
    return (
        f"# quiz for {lesson_id}\n"
        f"lesson: {lesson_id}\n"
        "pass_mark: 70\n"
        "questions:\n"
        f"  - id: {question_id}\n"
        "    type: single\n"
        "    prompt: Which?\n"
        "    choices: [A, B]\n"
        "    answer: A\n"
        "    explanation: Because.\n"
        f"    step: {step}\n"
    )


def add(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.write_text(text, encoding="utf-8")
    return path


def test_lessons_are_sorted_by_order_then_id_with_a_warning_for_the_shared_order(
    root: Path,
) -> None:
    add(root, "lessons/a.md", lesson_md("zeta", order=1))
    add(root, "lessons/b.md", lesson_md("beta", order=2))
    first = add(root, "lessons/c.md", lesson_md("alpha", order=1))
    course = load_course([root])
    assert [lesson.id for lesson in course.lessons] == ["alpha", "zeta", "beta"]
    assert [str(d) for d in course.diagnostics] == [
        f"{root / 'lessons/a.md'}:4:8: warning: lesson 'zeta' has order 1, the same as lesson "
        f"'alpha' ({first}:4); lessons with the same order are taught in id order, so give each "
        "its own"
    ]
    assert course.broken == ()


def test_quiz_is_attached_to_its_lesson(root: Path) -> None:
    add(root, "lessons/01.md", lesson_md("alpha"))
    quiz_path = add(root, "quizzes/alpha.yaml", quiz_yaml("alpha"))
    course = load_course([root])
    quiz = course.quiz_for("alpha")
    assert quiz is not None
    assert quiz.path == quiz_path
    assert [q.id for q in quiz.questions] == ["q-one"]
    assert course.lesson("alpha") is course.lessons[0]
    assert course.lesson("nope") is None
    assert course.quiz_for("nope") is None


def test_broken_lesson_is_listed_and_others_still_load(root: Path) -> None:
    add(root, "lessons/01.md", lesson_md("alpha", order=1))
    broken_path = add(
        root, "lessons/02.md", lesson_md("beta", order=2).replace("minutes: 5", "minutes: 0")
    )
    add(root, "lessons/03.md", lesson_md("gamma", order=3))
    course = load_course([root])
    assert [lesson.id for lesson in course.lessons] == ["alpha", "gamma"]
    expected = Diagnostic(str(broken_path), 8, 10, "'minutes' must be between 1 and 600; got 0")
    (broken,) = course.broken
    assert (broken.path, broken.kind, broken.name, broken.diagnostics) == (
        broken_path,
        "lesson",
        "beta",
        (expected,),
    )
    assert course.diagnostics == (expected,)
    assert course.errors == (expected,)
    assert course.broken[0].first_problem == str(expected)


def test_lesson_broken_before_its_id_is_named_by_file_stem(root: Path) -> None:
    path = add(root, "lessons/03-no-front.md", "## Step\n\nbody\n")
    course = load_course([root])
    [broken] = course.broken
    assert (broken.name, broken.kind, broken.path) == ("03-no-front", "lesson", path)
    assert [(d.line, d.col) for d in broken.diagnostics] == [(1, 1)]


def test_duplicate_lesson_id_rejects_the_second_file_naming_the_first(root: Path) -> None:
    first = add(root, "lessons/01-alpha.md", lesson_md("alpha", order=1))
    second = add(root, "lessons/02-alpha-again.md", lesson_md("alpha", order=5))
    course = load_course([root])
    assert [(lesson.id, lesson.path) for lesson in course.lessons] == [("alpha", first)]
    problem = Diagnostic(str(second), 2, 1, f"lesson id 'alpha' is already used by {first}:2")
    assert course.broken == (BrokenFile(second, "lesson", "alpha", (problem,)),)
    assert problem in course.diagnostics


def test_quiz_for_a_missing_lesson_is_broken_at_its_lesson_line(root: Path) -> None:
    add(root, "lessons/01.md", lesson_md("alpha"))
    quiz_path = add(root, "quizzes/ghost.yaml", quiz_yaml("ghost"))
    course = load_course([root])
    problem = Diagnostic(
        str(quiz_path), 2, 9, "this quiz is for lesson 'ghost', which does not exist"
    )
    assert course.broken == (BrokenFile(quiz_path, "quiz", "ghost", (problem,)),)
    assert course.quizzes == {}
    assert course.diagnostics == (problem,)


def test_quiz_step_beyond_the_lesson_is_an_error_at_the_step_line(root: Path) -> None:
    add(root, "lessons/01.md", lesson_md("alpha", steps=2))
    quiz_path = add(root, "quizzes/alpha.yaml", quiz_yaml("alpha", step=3))
    course = load_course([root])
    problem = Diagnostic(
        str(quiz_path),
        11,
        11,
        "question 'q-one' points to step 3, but lesson 'alpha' has 2 step(s)",
    )
    assert course.broken == (BrokenFile(quiz_path, "quiz", "alpha", (problem,)),)
    assert course.quiz_for("alpha") is None


def test_quiz_step_equal_to_the_step_count_is_fine(root: Path) -> None:
    add(root, "lessons/01.md", lesson_md("alpha", steps=2))
    add(root, "quizzes/alpha.yaml", quiz_yaml("alpha", step=2))
    course = load_course([root])
    assert course.diagnostics == ()
    assert course.quiz_for("alpha") is not None


def test_second_quiz_for_the_same_lesson_is_broken(root: Path) -> None:
    add(root, "lessons/01.md", lesson_md("alpha"))
    first = add(root, "quizzes/a.yaml", quiz_yaml("alpha", question_id="q-a"))
    second = add(root, "quizzes/b.yaml", quiz_yaml("alpha", question_id="q-b"))
    course = load_course([root])
    assert course.quiz_for("alpha").path == first
    problem = Diagnostic(str(second), 2, 9, f"lesson 'alpha' already has a quiz: {first}")
    assert course.broken == (BrokenFile(second, "quiz", "alpha", (problem,)),)


def test_invalid_quiz_file_is_broken_with_its_own_diagnostics(root: Path) -> None:
    add(root, "lessons/01.md", lesson_md("alpha"))
    quiz_path = add(
        root, "quizzes/alpha.yaml", quiz_yaml("alpha").replace("answer: A", "answer: Z")
    )
    course = load_course([root])
    problem = Diagnostic(str(quiz_path), 9, 13, "the answer 'Z' is not one of the choices")
    assert course.broken == (BrokenFile(quiz_path, "quiz", "alpha", (problem,)),)
    assert course.lessons[0].id == "alpha"


def test_duplicate_question_id_across_quizzes_is_reported_in_the_later_file(root: Path) -> None:
    add(root, "lessons/01.md", lesson_md("alpha", order=1))
    add(root, "lessons/02.md", lesson_md("beta", order=2))
    first = add(root, "quizzes/alpha.yaml", quiz_yaml("alpha", question_id="shared"))
    second = add(root, "quizzes/beta.yaml", quiz_yaml("beta", question_id="shared"))
    course = load_course([root])
    assert course.diagnostics == (
        Diagnostic(
            str(second),
            5,
            5,
            f"question id 'shared' is also used in {first}; progress is keyed by question id, "
            "so ids must be unique in a course",
        ),
    )
    assert set(course.quizzes) == {"alpha", "beta"}


def test_unknown_prerequisite_is_reported_at_the_list_item(root: Path) -> None:
    path = add(root, "lessons/01.md", lesson_md("alpha", prerequisites="[beta, ghost]"))
    add(root, "lessons/02.md", lesson_md("beta", order=0))
    course = load_course([root])
    assert course.diagnostics == (
        Diagnostic(
            str(path),
            7,
            23,
            "prerequisite 'ghost' of lesson 'alpha' is not a lesson in this course",
        ),
    )
    assert [lesson.id for lesson in course.lessons] == ["beta", "alpha"]


def test_known_prerequisite_is_fine(root: Path) -> None:
    add(root, "lessons/01.md", lesson_md("alpha", order=1))
    add(root, "lessons/02.md", lesson_md("beta", order=2, prerequisites="[alpha]"))
    assert load_course([root]).diagnostics == ()


def test_missing_path_is_a_diagnostic_not_an_exception(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    course = load_course([missing])
    assert course.lessons == ()
    assert course.diagnostics == (
        Diagnostic(str(missing), 1, 1, "no such lesson (.md) or quiz (.yaml) file or folder"),
    )


# -- finding files ------------------------------------------------------------------------------


def test_find_content_files_in_a_course_root(root: Path) -> None:
    b = add(root, "lessons/b.md", lesson_md("b"))
    a = add(root, "lessons/a.md", lesson_md("a"))
    add(root, "lessons/notes.txt", "ignored")
    q1 = add(root, "quizzes/a.yaml", quiz_yaml("a"))
    q2 = add(root, "quizzes/b.yml", quiz_yaml("b"))
    add(root, "README.md", "# not a lesson: only lessons/ and quizzes/ are read in a course root")
    found = find_content_files([root])
    assert found.lessons == [a, b]
    assert found.quizzes == [q1, q2]
    assert found.missing == []


def test_find_content_files_in_a_plain_folder(tmp_path: Path) -> None:
    lesson = add(tmp_path, "one.md", lesson_md("one"))
    quiz = add(tmp_path, "one.yaml", quiz_yaml("one"))
    (tmp_path / "sub").mkdir()
    add(tmp_path, "sub/deeper.md", lesson_md("deeper"))
    found = find_content_files([tmp_path])
    assert (found.lessons, found.quizzes, found.missing) == ([lesson], [quiz], [])


def test_find_content_files_accepts_single_files_and_reports_missing(tmp_path: Path) -> None:
    lesson = add(tmp_path, "one.md", lesson_md("one"))
    quiz = add(tmp_path, "one.yml", quiz_yaml("one"))
    other = add(tmp_path, "notes.txt", "text")
    missing = tmp_path / "absent.md"
    found = find_content_files([quiz, lesson, missing, other])
    assert found.lessons == [lesson]
    assert found.quizzes == [quiz]
    assert found.missing == [missing, other]


def test_load_course_merges_several_paths_pack_after_pack(tmp_path: Path) -> None:
    """Packs are taught in the order given, whatever their lessons' ``order`` says."""
    add(tmp_path, "one.md", lesson_md("one", order=20))
    add(tmp_path, "zero.md", lesson_md("zero", order=10))
    extra = tmp_path / "extra"
    extra.mkdir()
    add(extra, "two.md", lesson_md("two", order=1))
    add(extra, "two.yaml", quiz_yaml("two"))
    course = load_course([tmp_path / "one.md", extra, tmp_path / "zero.md"])
    assert [lesson.id for lesson in course.lessons] == ["zero", "one", "two"]
    assert [lesson.pack for lesson in course.lessons] == [tmp_path.name] * 2 + ["extra"]
    assert [pack.name for pack in course.packs] == [tmp_path.name, "extra"]
    assert set(course.quizzes) == {"two"}


def test_a_file_reached_by_two_paths_is_loaded_once(tmp_path: Path) -> None:
    lesson = add(tmp_path, "one.md", lesson_md("one"))
    course = load_course([tmp_path, lesson, tmp_path / "." / "one.md"])
    assert [lesson.id for lesson in course.lessons] == ["one"]
    assert not course.diagnostics


# -- the shipped course -------------------------------------------------------------------------


def test_quiz_for_a_lesson_that_failed_to_load_says_so(root: Path) -> None:
    add(root, "lessons/01.md", lesson_md("alpha").replace("order: 1", "order: first"))
    quiz_path = add(root, "quizzes/alpha.yaml", quiz_yaml("alpha"))
    course = load_course([root])
    quiz = next(item for item in course.broken if item.kind == "quiz")
    assert quiz.path == quiz_path
    assert [d.message for d in quiz.diagnostics] == [
        "this quiz is for lesson 'alpha', which could not be loaded (see its own errors)"
    ]


def test_empty_folder_is_reported(tmp_path: Path) -> None:
    course = load_course([tmp_path])
    assert course.diagnostics == (
        Diagnostic(str(tmp_path), 1, 1, "no lesson (.md) or quiz (.yaml) files in this folder"),
    )


def test_a_lesson_that_does_not_load_still_has_its_links_and_prerequisites_checked(
    root: Path,
) -> None:
    """One run reports every mistake: a wrong type does not hide a bad link or prerequisite."""
    add(root, "lessons/a.md", lesson_md("basics"))
    text = lesson_md("later", prerequisites="[basic]").replace("minutes: 5", "minutes: five")
    broken = add(root, "lessons/b.md", text.replace("Body 2.", "See [it](glossary:nothing)."))
    course = load_course([root])
    assert [str(d) for d in course.diagnostics] == [
        f"{broken}:7:17: error: prerequisite 'basic' of lesson 'later' is not a lesson in this "
        "course; did you mean 'basics'?",
        f"{broken}:8:10: error: 'minutes' must be a whole number, not text",
        f"{broken}:17:19: error: link to term 'nothing', which is not in the glossary",
    ]
    assert [lesson.id for lesson in course.lessons] == ["basics"]
