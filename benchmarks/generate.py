"""The benchmark's inputs: a big content pack and learners' histories, made the way users make them.

The pack is plain files, as a teacher would write them: 1,000 lessons of 5 steps and 1,000 quizzes
of 20 questions, every question type in turn, every lesson linking a built-in glossary term. The
histories are export files (the documented format of docs/progress.md) brought in with
``dprk-it-tutor import``, so the store is built by the program's own code, with real timestamps
spread over years, never by SQL written here.

Everything is derived from fixed seeds: the same inputs on every run and every machine.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from fsrs import Rating

from dprk_it_tutor import paths
from dprk_it_tutor.content import load_course
from dprk_it_tutor.quiz.review import schedule

LESSONS = 1_000
STEPS = 5
QUIZZES = 1_000
QUESTIONS = 20
ATTEMPTS = 5_000
ANSWERS = 100_000
YEARS = 3

_WORDS = [
    *(
        [
            "the",
            "sector",
            "firms",
            "reported",
            "outsourcing",
            "software",
            "clients",
            "staff",
            "university",
            "research",
        ]
    ),
    *(
        [
            "animation",
            "network",
            "tariffs",
            "contracts",
            "joint",
            "ventures",
            "Pyongyang",
            "engineers",
        ]
    ),
    *(
        [
            "projects",
            "market",
            "foreign",
            "partners",
            "courses",
            "programmers",
            "exhibition",
            "agreement",
        ]
    ),
    *(["development", "services", "quality", "costs", "languages", "time"]),
]


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def lesson_id(number: int) -> str:
    return f"bench-{number:04d}"


def lesson_text(number: int, rng: random.Random) -> str:
    ident = lesson_id(number)
    steps = []
    for step in range(1, STEPS + 1):
        steps.append(
            f"## Step {step} of lesson {number}\n\n"
            f"{_paragraph(rng, 4)} The **[IT sector](glossary:it-outsourcing)** appears here.\n\n"
            f"- {_sentence(rng, 8)}\n- {_sentence(rng, 8)}\n- {_sentence(rng, 8)}\n\n"
            f"{_paragraph(rng, 3)}\n"
        )
    return (
        "---\n"
        f"id: {ident}\n"
        f'title: "Benchmark lesson {number}"\n'
        f"order: {number}\n"
        f"summary: {_sentence(rng, 14)}\n"
        "objectives:\n"
        f"  - {_sentence(rng, 9)}\n"
        f"  - {_sentence(rng, 9)}\n"
        "minutes: 5\n"
        "---\n\n" + "\n".join(steps)
    )


def _question(ident: str, kind: str, step: int, rng: random.Random) -> str:
    head = f"  - id: {ident}\n    type: {kind}\n    prompt: {_sentence(rng, 14)[:-1]}?\n"
    tail = (
        f"    explanation: {_sentence(rng, 16)}\n    hint: {_sentence(rng, 8)}\n    step: {step}\n"
    )
    if kind == "single":
        body = (
            '    choices: ["Choice one", "Choice two", "Choice three", "Choice four"]\n'
            '    answer: "Choice two"\n'
            "    feedback:\n"
            f'      "Choice one": "{_sentence(rng, 10)}"\n'
        )
    elif kind == "multiple":
        body = (
            '    choices: ["First", "Second", "Third", "Fourth", "Fifth"]\n'
            '    answer: ["First", "Third"]\n'
        )
    elif kind == "true_false":
        body = "    answer: true\n"
    elif kind == "numeric":
        body = "    answer: 1990\n"
    elif kind == "short":
        body = "    answer: [Korea Computer Center, KCC]\n"
    elif kind == "ordering":
        body = "    items: [First event, Second event, Third event, Fourth event]\n"
    else:  # matching
        body = (
            "    pairs:\n"
            "      Left one: right one\n"
            "      Left two: right two\n"
            "      Left three: right three\n"
            "    distractors: [right four]\n"
        )
    return head + body + tail


QUESTION_TYPES = ("single", "multiple", "true_false", "numeric", "short", "ordering", "matching")


def quiz_text(number: int, rng: random.Random) -> str:
    ident = lesson_id(number)
    questions = [
        _question(
            f"{ident}-q{index:02d}",
            QUESTION_TYPES[index % len(QUESTION_TYPES)],
            1 + index % STEPS,
            rng,
        )
        for index in range(QUESTIONS)
    ]
    return f"lesson: {ident}\npass_mark: 70\nquestions:\n" + "\n".join(questions)


def write_big_course(folder: Path, lessons: int = LESSONS, quizzes: int = QUIZZES) -> Path:
    """The 1,000-lesson, 1,000-quiz pack in ``folder`` (made once; kept while the generator's
    figures stay the same)."""
    stamp = folder / ".generated"
    recipe = f"{lessons} {STEPS} {quizzes} {QUESTIONS} v1"
    if stamp.is_file() and stamp.read_text() == recipe:
        return folder
    rng = random.Random(9)
    (folder / "lessons").mkdir(parents=True, exist_ok=True)
    (folder / "quizzes").mkdir(parents=True, exist_ok=True)
    (folder / "course.yaml").write_text(
        "name: bench\ntitle: A generated benchmark pack\n", encoding="utf-8"
    )
    for number in range(1, lessons + 1):
        (folder / "lessons" / f"{lesson_id(number)}.md").write_text(
            lesson_text(number, rng), encoding="utf-8"
        )
    for number in range(1, quizzes + 1):
        (folder / "quizzes" / f"{lesson_id(number)}.yaml").write_text(
            quiz_text(number, rng), encoding="utf-8"
        )
    stamp.write_text(recipe)
    return folder


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


def _empty_export() -> dict:
    return {
        "format": "dprk-it-tutor-export",
        "version": 1,
        "exported_at": _iso(datetime.now(timezone.utc)),
        "profile": "bench",
        "lessons": [],
        "attempts": [],
        "review_cards": [],
        "review_log": [],
        "study_time": [],
        "activity_days": [],
        "settings": {},
    }


def _shipped_questions() -> list[tuple[str, list[str]]]:
    """Each shipped lesson with its quiz's question ids, in teaching order."""
    course = load_course(paths.course_folders([], content_only=False))
    return [
        (lesson.id, [q.id for q in course.quizzes[lesson.id].questions])
        for lesson in course.lessons
        if lesson.id in course.quizzes
    ]


def long_history(now: datetime) -> dict:
    """Years of study of the shipped course: 5,000 attempts holding 100,000 answers.

    Quiz attempts answer their lesson's whole quiz; the rest are final exams and review sessions,
    which draw questions from the whole course and make up the 100,000.
    """
    rng = random.Random(1)
    lessons = _shipped_questions()
    all_questions = [(lesson, q) for lesson, ids in lessons for q in ids]
    document = _empty_export()
    start = now - timedelta(days=365 * YEARS)
    quiz_attempts = ATTEMPTS * 7 // 10
    plans: list[tuple[str, str, list[str]]] = []
    for index in range(quiz_attempts):
        lesson, ids = lessons[index % len(lessons)]
        plans.append(("quiz", lesson, ids))
    answered = sum(len(ids) for _, _, ids in plans)
    others = ATTEMPTS - quiz_attempts
    for index in range(others):
        size = (ANSWERS - answered) // (others - index)
        picked = rng.sample(all_questions, size)
        kind = "exam" if index % 5 == 0 else "review"
        plans.append((kind, "final-exam" if kind == "exam" else "review", [q for _, q in picked]))
        answered += size
    assert answered == ANSWERS, answered
    span = (now - start).total_seconds()
    moments = sorted(start + timedelta(seconds=rng.random() * span) for _ in plans)
    for number, ((kind, lesson, ids), began) in enumerate(zip(plans, moments, strict=True)):
        answers = []
        total = 0.0
        for offset, question in enumerate(ids):
            score = 1.0 if rng.random() < 0.75 else 0.0
            total += score
            answers.append(
                {
                    "question_id": question,
                    "response": "answer",
                    "score": score,
                    "answered_at": _iso(began + timedelta(seconds=20 * offset)),
                    "hint_used": rng.random() < 0.1,
                    "seconds": round(rng.uniform(4, 60), 1),
                }
            )
        score = total / len(ids)
        document["attempts"].append(
            {
                "uid": f"{number:032x}",
                "lesson_id": lesson,
                "kind": kind,
                "started_at": _iso(began),
                "finished_at": _iso(began + timedelta(seconds=20 * len(ids))),
                "seed": number,
                "question_ids": ids,
                "score": score,
                "passed": score >= 0.7,
                "answers": answers,
            }
        )
    for lesson, question in all_questions:
        card = None
        reviewed = start + timedelta(days=rng.randint(0, 365 * YEARS - 1))
        for _ in range(rng.randint(1, 8)):
            rating = Rating.Good if rng.random() < 0.8 else Rating.Again
            card = schedule(card, question, lesson, rating, when=reviewed)
            document["review_log"].append(
                {"question_id": question, "rating": int(rating), "reviewed_at": _iso(reviewed)}
            )
            reviewed = min(reviewed + timedelta(days=rng.randint(1, 60)), now)
        document["review_cards"].append(
            {
                "question_id": card.question_id,
                "lesson_id": card.lesson_id,
                "card": card.card,
                "due": card.due,
                "updated_at": _iso(reviewed),
            }
        )
    for lesson, _ in lessons:
        visits = [start + timedelta(seconds=rng.random() * span) for _ in range(150)]
        document["study_time"] += [
            {
                "uid": f"{lesson}-{n}",
                "lesson_id": lesson,
                "started_at": _iso(when),
                "seconds": round(rng.uniform(30, 900), 1),
            }
            for n, when in enumerate(sorted(visits))
        ]
        first = min(visits)
        document["lessons"].append(
            {
                "lesson_id": lesson,
                "current_step": 1,
                "started_at": _iso(first),
                "updated_at": _iso(max(visits)),
                "steps_seen": [
                    {"step": step, "seen_at": _iso(first + timedelta(minutes=step))}
                    for step in range(1, 8)
                ],
            }
        )
    days = {
        (start + timedelta(days=day)).date().isoformat()
        for day in range(365 * YEARS)
        if rng.random() < 0.7
    }
    document["activity_days"] = sorted(days)
    return document


def some_history(now: datetime) -> dict:
    """An ordinary learner a few lessons in: five lessons read, each quiz taken once or twice."""
    document = long_history(now)
    lessons = {lesson["lesson_id"] for lesson in document["lessons"][:5]}
    document["lessons"] = document["lessons"][:5]
    document["attempts"] = [
        attempt
        for attempt in document["attempts"][-300:]
        if attempt["kind"] == "quiz" and attempt["lesson_id"] in lessons
    ][:8]
    document["review_cards"] = [
        card for card in document["review_cards"] if card["lesson_id"] in lessons
    ]
    questions = {card["question_id"] for card in document["review_cards"]}
    document["review_log"] = [
        entry for entry in document["review_log"] if entry["question_id"] in questions
    ][:200]
    document["study_time"] = [
        visit for visit in document["study_time"] if visit["lesson_id"] in lessons
    ][:40]
    document["activity_days"] = document["activity_days"][-30:]
    return document


def make_store(data_dir: Path, document: dict, work: Path) -> Path:
    """A progress store in ``data_dir`` holding ``document``, imported by the program itself."""
    export = work / f"{data_dir.name}.json"
    export.write_text(json.dumps(document), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "dprk_it_tutor",
            "import",
            str(export),
            "--data-dir",
            str(data_dir),
            "--profile",
            "bench",
        ],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"benchmarks: could not build the store in {data_dir}:\n{result.stderr}")
    export.unlink()
    return data_dir


def make_inputs(work: Path) -> dict[str, Path]:
    """Every input the benchmarks need, under ``work``; stores are rebuilt on every call, since
    a run of the app writes to them."""
    import shutil

    now = datetime.now(timezone.utc)
    stores = {
        "empty": _empty_export(),
        "some": some_history(now),
        "long": long_history(now),
    }
    made = {"big_course": write_big_course(work / "big-course")}
    for name, document in stores.items():
        folder = work / f"store-{name}"
        shutil.rmtree(folder, ignore_errors=True)
        made[f"store_{name}"] = make_store(folder, document, work)
    return made


if __name__ == "__main__":
    # Run by run.py in a process of its own, so that the runner, whose children's peak memory is
    # measured, never holds these documents itself.
    made = make_inputs(Path(sys.argv[1]))
    print(json.dumps({name: str(path) for name, path in made.items()}))
