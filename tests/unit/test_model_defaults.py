"""Issue 15: pydantic asks every default factory's signature as it builds a model's schema;
`inspect.signature(list)` parses the builtin's text signature (~100 us a field, ~4 ms of
start-up for the ~36 list fields), so the models' list fields use `new_list`."""

from __future__ import annotations

import inspect

from accountmap.domain import journey, models, review_merge, workspace


def _model_classes():
    for module in (models, journey, workspace, review_merge):
        for value in vars(module).values():
            if inspect.isclass(value) and issubclass(value, models.Model) \
                    and value.__module__ == module.__name__:
                yield value


def test_no_model_field_takes_list_as_its_default_factory():
    """(`dict` has no text signature: asking for it fails at once.)"""
    slow = [f"{cls.__name__}.{name}" for cls in _model_classes()
            for name, field in cls.model_fields.items()
            if field.default_factory in (list, tuple, set, frozenset)]
    assert slow == []


def test_list_fields_start_empty_and_apart():
    first, second = models.Account(name="A"), models.Account(name="B")
    assert first.stakeholders == [] and first.stakeholders is not second.stakeholders
