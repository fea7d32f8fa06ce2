"""Link cards: a chart fitted to 1200x630 without shrinking its text, the chart a link's card
shows, its address, and one drawing at a time with a bounded queue."""

import io
import threading
import time

import pytest
from PIL import Image

from components.publish import social_cards
from components.registry import PAGES, get_chart


def png(width: int, height: int, colour: str = "black") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, format="PNG")
    return out.getvalue()


def opened(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("RGB")


def test_a_short_chart_sits_on_white_at_the_top_of_the_card():
    card = opened(social_cards.fit_to_card(png(1200, 400)))
    assert card.size == (1200, 630)
    assert card.getpixel((600, 10)) == (0, 0, 0) and card.getpixel((600, 399)) == (0, 0, 0)
    assert card.getpixel((600, 400)) == (255, 255, 255)


def test_a_tall_chart_keeps_its_top_and_fades_out_at_the_bottom():
    card = opened(social_cards.fit_to_card(png(1200, 2000)))
    assert card.size == (1200, 630)
    assert card.getpixel((600, 10)) == (0, 0, 0)
    assert card.getpixel((600, 629))[0] > 240  # white at the edge
    middle = card.getpixel((600, 630 - social_cards.FADE_PX // 2))[0]
    assert 60 < middle < 200  # half way through the fade


def test_a_chart_of_another_width_is_scaled_to_the_cards_width():
    card = opened(social_cards.fit_to_card(png(600, 100)))
    assert card.size == (1200, 630) and card.getpixel((600, 190)) == (0, 0, 0)
    assert card.getpixel((600, 210)) == (255, 255, 255)


def test_the_card_shows_the_embeds_chart_else_the_pages_first_else_the_first_pages():
    assert social_cards.lead_chart("map").chart_id == "membership-map"
    assert social_cards.lead_chart("map", "history").chart_id == "history"
    assert social_cards.lead_chart("map", "no-such-chart").chart_id == "membership-map"
    first = social_cards.lead_chart(PAGES[0].url_path).chart_id
    assert social_cards.lead_chart("sources").chart_id == first


def test_a_cards_query_names_the_language_and_only_the_values_not_at_their_default():
    spec = get_chart("membership-map")
    values = dict(spec.defaults)
    assert social_cards.card_query(spec, values, "en") == "lang=en"
    values["bloc"] = "SCO"
    assert social_cards.card_query(spec, values, "id") == "lang=id&bloc=SCO"


def test_one_card_is_drawn_at_a_time_and_a_full_queue_is_refused(monkeypatch):
    drawing = threading.Event()
    release = threading.Event()
    at_once = []
    active = []

    def slow_card(chart, source_text):
        active.append(1)
        at_once.append(len(active))
        drawing.set()
        release.wait(5)
        active.pop()
        return b"card"

    monkeypatch.setattr(social_cards, "card_png", slow_card)
    threads = [threading.Thread(target=social_cards.drawn_card, args=(None, ""))
               for _ in range(social_cards.MAX_WAITING)]
    for thread in threads:
        thread.start()
    drawing.wait(5)
    for _ in range(500):  # until every thread has joined the queue
        if social_cards._waiting == social_cards.MAX_WAITING:
            break
        time.sleep(0.01)
    with pytest.raises(social_cards.WorkerBusy):
        social_cards.drawn_card(None, "")
    release.set()
    for thread in threads:
        thread.join(5)
    assert at_once == [1] * social_cards.MAX_WAITING
    assert social_cards.drawn_card(None, "") == b"card"  # the queue has emptied
