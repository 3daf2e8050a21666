from django import template

from plans import adoption
from plans.models import AdoptionStep

register = template.Library()

Outcome = AdoptionStep.Outcome

# GOV.UK tag colours for outcomes; each pair of text and tint passes WCAG AA contrast.
OUTCOME_TAGS = {
    Outcome.ADOPTED: "govuk-tag--green",
    Outcome.AGREED_SUBJECT_TO_CONDITIONS: "govuk-tag--yellow",
    Outcome.NOTED: "govuk-tag--purple",
    Outcome.DEFERRED: "govuk-tag--orange",
    Outcome.REJECTED: "govuk-tag--red",
}


@register.filter
def outcome_tag(outcome):
    """The tag class for an outcome; plain (blue) for agreed and recommended."""
    return OUTCOME_TAGS.get(outcome, "")


@register.filter
def step_label(kind):
    return AdoptionStep.Kind(kind).label


@register.simple_tag
def steps_to_come(route, state):
    """{% steps_to_come route state as to_come %}: the kinds of step still ahead."""
    return adoption.steps_to_come(state, adopted_by=route.council.adopted_by)


@register.simple_tag
def flag_lines(plan_state):
    """{% flag_lines state as lines %}: every flag in words, naming the council when a
    pan-area plan has more than one route, so a reader knows whose route it is."""
    named = len(plan_state.routes) > 1
    lines = []
    for route, state in plan_state.routes:
        lines += [f"{route.council.name}: {flag.text}" if named else flag.text for flag in state.flags]
    route_flags = [flag for _, state in plan_state.routes for flag in state.flags]
    lines += [flag.text for flag in plan_state.flags if flag not in route_flags]
    return lines
