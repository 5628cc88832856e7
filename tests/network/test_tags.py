"""Tag fields (network.tags.PrefetchedTags): each row shows its own tags, whether a list
prefetched them or a single row reads them."""

import pytest

from innovations.models import Innovation
from tests.factories import InnovationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tagged():
    first, second = InnovationFactory(), InnovationFactory()
    first.tags.set(["apprenticeship", "solar"])
    second.tags.set(["digital skills"])
    return first, second


def test_a_prefetched_list_gives_each_row_its_own_tags(tagged, django_assert_num_queries):
    first, second = tagged
    with django_assert_num_queries(2):
        rows = {i.pk: i for i in Innovation.objects.filter(pk__in=[first.pk, second.pk])
                .prefetch_related("tags")}  # fmt: skip
        assert sorted(t.name for t in rows[first.pk].tags.all()) == ["apprenticeship", "solar"]
        assert [t.name for t in rows[second.pk].tags.all()] == ["digital skills"]


def test_a_single_row_reads_filters_and_counts_its_own_tags(tagged):
    first, second = Innovation.objects.get(pk=tagged[0].pk), tagged[1]
    assert sorted(first.tags.names()) == ["apprenticeship", "solar"]
    assert [t.name for t in first.tags.filter(name__startswith="s")] == ["solar"]
    assert first.tags.count() == 2
    assert list(second.tags.values_list("name", flat=True)) == ["digital skills"]
    second.tags.add("solar")
    assert sorted(second.tags.names()) == ["digital skills", "solar"]
