"""Member text in Markdown (network.markdown): one converter per thread, reset between texts."""

import threading

from network.markdown import KEPT_LENGTH, render_markdown


def test_nothing_of_one_text_carries_into_the_next():
    first = render_markdown("See [the toolkit][kit].\n\n[kit]: https://example.org/kit")
    assert 'href="https://example.org/kit"' in first
    second = render_markdown("See [the toolkit][kit].")
    assert "example.org" not in second
    assert "[the toolkit][kit]" in second


def test_texts_rendered_in_other_threads_stay_their_own():
    texts = {n: f"**Bio {n}**\n\n- item {n}" for n in range(8)}
    rendered = {}

    def render(n):
        for _ in range(20):
            rendered[n] = render_markdown(texts[n])

    threads = [threading.Thread(target=render, args=(n,)) for n in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert rendered == {
        n: f"<p><strong>Bio {n}</strong></p>\n<ul>\n<li>item {n}</li>\n</ul>" for n in texts
    }


def test_texts_kept_rendered_keep_their_own_links_rel_and_long_texts_render_alike():
    text = "Read [the toolkit](https://example.org/kit)."
    assert 'rel="nofollow ugc noopener noreferrer"' in render_markdown(text)
    assert 'rel="noopener noreferrer"' in render_markdown(text, nofollow=False)
    assert 'rel="nofollow ugc noopener noreferrer"' in render_markdown(text)
    long = text + "\n\n" + "More words. " * (KEPT_LENGTH // 10)
    assert len(long) > KEPT_LENGTH
    assert render_markdown(long).startswith(render_markdown(text))
    assert render_markdown(long).count("<p>") == 2
