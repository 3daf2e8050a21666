from django import template

from duties.models import RegisterEntry

register = template.Library()


@register.filter
def status_label(value):
    try:
        return RegisterEntry.Status(value).label
    except ValueError:
        return value
