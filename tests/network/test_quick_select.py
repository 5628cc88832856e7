"""network.forms.QuickSelect writes what Django's Select writes, without a template per option."""

import re
from html.parser import HTMLParser

import pytest
from django import forms
from django.utils import translation
from django_countries import countries

from network.forms import QuickSelect


class Markup(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.select, self.options, self._option = None, [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "select":
            self.select = dict(attrs)
        elif tag == "option":
            self._option = [dict(attrs).get("value"), "selected" in dict(attrs), ""]

    def handle_data(self, data):
        if self._option is not None:
            self._option[2] += data

    def handle_endtag(self, tag):
        if tag == "option":
            self.options.append(tuple(self._option))
            self._option = None


@pytest.mark.parametrize("value", ["", "KE", "CI"])
def test_a_quick_select_has_the_markup_of_a_select(value):
    choices = [("", "— choose —"), *countries, ("X", 'Tom & "Jerry" <b>')]
    attrs = {"id": "id_country", "required": True, "aria-describedby": "help"}
    with translation.override("fr"):
        slow = Markup(forms.Select(choices=choices).render("country", value, attrs))
        quick_html = QuickSelect(choices=choices).render("country", value, attrs)
        quick = Markup(quick_html)
    assert quick.select == slow.select == {
        "name": "country", "id": "id_country", "required": None, "aria-describedby": "help"
    }  # fmt: skip
    assert quick.options == slow.options
    assert len(quick.options) == len(choices)
    assert "<b>" not in quick_html and "&lt;b&gt;" in quick_html  # labels escaped
    assert len(re.findall(" selected", quick_html)) == (1 if value in dict(choices) else 0)
