from django import template

register = template.Library()


@register.filter
def lines(text):
    """A table cell's lines: the first is what the cell says, the rest are notes under it."""
    return str(text).split("\n")
