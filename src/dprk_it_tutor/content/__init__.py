"""The course content model and its loaders. Pure Python: never imports Textual."""

from dprk_it_tutor.content.course import load_course
from dprk_it_tutor.content.model import (
    BrokenFile,
    ContentError,
    Course,
    Diagnostic,
    GlossaryTerm,
    Lesson,
    Pack,
    Part,
    Question,
    Quiz,
    SourceRef,
    Step,
    TermLink,
    TimelineEvent,
)

__all__ = [
    "BrokenFile",
    "ContentError",
    "Course",
    "Diagnostic",
    "GlossaryTerm",
    "Lesson",
    "Pack",
    "Part",
    "Question",
    "Quiz",
    "SourceRef",
    "Step",
    "TermLink",
    "TimelineEvent",
    "load_course",
]
